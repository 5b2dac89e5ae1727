"""The sitemap's part for the editions: their list and the web version of each."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from voorbeeldenbank.core.sitemaps import ViewSitemap

from .models import Edition


class EditionSitemap(ViewSitemap):
    def items(self) -> list[Edition | None]:
        # None stands for the list of editions.
        return [None, *Edition.objects.order_by("number")]

    def location(self, item: Edition | None) -> str:
        if item is None:
            return reverse("publication:edition_list")
        return reverse("publication:edition_html", args=[item.number])

    def lastmod(self, item: Edition | None) -> date | None:
        return item.published_on if item is not None else None
