"""The API (v1) on django-ninja: every route with the types of its answers, from which ninja
generates the OpenAPI document (openapi.py). `build_api(Format(...))` builds it for an
extended format; urls.py mounts the one for the format itself.
"""

from typing import Annotated, Any, Literal

from django.http import HttpRequest, HttpResponse
from django.urls import register_converter
from django.utils.translation import gettext as _
from ninja import Path, Query, Router
from ninja.errors import ValidationError

from voorbeeldenbank.examples.format import FORMAT, Format

from . import downloads, opendata, suggest, taalcheck, views
from .detail import detail_model
from .openapi import VERSION, Document, VoorbeeldenbankAPI, shared_error
from .params import Filters, Paging
from .renderer import Renderer
from .responses import error_response
from .types import CatalogueDownload, ElementList, ExampleList, Matrix

FileExtension = Literal["csv", "json"]
CSV_NOTE = (
    "CSV: UTF-8 with a byte order mark, comma-separated, header row; lists joined with '|'; "
    "a cell starting with = + - or @ gets a leading apostrophe. JSON: one object, not paged. "
    "Columns: "
)
FILE_HEADERS = {
    "Content-Disposition": {
        "description": "attachment; filename=voorbeeldenbank-….",
        "schema": {"type": "string"},
    },
    "Link": {"description": 'The content\'s licence, rel="license".', "schema": {"type": "string"}},
}


class ExtensionConverter:
    """A file's extension in an address, so that "examples.csv" cannot clash with a slug."""

    regex = "csv|json"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(ExtensionConverter, "file_extension")


def documented(ok: str, *errors: int, **extra: Any) -> dict[str, Any]:
    """An operation's openapi_extra: what its answer is, the shared error answers it can give,
    and more."""
    responses: dict[int, Any] = {200: {"description": ok}}
    responses |= {status: shared_error(status) for status in (*errors, 405, 429)}
    for status, response in extra.pop("responses", {}).items():
        responses[status] = {**responses.get(status, {}), **response}
    return {"responses": responses, **extra}


def file_download(description: str) -> dict[str, Any]:
    return documented(
        description,
        400,
        responses={
            200: {
                "headers": FILE_HEADERS,
                "content": {"text/csv": {"schema": {"type": "string"}}},
            }
        },
    )


def examples_router(content_format: Format) -> Router:
    """The typed query parameters of these routes are there for ninja, which documents and
    checks them; the views then read the query strictly (params.py)."""
    router = Router()

    @router.get(
        "/examples/",
        response=ExampleList,
        url_name="example-list",
        operation_id="listExamples",
        summary="Published examples, searched and filtered like the catalogue, in pages.",
        openapi_extra=documented("One page of results, with counts per filter value.", 400),
    )
    def example_list(
        request: HttpRequest,
        filters: Query[Filters],  # type: ignore[valid-type]
        paging: Query[Paging],
    ) -> ExampleList | HttpResponse:
        return views.example_list(request)

    @router.get(
        "/examples.{file_extension:extension}",
        response=CatalogueDownload,
        url_name="catalogue-download",
        operation_id="downloadCatalogue",
        summary="Download the catalogue's results as a file (same filters as the catalogue page).",
        openapi_extra=file_download(CSV_NOTE + ", ".join(opendata.CATALOGUE_COLUMNS) + "."),
    )
    def catalogue_download(
        request: HttpRequest,
        extension: FileExtension,
        filters: Query[Filters],  # type: ignore[valid-type]
    ) -> HttpResponse:
        return downloads.catalogue_download(request, extension)

    @router.get(
        "/examples/{slug}/",
        response=detail_model(content_format),
        url_name="example-detail",
        operation_id="getExample",
        summary="One published example with every public field.",
        openapi_extra=documented("The example.", 404),
    )
    def example_detail(
        request: HttpRequest, slug: Annotated[str, Path(description="The example's slug.")]
    ) -> dict[str, object] | HttpResponse:
        return views.example_detail(request, slug, content_format)

    return router


def vision_router() -> Router:
    router = Router()

    @router.get(
        "/elements/",
        response=ElementList,
        url_name="element-list",
        operation_id="listElements",
        summary="The eight elements of the vision, with how many examples show each.",
        openapi_extra=documented("The elements, in the vision's order."),
    )
    def element_list(request: HttpRequest) -> ElementList:
        return views.element_list(request)

    @router.get(
        "/matrix/",
        response=Matrix,
        url_name="matrix",
        operation_id="getMatrix",
        summary="The element matrix: every published example × the eight elements.",
        openapi_extra=documented("The matrix.", 400),
    )
    def matrix(
        request: HttpRequest,
        filters: Query[Filters],  # type: ignore[valid-type]
    ) -> Matrix | HttpResponse:
        return views.matrix(request)

    @router.get(
        "/matrix.{file_extension:extension}",
        response=Matrix,
        url_name="matrix-download",
        operation_id="downloadMatrix",
        summary="Download the element matrix as a file (the JSON is the body of /matrix/).",
        openapi_extra=file_download(
            CSV_NOTE + "id, slug, name, one 0/1 column per element key, element_count."
        ),
    )
    def matrix_download(
        request: HttpRequest,
        extension: FileExtension,
        filters: Query[Filters],  # type: ignore[valid-type]
    ) -> HttpResponse:
        return downloads.matrix_download(request, extension)

    return router


def invalid_parameters(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    """A parameter of the wrong type: the strict reading says what is wrong, in words."""
    names = [str(error["loc"][-1]) for error in exc.errors]
    paged = any(name in Paging.model_fields for name in names)
    messages = views.strict_errors(request.GET, paged=paged) or [
        _("De parameter '%(name)s' heeft een ongeldige waarde.") % {"name": name} for name in names
    ]
    return error_response(messages, status=400)


def build_api(content_format: Format = FORMAT) -> VoorbeeldenbankAPI:
    api = VoorbeeldenbankAPI(
        title="Voorbeeldenbank Normaliseren API",
        version=VERSION,
        description=(
            "Published practice examples of normalising youth care, the eight elements "
            "of the vision and the element matrix, as JSON and CSV. Every example is "
            "identified by its slug (stable) and its id. Only GET and HEAD are allowed, "
            "except for the language check (POST /taalcheck/) and the element suggestions "
            "(POST /elements/suggest/), which change nothing. "
            "The licence below applies to the content."
        ),
        openapi_extra={
            "info": {"summary": "Read-only open data of the Voorbeeldenbank Normaliseren."}
        },
        openapi_url=None,
        docs_url=None,
        urls_namespace="api",
        renderer=Renderer(),
        schemas=(taalcheck.TaalcheckRequest, suggest.SuggestRequest),
    )
    api.exception_handler(ValidationError)(invalid_parameters)
    api.add_router("", examples_router(content_format))
    api.add_router("", vision_router())
    api.add_router("", taalcheck.router())
    api.add_router("", suggest.router())

    @api.get(
        "/schema/",
        response=dict[str, Any],
        url_name="schema",
        operation_id="getSchema",
        summary="This OpenAPI document.",
        openapi_extra=documented("An OpenAPI 3.1 document."),
    )
    def openapi_schema(request: HttpRequest) -> Document:
        return api.openapi_document(request)

    return api
