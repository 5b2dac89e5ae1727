"""The OpenAPI 3.1 description of the whole API, served at /api/v1/schema/.

Written by hand as a dict (no schema generator to depend on) and built per request, so that the
enums of the filters are the live vocabularies and the server URL is the one the client used.
The tests validate this document and check real responses against it: keep the two in step.
"""

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse

from voorbeeldenbank.examples.constants import AGE_MAX, AGE_MIN
from voorbeeldenbank.lexicon.api_schema import taalcheck_path, taalcheck_schemas

from . import pagination
from .opendata import CATALOGUE_COLUMNS
from .schema_components import INT, STR, Schema, array, enum, ref, schemas, vocabularies

VERSION = "1.0.0"
FILTER_DESCRIPTIONS = {
    "element": "Elements that must all be present (repeat the parameter for more).",
    "formality": "Informal or formal; several values are alternatives.",
    "scale": "Individual or collective; several values are alternatives.",
    "kind": "Kind of example; several values are alternatives.",
    "target": "Target group; several values are alternatives.",
    "topic": "Topic; several values are alternatives.",
    "place": "Place or region; several values are alternatives.",
}


def _parameters(vocab: dict[str, list[str]]) -> dict[str, Schema]:
    def query(name: str, schema: Schema, description: str) -> Schema:
        return {
            "name": name,
            "in": "query",
            "required": False,
            "schema": schema,
            "description": description,
        }

    parameters = {
        "q": query(
            "q",
            {**STR, "maxLength": settings.SEARCH_MAX_QUERY_LENGTH},
            "Words to search for (Dutch-aware); results are then ordered by relevance.",
        ),
        "age": query(
            "age",
            {**INT, "minimum": AGE_MIN, "maximum": AGE_MAX},
            "Age of the child or young person, in years.",
        ),
        "page": query("page", {**INT, "minimum": 1, "default": 1}, "Page number."),
        "page_size": query(
            "page_size",
            {
                **INT,
                "minimum": 1,
                "maximum": settings.API_MAX_PAGE_SIZE,
                "default": pagination.DEFAULT_PAGE_SIZE,
            },
            "Results per page.",
        ),
        "slug": {
            "name": "slug",
            "in": "path",
            "required": True,
            "schema": STR,
            "description": "The example's slug.",
        },
    }
    for name, description in FILTER_DESCRIPTIONS.items():
        parameters[name] = {
            **query(name, array(enum(vocab[name])), description),
            "style": "form",
            "explode": True,
        }
    return parameters


FILTERS = ["q", *FILTER_DESCRIPTIONS, "age"]


def _param_refs(names: list[str]) -> list[Schema]:
    return [{"$ref": f"#/components/parameters/{name}"} for name in names]


def _json(schema: Schema, description: str) -> Schema:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _file_response(kind: str, schema: Schema, description: str) -> Schema:
    return {
        "description": description,
        "headers": {
            "Content-Disposition": {
                "description": "attachment; filename=voorbeeldenbank-….",
                "schema": STR,
            },
            "Link": {"description": 'The content\'s licence, rel="license".', "schema": STR},
        },
        "content": {kind: {"schema": schema}},
    }


def _operation(
    operation_id: str, summary: str, ok: Schema, parameters: list[str], errors: tuple[int, ...]
) -> Schema:
    responses: dict[str, Schema] = {"200": ok}
    names = {400: "BadRequest", 404: "NotFound", 405: "MethodNotAllowed", 429: "TooManyRequests"}
    for status in (*errors, 405, 429):
        responses[str(status)] = {"$ref": f"#/components/responses/{names[status]}"}
    return {
        "get": {
            "operationId": operation_id,
            "summary": summary,
            "parameters": _param_refs(parameters),
            "responses": responses,
        }
    }


