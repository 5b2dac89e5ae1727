"""Absolute addresses for thousands of examples at the cost of a few.

Asking Wagtail (page.get_url) and Django (reverse) for every row of a 10,000-row download costs
more than the rest of the request together, and needs a model instance per row. An example's
address is its parent's address plus its slug (Wagtail's url_path), so Wagtail is asked once
per parent, and the API address is one reverse() with the slug filled in.
"""

from typing import Any
from urllib.parse import quote

from django.http import HttpRequest
from django.urls import reverse

from voorbeeldenbank.examples.models import ExamplePage

from .serializers import page_url

# What reverse() leaves unquoted (django.urls.resolvers), so quote(slug) equals its output.
SAFE = "!$&'()*+,;=/~:@"
PLACEHOLDER = "slug-placeholder"
# The fields Wagtail needs to compute one page's address.
URL_FIELDS = ("id", "path", "depth", "url_path", "slug", "live")


class Links:
    def __init__(self, request: HttpRequest) -> None:
        self.request = request
        detail = reverse("api:example-detail", args=[PLACEHOLDER])
        self.api_prefix, _, self.api_suffix = request.build_absolute_uri(detail).rpartition(
            PLACEHOLDER
        )
        # Parent url_path → its children's address up to the slug; None: ask Wagtail per page
        # (routing that does not follow the usual pattern); "": the page has no address.
        self.prefixes: dict[str, str | None] = {}

    def api_url(self, slug: str) -> str:
        return f"{self.api_prefix}{quote(slug, safe=SAFE)}{self.api_suffix}"

    def page_url(self, row: dict[str, Any]) -> str | None:
        slug, url_path = row["slug"], row["url_path"]
        tail = f"{slug}/"
        if not url_path.endswith(tail):
            return self._ask_wagtail(row["id"])
        parent = url_path.removesuffix(tail)
        if parent not in self.prefixes:
            self.prefixes[parent] = self._prefix(row["id"], slug)
        prefix = self.prefixes[parent]
        if prefix is None:
            return self._ask_wagtail(row["id"])
        return f"{prefix}{quote(slug, safe=SAFE)}/" if prefix else None

    def _prefix(self, page_id: int, slug: str) -> str | None:
        url = self._ask_wagtail(page_id)
        if url is None:
            return ""
        tail = f"{quote(slug, safe=SAFE)}/"
        return url.removesuffix(tail) if url.endswith(tail) else None

    def _ask_wagtail(self, page_id: int) -> str | None:
        page = ExamplePage.objects.only(*URL_FIELDS).get(pk=page_id)
        return page_url(page, self.request)
