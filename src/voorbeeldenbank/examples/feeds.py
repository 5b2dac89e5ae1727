"""An Atom feed of new and updated examples, newest change first."""

from __future__ import annotations

from datetime import datetime

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from .models import ExampleIndexPage, ExamplePage

FEED_SIZE = 50


class ExampleFeed(Feed):
    feed_type = Atom1Feed

    def title(self) -> str:
        return _("Voorbeeldenbank Normaliseren: nieuwe en bijgewerkte voorbeelden")

    def subtitle(self) -> str:
        return _("Praktijkvoorbeelden van normaliseren in de zorg voor jeugd.")

    def link(self) -> str:
        index = ExampleIndexPage.objects.live().first()
        return (index.get_url() if index else None) or "/"

    def feed_url(self) -> str:
        return reverse("examples:feed")

    def items(self) -> QuerySet[ExamplePage]:
        return (
            ExamplePage.objects.live().public().order_by("-last_published_at", "title")[:FEED_SIZE]
        )

    def item_title(self, item: ExamplePage) -> str:
        return item.title

    def item_description(self, item: ExamplePage) -> str:
        return item.summary

    def item_link(self, item: ExamplePage) -> str:
        return item.get_url() or "/"

    def item_guid(self, item: ExamplePage) -> str:
        # Stable across renames and moves: the page's number on this site.
        return f"voorbeeld-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: ExamplePage) -> datetime | None:
        return item.first_published_at

    def item_updateddate(self, item: ExamplePage) -> datetime | None:
        return item.last_published_at
