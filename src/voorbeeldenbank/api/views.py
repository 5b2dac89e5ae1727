"""The API's answers: examples, with the catalogue's search and facets, elements and the
element matrix. Registered with their types in app.py; errors are JSON responses."""

from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils.translation import gettext as _

from voorbeeldenbank.examples import catalogue
from voorbeeldenbank.examples.format import Format
from voorbeeldenbank.examples.slugs import is_valid_slug

from . import filters, opendata, pagination, serializers
from .detail import detail_values
from .responses import error_response, licence
from .types import ElementList, ExampleList, Matrix
from .types import Facets as FacetCounts


def _facet_counts(
    result: catalogue.CatalogueResult, vocabularies: filters.Vocabularies
) -> dict[str, dict[str, int]]:
    # Every value of the vocabulary is listed, also with 0, so clients can build a full filter.
    return {
        name: {value: result.counts[name].get(value, 0) for value, _label in vocabularies[name]}
        for name in catalogue.FACETS
    }


def strict_errors(params: QueryDict, *, paged: bool) -> list[str]:
    """Every problem with the filters (and the paging), in the order the client gets them."""
    errors = list(filters.parse(params, catalogue.facet_vocabularies()).errors)
    if paged:
        pagination.parse_paging(params, errors)
    return errors


def example_list(request: HttpRequest) -> ExampleList | HttpResponse:
    vocabularies = catalogue.facet_vocabularies()
    query = filters.parse(request.GET, vocabularies)
    errors = list(query.errors)
    paging = pagination.parse_paging(request.GET, errors)
    if errors:
        return error_response(errors, status=400)

    result = catalogue.run(query)
    pagination.check_page_exists(paging, result.total, errors)
    if errors:
        return error_response(errors, status=400)

    start = (paging.number - 1) * paging.size
    page_ids = result.ids[start : start + paging.size]
    rows = serializers.summaries_for(page_ids)
    matches = serializers.matches(result, page_ids)
    following, previous = pagination.neighbour_links(request, paging, result.total)
    return ExampleList(
        count=result.total,
        next=following,
        previous=previous,
        results=[
            serializers.example_summary(row, request, matches.get(row.page.pk)) for row in rows
        ],
        facets=FacetCounts(**_facet_counts(result, vocabularies)),
        licence=licence(),
    )


def example_detail(
    request: HttpRequest, slug: str, content_format: Format
) -> dict[str, object] | HttpResponse:
    page = serializers.detail_for(slug) if is_valid_slug(slug) else None
    if page is None:
        return error_response([_("Er is geen gepubliceerd voorbeeld met dit adres.")], status=404)
    return detail_values(page, request, content_format, licence())


def element_list(request: HttpRequest) -> ElementList:
    elements = serializers.elements_with_counts()
    return ElementList(count=len(elements), results=elements, licence=licence())


def matrix(request: HttpRequest) -> Matrix | HttpResponse:
    """Examples × elements, in the website matrix's order; the list endpoint's filters apply."""
    selection = opendata.select(request.GET)
    if selection.errors:
        return error_response(selection.errors, status=400)
    return opendata.matrix_data(request, selection.ids)


def not_found(request: HttpRequest, path: str = "") -> HttpResponse:
    """Any other address under the API answers in JSON too, not with the site's HTML 404."""
    return error_response([_("Dit adres bestaat niet in de API.")], status=404)
