"""The sitemap's part for the language check and the lexicon, in each of the site's languages."""

from __future__ import annotations

from django.db.models import QuerySet
from django.urls import reverse

from voorbeeldenbank.core.sitemaps import ViewSitemap

from .models import LexiconEntry


class LexiconSitemap(ViewSitemap):
    def items(self) -> list[object]:
        return ["lexicon:taalcheck", "lexicon:index", *self._entries()]

    def _entries(self) -> QuerySet[LexiconEntry]:
        return LexiconEntry.objects.order_by("slug")

    def location(self, item: object) -> str:
        if isinstance(item, LexiconEntry):
            return item.get_absolute_url()
        return reverse(str(item))
