"""The read-only JSON API (v1): examples, with the catalogue's search and facets, elements, the
element matrix and the API's own OpenAPI schema."""

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from voorbeeldenbank.examples import catalogue
from voorbeeldenbank.examples.slugs import is_valid_slug

from . import filters, opendata, pagination, schema, serializers
from .responses import api_view, error_response, json_response, licence


def _facet_counts(
    result: catalogue.CatalogueResult, vocabularies: filters.Vocabularies
) -> dict[str, dict[str, int]]:
    # Every value of the vocabulary is listed, also with 0, so clients can build a full filter.
    return {
        name: {value: result.counts[name].get(value, 0) for value, _label in vocabularies[name]}
        for name in catalogue.FACETS
    }


@api_view
def example_list(request: HttpRequest) -> HttpResponse:
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
    rows = serializers.summaries_for(result.ids[start : start + paging.size])
    following, previous = pagination.neighbour_links(request, paging, result.total)
    return json_response(
        {
            "count": result.total,
            "next": following,
            "previous": previous,
            "results": [serializers.example_summary(row, request) for row in rows],
            "facets": _facet_counts(result, vocabularies),
            "licence": licence(),
        }
    )


@api_view
def example_detail(request: HttpRequest, slug: str) -> HttpResponse:
    page = None
    if is_valid_slug(slug):
        page = serializers.detail_for(slug)
    if page is None:
        return error_response([_("Er is geen gepubliceerd voorbeeld met dit adres.")], status=404)
    return json_response({**serializers.example_detail(page, request), "licence": licence()})


@api_view
def element_list(request: HttpRequest) -> HttpResponse:
    elements = serializers.elements_with_counts()
    return json_response({"count": len(elements), "results": elements, "licence": licence()})


@api_view
def matrix(request: HttpRequest) -> HttpResponse:
    """Examples × elements, in the website matrix's order; the list endpoint's filters apply."""
    selection = opendata.select(request.GET)
    if selection.errors:
        return error_response(selection.errors, status=400)
    return json_response(opendata.matrix_data(request, selection.ids))


@api_view
def openapi_schema(request: HttpRequest) -> HttpResponse:
    return json_response(schema.build(request))


@api_view
def not_found(request: HttpRequest, path: str = "") -> HttpResponse:
    """Any other address under the API answers in JSON too, not with the site's HTML 404."""
    return error_response([_("Dit adres bestaat niet in de API.")], status=404)
