"""Examples and elements as the API's types, read with as few queries as the answer allows.

Only public fields leave this module: editorial notes, interview records and non-public contacts
are never loaded here, so they cannot leak through a forgotten field.
"""

from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.urls import reverse
from wagtail.models import Page

from voorbeeldenbank.core.models import Element
from voorbeeldenbank.examples import catalogue
from voorbeeldenbank.examples.constants import Formality, Kind, Scale
from voorbeeldenbank.examples.models import (
    ExampleElement,
    ExamplePage,
)
from voorbeeldenbank.examples.prefetch import public_format_parts
from voorbeeldenbank.examples.search import explain

from . import types

# The page fields a summary needs (plus what Wagtail needs for the page's URL). Loading only
# these keeps one page of results light: the long texts are most of an example's bytes.
SUMMARY_FIELDS = (
    "id",
    "path",
    "depth",
    "url_path",
    "slug",
    "title",
    "live",
    "short_name",
    "kind",
    "formality",
    "scale",
    "summary",
)


@dataclass
class SummaryRow:
    page: ExamplePage
    element_keys: list[str] = field(default_factory=list)
    place_keys: list[str] = field(default_factory=list)


def public_examples() -> QuerySet[ExamplePage]:
    """Examples that anyone may see: live and not behind a view restriction."""
    pages: QuerySet[ExamplePage] = ExamplePage.objects.live().public()
    return pages


def summaries_for(ids: list[int]) -> list[SummaryRow]:
    """Load one page of results, in the given order, in a fixed number of queries.

    Element and place keys are read as plain values: building a model instance for every link
    and term would cost more than the rest of the request.
    """
    rows = {
        page.pk: SummaryRow(page)
        for page in public_examples().filter(pk__in=ids).only(*SUMMARY_FIELDS)
    }
    element_links = (
        ExampleElement.objects.filter(page_id__in=list(rows))
        .order_by("sort_order", "pk")
        .values_list("page_id", "element__key")
    )
    for page_id, key in element_links:
        rows[page_id].element_keys.append(key)
    place_links = (
        ExamplePage.places.through.objects.filter(examplepage_id__in=list(rows))
        .order_by("place__sort_order", "place__title")
        .values_list("examplepage_id", "place__key")
    )
    for page_id, key in place_links:
        rows[page_id].place_keys.append(key)
    # An id can be missing if a page lost its public status after it was indexed.
    return [rows[pk] for pk in ids if pk in rows]


def detail_for(slug: str) -> ExamplePage | None:
    return (
        public_examples()
        .filter(slug=slug)
        .prefetch_related(*public_format_parts())
        .order_by("pk")
        .first()
    )


def page_url(page: Page, request: HttpRequest) -> str | None:
    url = page.get_url(request)
    return request.build_absolute_uri(url) if url else None


def api_url(page: ExamplePage, request: HttpRequest) -> str:
    return request.build_absolute_uri(reverse("api:example-detail", args=[page.slug]))


def matches(result: catalogue.CatalogueResult, page_ids: list[int]) -> dict[int, types.Match]:
    """Why each of these results was found, when the query had search words."""
    ranking = result.ranking
    if ranking is None:
        return {}
    snapshot = result.snapshot
    snippets = explain.snippets(snapshot, ranking, page_ids)
    found = {}
    for page_id in page_ids:
        position = snapshot.positions.get(page_id)
        via: list[Literal["name", "lexical", "semantic"]] = []
        if position in ranking.names:
            via.append("name")
        if ranking.found_by_words(position):
            via.append("lexical")
        if ranking.found_by_meaning(position):
            via.append("semantic")
        snippet = snippets.get(page_id)
        found[page_id] = types.Match(
            via=via,
            section=snippet.label if snippet else "",
            snippet=snippet.text if snippet else "",
            highlights=list(snippet.highlights) if snippet else [],
        )
    return found


def example_summary(
    row: SummaryRow, request: HttpRequest, match: types.Match | None = None
) -> types.ExampleSummary:
    page = row.page
    return types.ExampleSummary(
        id=page.pk,
        slug=page.slug,
        name=page.title,
        short_name=page.short_name,
        url=page_url(page, request),
        api_url=api_url(page, request),
        kind=Kind(page.kind),
        quadrant=types.Quadrant(formality=Formality(page.formality), scale=Scale(page.scale)),
        elements=row.element_keys,
        element_count=len(row.element_keys),
        places=row.place_keys,
        summary=page.summary,
        match=match,
    )


def _element_counts() -> Counter[int]:
    """Public examples per element id.

    Counted as all links minus the links of hidden pages (drafts, unpublished or restricted).
    Hidden pages are few, so this stays fast at 10,000 examples, unlike a join on every live page.
    """
    hidden = Page.objects.not_live() | Page.objects.not_public()
    per_element = ExampleElement.objects.values_list("element_id").annotate(n=Count("pk"))
    counts = Counter(dict(per_element.order_by()))
    counts.subtract(dict(per_element.filter(page_id__in=hidden.values("pk")).order_by()))
    return counts


def elements_with_counts() -> list[types.Element]:
    """The eight elements, each with the number of public examples that show it."""
    counts = _element_counts()
    return [
        types.Element(
            key=element.key,
            title=element.title,
            title_en=element.title_en,
            summary=element.summary,
            summary_en=element.summary_en,
            order=element.sort_order,
            example_count=counts[element.pk],
        )
        for element in Element.objects.all()
    ]
