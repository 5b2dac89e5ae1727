"""The pages that show an example, for the page cache (core/frontend_cache.py)."""

from __future__ import annotations

from collections.abc import Iterable

from django.urls import reverse
from wagtail.models import Page

from voorbeeldenbank.core.models import HomePage, TablePage

from .models import ExampleIndexPage, ExamplePage


def pages_showing(page: Page) -> Iterable[str]:
    """The home page (recent examples), the catalogue, the overview tables, the compare view, the
    feed and the sitemap list every published example, so a change to one changes them."""
    if not isinstance(page.specific_deferred, ExamplePage):
        return []
    listing = Page.objects.live().type(HomePage, ExampleIndexPage, TablePage).specific()
    return [
        *(url for url in (each.get_url(None) for each in listing) if url),
        reverse("examples:compare"),
        reverse("examples:feed"),
        reverse("sitemap"),
    ]
