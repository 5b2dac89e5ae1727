"""The API's addresses that show an example, for the page cache (core/frontend_cache.py)."""

from __future__ import annotations

from collections.abc import Iterable

from django.urls import reverse
from wagtail.models import Page

from voorbeeldenbank.examples.models import ExamplePage


def addresses_showing(page: Page) -> Iterable[str]:
    example = page.specific_deferred
    if not isinstance(example, ExamplePage):
        return []
    return [
        reverse("api:example-list"),
        reverse("api:example-detail", kwargs={"slug": example.slug}),
        reverse("api:matrix"),
        *(
            reverse(name, kwargs={"extension": extension})
            for name in ("api:catalogue-download", "api:matrix-download")
            for extension in ("csv", "json")
        ),
    ]
