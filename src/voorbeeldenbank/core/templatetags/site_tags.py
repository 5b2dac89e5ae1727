"""Helpers for the public site's layout: the language switch and plain-text paragraphs."""

import re

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import conditional_escape, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, get_language_info

register = template.Library()

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """The current page in each language, keeping the query string (filters survive a switch)."""
    request = context.get("request")
    current = get_language() or settings.LANGUAGE_CODE
    path = request.path if request else "/"
    query = request.GET.urlencode() if request else ""
    links = []
    for code, _name in settings.LANGUAGES:
        url = translate_url(path, code)
        if query:
            url = f"{url}?{query}"
        # Each language is named in itself, so a visitor finds their own language.
        name = get_language_info(code)["name_local"]
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return links


@register.filter
def break_after_slash(text: str | None) -> SafeString:
    """Allow long 'jeugdigen/ouders' style headings to wrap after a slash in narrow columns."""
    return mark_safe("/<wbr>".join(conditional_escape(part) for part in str(text or "").split("/")))


@register.filter
def paragraphs(text: str | None) -> SafeString:
    """Plain text with blank lines between paragraphs as escaped <p> elements."""
    if not text:
        return mark_safe("")
    parts = [part.strip() for part in PARAGRAPH_BREAK.split(str(text).strip()) if part.strip()]
    return format_html_join("\n", "<p>{}</p>", ((part,) for part in parts))
