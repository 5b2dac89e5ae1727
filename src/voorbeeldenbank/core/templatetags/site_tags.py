"""Helpers for the public site's layout: the language switch, the page's meta data and plain-text
paragraphs."""

import re

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import conditional_escape, format_html_join, strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from voorbeeldenbank.core import menus
from voorbeeldenbank.core.models import AccessibilityStatementPage, InfoPage, PrivacyPage

register = template.Library()

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# Views outside the page tree that are public and have one address each; the others (a
# submitter's private pages among them) get no canonical address and no sharing card.
PUBLIC_VIEW_NAMESPACES = {"examples", "lexicon", "publication"}
PUBLIC_VIEW_NAMES = {"submissions:start"}
DESCRIPTION_LENGTH = 160


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


def _description(page) -> str:
    if page is None:
        return ""
    text = getattr(page, "search_description", "")
    for name in ("summary", "display_intro"):
        text = text or getattr(page, name, "") or ""
    return Truncator(" ".join(strip_tags(text).split())).chars(DESCRIPTION_LENGTH)


def _public_view(request) -> bool:
    match = getattr(request, "resolver_match", None)
    if match is None:
        return False
    return match.namespace in PUBLIC_VIEW_NAMESPACES or match.view_name in PUBLIC_VIEW_NAMES


@register.inclusion_tag("core/_page_meta.html", takes_context=True)
def page_meta(context) -> dict:
    """Description, canonical address, language alternates and the Open Graph card."""
    request = context.get("request")
    page = context.get("page")
    canonical = ""
    if request is not None and (page is not None or _public_view(request)):
        site = Site.find_for_request(request)
        root = (site.root_url if site else request.build_absolute_uri("/")).rstrip("/")
        path = page.get_url(request, current_site=site) if page is not None else request.path
        canonical = path if "://" in (path or "") else root + (path or "/")
    description = _description(page) or _(
        "Praktijkvoorbeelden van normaliseren in de zorg voor jeugd, met de visie in acht "
        "elementen, om te zoeken, te vergelijken en zelf aan te vullen."
    )
    alternates = (
        [{"code": code, "url": translate_url(canonical, code)} for code, _n in settings.LANGUAGES]
        if canonical
        else []
    )
    site_name = _("Voorbeeldenbank Normaliseren")
    title = ""
    if page is not None:
        title = page.seo_title or getattr(page, "display_title", "") or page.title
    return {
        "title": title or site_name,
        "site_name": site_name,
        "description": description,
        "canonical": canonical,
        "alternates": alternates,
        "kind": "article" if getattr(page, "summary", None) is not None else "website",
        "locale": (get_language() or settings.LANGUAGE_CODE).replace("-", "_"),
    }


@register.simple_tag
def dutch() -> SafeString:
    """` lang="nl"` on an element that holds Dutch content, when the page is in another language
    (the examples, quotes and lexicon are written in Dutch only; WCAG 3.1.2)."""
    current = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return mark_safe(' lang="nl"') if current != "nl" else mark_safe("")


@register.simple_tag(takes_context=True)
def footer_pages(context) -> list[dict]:
    """The about, contact, privacy and accessibility pages that the redactie shows in menus."""
    request = context.get("request")

    def build() -> list[dict]:
        pages = (
            Page.objects.live()
            .public()
            .in_menu()
            .type(InfoPage, PrivacyPage, AccessibilityStatementPage)
            .specific()
            .order_by("path")
        )
        links = ({"url": page.get_url(request), "label": page.display_title} for page in pages)
        return [link for link in links if link["url"]]

    return menus.cached(request, "footer", build)


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
