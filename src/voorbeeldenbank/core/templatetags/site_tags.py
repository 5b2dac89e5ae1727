"""Helpers for the public site's layout: navigation, language switch and plain-text paragraphs."""

import re

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.html import conditional_escape, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _

register = template.Library()

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")

NAV_LABELS = {
    "home": _("Home"),
    "catalogue": _("Voorbeelden"),
    "quadrant": _("Kwadrant"),
    "matrix": _("Elementenmatrix"),
    "interviews": _("Interviews"),
}


def _site_pages(request) -> dict:
    """The home page, catalogue and table pages, looked up once per request."""
    cached = getattr(request, "_vb_site_pages", None)
    if cached is not None:
        return cached
    from voorbeeldenbank.core.models import HomePage, TablePage
    from voorbeeldenbank.examples.models import ExampleIndexPage

    pages: dict = {
        "home": HomePage.objects.live().first(),
        "catalogue": ExampleIndexPage.objects.live().first(),
    }
    for table_page in TablePage.objects.live():
        pages[table_page.table] = table_page
    if request is not None:
        request._vb_site_pages = pages
    return pages


@register.simple_tag(takes_context=True)
def site_page_url(context, key: str) -> str:
    """URL of one of the site's fixed pages ('catalogue', 'matrix', …), or '' if it is missing."""
    request = context.get("request")
    page = _site_pages(request).get(key)
    return page.get_url(request) if page else ""


@register.simple_tag(takes_context=True)
def site_navigation(context) -> list[dict]:
    request = context.get("request")
    pages = _site_pages(request)
    current = request.path if request else ""
    items = []
    for key, label in NAV_LABELS.items():
        page = pages.get(key)
        if page is None:
            continue
        url = page.get_url(request)
        # Home is only current on itself; sections are also current on their subpages.
        active = current == url if key == "home" else current.startswith(url)
        items.append({"label": label, "url": url, "active": active})
    # Editions are a plain Django view, not a page in the tree.
    editions_url = reverse("publication:edition_list")
    items.append(
        {"label": _("Edities"), "url": editions_url, "active": current.startswith(editions_url)}
    )
    for label, name in ((_("Lexicon"), "lexicon:index"), (_("Taalcheck"), "lexicon:taalcheck")):
        url = reverse(name)
        items.append({"label": label, "url": url, "active": current.startswith(url)})
    submit_url = reverse("submissions:start")
    items.append(
        {
            "label": _("Voorbeeld insturen"),
            "url": submit_url,
            "active": current.startswith(submit_url),
        }
    )
    return items


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