def _paths() -> dict[str, Schema]:
    csv_note = (
        "UTF-8 with a byte order mark, comma-separated, header row; lists joined with '|'; "
        "a cell starting with = + - or @ gets a leading apostrophe. Columns: "
    )
    return {
        "/examples/": _operation(
            "listExamples",
            "Published examples, searched and filtered like the catalogue, in pages.",
            _json(ref("ExampleList"), "One page of results, with counts per filter value."),
            [*FILTERS, "page", "page_size"],
            (400,),
        ),
        "/examples/{slug}/": _operation(
            "getExample",
            "One published example with every public field.",
            _json(ref("ExampleDetail"), "The example."),
            ["slug"],
            (404,),
        ),
        "/elements/": _operation(
            "listElements",
            "The eight elements of the vision, with how many examples show each.",
            _json(ref("ElementList"), "The elements, in the vision's order."),
            [],
            (),
        ),
        "/matrix/": _operation(
            "getMatrix",
            "The element matrix: every published example × the eight elements.",
            _json(ref("Matrix"), "The matrix."),
            FILTERS,
            (400,),
        ),
        "/examples.csv": _operation(
            "downloadCatalogueCsv",
            "Download the catalogue's results as CSV (same filters as the catalogue page).",
            _file_response("text/csv", STR, csv_note + ", ".join(CATALOGUE_COLUMNS) + "."),
            FILTERS,
            (400,),
        ),
        "/examples.json": _operation(
            "downloadCatalogueJson",
            "Download the catalogue's results as one JSON file (not paged).",
            _file_response("application/json", ref("CatalogueDownload"), "The file."),
            FILTERS,
            (400,),
        ),
        "/matrix.csv": _operation(
            "downloadMatrixCsv",
            "Download the element matrix as CSV.",
            _file_response(
                "text/csv",
                STR,
                csv_note + "id, slug, name, one 0/1 column per element key, element_count.",
            ),
            FILTERS,
            (400,),
        ),
        "/matrix.json": _operation(
            "downloadMatrixJson",
            "Download the element matrix as a JSON file (the body of /matrix/).",
            _file_response("application/json", ref("Matrix"), "The file."),
            FILTERS,
            (400,),
        ),
        "/schema/": _operation(
            "getSchema",
            "This OpenAPI document.",
            _json({"type": "object"}, "An OpenAPI 3.1 document."),
            [],
            (),
        ),
        "/taalcheck/": taalcheck_path(_error),
    }


def _error(description: str, headers: Schema | None = None) -> Schema:
    response = _json(ref("Errors"), description)
    if headers:
        response["headers"] = headers
    return response


def build(request: HttpRequest) -> Schema:
    vocab = vocabularies()
    licence = {"name": settings.CONTENT_LICENCE_NAME, "url": settings.CONTENT_LICENCE_URL}
    # The schema's own address minus "schema/": the API's root, as this client reached it.
    root = request.build_absolute_uri(reverse("api:schema")).removesuffix("schema/")
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Voorbeeldenbank Normaliseren API",
            "version": VERSION,
            "summary": "Read-only open data of the Voorbeeldenbank Normaliseren.",
            "description": (
                "Published practice examples of normalising youth care, the eight elements "
                "of the vision and the element matrix, as JSON and CSV. Every example is "
                "identified by its slug (stable) and its id. Only GET and HEAD are allowed, "
                "except for the language check (POST /taalcheck/), which changes nothing. "
                "The licence below applies to the content."
            ),
            "license": licence,
        },
        "servers": [{"url": root.rstrip("/")}],
        "paths": _paths(),
        "components": {
            "schemas": {**schemas(vocab), **taalcheck_schemas()},
            "parameters": _parameters(vocab),
            "responses": {
                "BadRequest": _error("A parameter has a value the API does not know."),
                "NotFound": _error("There is nothing published at this address."),
                "MethodNotAllowed": _error(
                    "Only GET and HEAD are allowed.",
                    {"Allow": {"schema": STR, "description": "GET, HEAD"}},
                ),
                "TooManyRequests": _error(
                    "Too many requests from this client address recently "
                    f"(at most {settings.API_RATE_LIMIT} for the API, "
                    f"{settings.TAALCHECK_RATE_LIMIT_PER_IP} for the language check).",
                    {
                        "Retry-After": {
                            "schema": {**INT, "minimum": 1},
                            "description": "Seconds to wait before trying again.",
                        }
                    },
                ),
            },
        },
    }
