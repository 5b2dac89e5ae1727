"""The open data: the element matrix and the flat catalogue, as rows shared by JSON and CSV.

Only live examples without a view restriction are read (serializers.public_examples), so a
draft or restricted example cannot reach a download even when the search index lags behind.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Model, QuerySet
from django.http import HttpRequest, QueryDict

from voorbeeldenbank.core.models import Element
from voorbeeldenbank.examples import catalogue
from voorbeeldenbank.examples.models import ExampleElement, ExamplePage

from . import filters, responses, types
from .links import Links
from .serializers import public_examples

# Read as plain values: a model instance per row would cost more than the whole query, and the
# long texts, most of an example's bytes, stay in the database.
MATRIX_FIELDS = ("id", "url_path", "slug", "title", "short_name")
CATALOGUE_FIELDS = (
    *MATRIX_FIELDS,
    "kind",
    "formality",
    "scale",
    "since_year",
    "age_min",
    "age_max",
)
# Above this many ids it is cheaper to read every public example and drop the rest in Python
# than to send an IN list, which also stays far below the databases' parameter limits.
MAX_IN_LIST = 2000
# Lists inside one CSV cell are joined with this; keys are slugs, so it never occurs in them.
LIST_SEPARATOR = "|"

CATALOGUE_COLUMNS = [
    "id",
    "slug",
    "name",
    "short_name",
    "kind",
    "formality",
    "scale",
    "since_year",
    "age_min",
    "age_max",
    "places",
    "target_groups",
    "topics",
    "elements",
    "element_count",
    "url",
    "api_url",
]


@dataclass
class Row:
    page: dict[str, Any]
    elements: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    target_groups: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)


@dataclass
class Selection:
    """The examples a request asks for: ids in catalogue order, or None for all of them."""

    ids: list[int] | None
    errors: list[str]


def select(params: QueryDict) -> Selection:
    """Apply the list endpoint's filters (strictly: unknown values are errors)."""
    query = filters.parse(params, catalogue.facet_vocabularies())
    if query.errors:
        return Selection(ids=None, errors=list(query.errors))
    if query.is_empty:
        return Selection(ids=None, errors=[])
    return Selection(ids=catalogue.run(query).ids, errors=[])


def catalogue_ids(params: QueryDict) -> Selection:
    """Like select, but always with ids: the catalogue's order is its search order."""
    selection = select(params)
    if selection.ids is None and not selection.errors:
        selection.ids = catalogue.run(catalogue.CatalogueQuery()).ids
    return selection


def _scoped(ids: list[int] | None) -> QuerySet[ExamplePage]:
    pages = public_examples()
    if _small(ids):
        pages = pages.filter(pk__in=ids)
    return pages


def _small(ids: list[int] | None) -> bool:
    return ids is not None and len(ids) <= MAX_IN_LIST


def _keys_by_page(
    through: type[Model],
    page_field: str,
    term_field: str,
    terms: dict[int, str],
    ids: list[int] | None,
) -> dict[int, list[str]]:
    """Term keys per page id, in the vocabulary's order (terms: id → key, in that order).

    Plain ids, mapped to keys in Python: no join and no ORDER BY, which at 10,000 examples cost
    more than the rows themselves. Links of hidden pages may be read; the callers only look up
    the pages they loaded.
    """
    links = through._default_manager.values_list(page_field, term_field).order_by()
    if _small(ids):
        links = links.filter(**{f"{page_field}__in": ids})
    rank = {term_id: position for position, term_id in enumerate(terms)}
    grouped: dict[int, list[int]] = defaultdict(list)
    for page_id, term_id in links:
        grouped[page_id].append(term_id)
    return {
        page_id: [terms[term_id] for term_id in sorted(term_ids, key=rank.__getitem__)]
        for page_id, term_ids in grouped.items()
    }


def _element_keys(ids: list[int] | None) -> dict[int, list[str]]:
    # The vision's order, so that every row lists its elements in the same order.
    terms = dict(Element.objects.values_list("pk", "key"))
    return _keys_by_page(ExampleElement, "page_id", "element_id", terms, ids)


