"""The site's fixed pages in templates: navigation and links to the catalogue and tables."""

from django import template
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from voorbeeldenbank.core import menus
from voorbeeldenbank.core.models import HomePage, TablePage

from ..models import ExampleIndexPage

register = template.Library()

NAV_LABELS = {
    "home": _("Home"),
    "catalogue": _("Voorbeelden"),
    "quadrant": _("Kwadrant"),
    "matrix": _("Elementenmatrix"),
    "interviews": _("Interviews"),
}


def _site_page_urls(request) -> dict[str, str]:
    """The addresses of the home page, catalogue and table pages (core/menus.py keeps them)."""

    def build() -> dict[str, str]:
        pages: dict = {
            "home": HomePage.objects.live().first(),
            "catalogue": ExampleIndexPage.objects.live().first(),
        }
        for table_page in TablePage.objects.live():
            pages[table_page.table] = table_page
        return {key: page.get_url(request) or "" for key, page in pages.items() if page}

    cached = getattr(request, "_vb_site_page_urls", None)
    if cached is None:
        cached = menus.cached(request, "site_pages", build)
        if request is not None:
            request._vb_site_page_urls = cached
    return cached


@register.simple_tag(takes_context=True)
def site_page_url(context, key: str) -> str:
    """URL of one of the site's fixed pages ('catalogue', 'matrix', …), or '' if it is missing."""
    return _site_page_urls(context.get("request")).get(key, "")


@register.simple_tag(takes_context=True)
def site_navigation(context) -> list[dict]:
    request = context.get("request")
    urls = _site_page_urls(request)
    current = request.path if request else ""
    items = []
    for key, label in NAV_LABELS.items():
        url = urls.get(key)
        if not url:
            continue
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
            # The call to action: styled as a button, at the end of the menu.
            "cta": True,
        }
    )
    return items