def _term_keys(relation: str, ids: list[int] | None) -> dict[int, list[str]]:
    m2m = ExamplePage._meta.get_field(relation)
    terms = dict(m2m.related_model._default_manager.values_list("pk", "key"))
    return _keys_by_page(
        m2m.remote_field.through,
        f"{m2m.m2m_field_name()}_id",
        f"{m2m.m2m_reverse_field_name()}_id",
        terms,
        ids,
    )


def matrix_rows(ids: list[int] | None) -> list[Row]:
    """Rows in the order of the website's matrix (by name), limited to ids when given."""
    pages = _scoped(ids)
    wanted = None if ids is None else set(ids)
    elements = _element_keys(ids)
    return [
        Row(page, elements=elements.get(page["id"], []))
        for page in pages.order_by("title", "pk").values(*MATRIX_FIELDS)
        if wanted is None or page["id"] in wanted
    ]


def catalogue_rows(ids: list[int]) -> list[Row]:
    """Rows with every facet's keys, in the given (catalogue) order."""
    pages = _scoped(ids)
    wanted = set(ids)
    loaded = {page["id"]: page for page in pages.values(*CATALOGUE_FIELDS) if page["id"] in wanted}
    elements = _element_keys(ids)
    places = _term_keys("places", ids)
    targets = _term_keys("target_groups", ids)
    topics = _term_keys("topics", ids)
    return [
        Row(
            loaded[pk],
            elements=elements.get(pk, []),
            places=places.get(pk, []),
            target_groups=targets.get(pk, []),
            topics=topics.get(pk, []),
        )
        for pk in ids
        if pk in loaded
    ]


def element_columns() -> list[Element]:
    return list(Element.objects.all())


def matrix_entry(row: Row, keys: list[str], links: Links) -> types.MatrixRow:
    page = row.page
    present = set(row.elements)
    return types.MatrixRow(
        id=page["id"],
        slug=page["slug"],
        name=page["title"],
        short_name=page["short_name"],
        url=links.page_url(page),
        api_url=links.api_url(page["slug"]),
        elements={key: key in present for key in keys},
        element_count=len(present & set(keys)),
    )


def catalogue_entry(row: Row, links: Links) -> types.CatalogueRow:
    page = row.page
    return types.CatalogueRow(
        id=page["id"],
        slug=page["slug"],
        name=page["title"],
        short_name=page["short_name"],
        kind=page["kind"],
        formality=page["formality"],
        scale=page["scale"],
        since_year=page["since_year"],
        age_min=page["age_min"],
        age_max=page["age_max"],
        places=row.places,
        target_groups=row.target_groups,
        topics=row.topics,
        elements=row.elements,
        element_count=len(row.elements),
        url=links.page_url(page),
        api_url=links.api_url(page["slug"]),
    )


def catalogue_entries(ids: list[int], request: HttpRequest) -> list[types.CatalogueRow]:
    links = Links(request)
    return [catalogue_entry(row, links) for row in catalogue_rows(ids)]


def catalogue_cells(entry: types.CatalogueRow) -> list[Any]:
    """One CSV line of a catalogue entry: lists joined, everything in CATALOGUE_COLUMNS order."""
    values = entry.model_dump(mode="json")
    return [
        LIST_SEPARATOR.join(value) if isinstance(value, list) else value
        for value in (values[column] for column in CATALOGUE_COLUMNS)
    ]


def matrix_columns(keys: list[str]) -> list[str]:
    return ["id", "slug", "name", *keys, "element_count"]


def matrix_cells(entry: types.MatrixRow, keys: list[str]) -> list[Any]:
    marks = [int(entry.elements[key]) for key in keys]
    return [entry.id, entry.slug, entry.name, *marks, entry.element_count]


def matrix_data(request: HttpRequest, ids: list[int] | None) -> types.Matrix:
    """The body of /matrix/, and of matrix.json, which only adds the download's headers."""
    elements = element_columns()
    keys = [element.key for element in elements]
    links = Links(request)
    results = [matrix_entry(row, keys, links) for row in matrix_rows(ids)]
    return types.Matrix(
        elements=[
            types.MatrixElement(key=element.key, title=element.title) for element in elements
        ],
        count=len(results),
        results=results,
        licence=responses.licence(),
    )
