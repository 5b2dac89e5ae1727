"""GET /api/v1/schema/: a valid OpenAPI 3.1 document that the real responses keep to."""

import copy
from typing import Any

import pytest
from django.urls import reverse
from jsonschema import Draft202012Validator
from openapi_spec_validator import OpenAPIV31SpecValidator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from voorbeeldenbank.api import urls as api_urls
from voorbeeldenbank.examples.models import Place

from . import demo_data
from .demo_data import DOWNLOAD_URLS, ELEMENTS_URL, LIST_URL, MATRIX_URL, SCHEMA_URL, detail_url

BASE = "urn:voorbeeldenbank:api"
LIST_PARAMETERS = [
    "q",
    "mode",
    "sort",
    "element",
    "formality",
    "scale",
    "kind",
    "effectiveness",
    "target",
    "topic",
    "place",
    "age",
    "page",
    "page_size",
]


@pytest.fixture
def document(demo_content, client) -> dict[str, Any]:
    response = client.get(SCHEMA_URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    return response.json()


def strict(schema: Any) -> Any:
    """A copy in which every object refuses keys it does not document."""
    schema = copy.deepcopy(schema)
    stack = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if node.get("type") == "object" and "properties" in node:
                node.setdefault("additionalProperties", False)
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return schema


def response_schema(document: dict[str, Any], path: str, status: int) -> dict[str, Any]:
    """The JSON schema the document gives for one path and status, $refs left in place."""
    response = document["paths"][path]["get"]["responses"][str(status)]
    if "$ref" in response:
        response = document["components"]["responses"][response["$ref"].rsplit("/", 1)[1]]
    return response["content"]["application/json"]["schema"]


def check(document: dict[str, Any], path: str, response) -> None:
    """Validate a real response against its documented schema, refusing undocumented keys."""
    schema = response_schema(document, path, response.status_code)
    registry = Registry().with_resource(
        BASE, Resource.from_contents(strict(document), default_specification=DRAFT202012)
    )
    target = {"$ref": f"{BASE}{schema['$ref']}"} if "$ref" in schema else schema
    validator = Draft202012Validator(
        target, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    errors = [
        f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(response.json())
    ]
    assert not errors, errors


# The document -----------------------------------------------------------------------------


def test_it_is_a_valid_openapi_3_1_document(document):
    OpenAPIV31SpecValidator(document).validate()

    assert document["openapi"] == "3.1.0"
    assert document["info"]["title"] == "Voorbeeldenbank Normaliseren API"
    assert document["info"]["version"]
    assert document["info"]["license"] == demo_data.licence()
    assert document["servers"] == [{"url": "http://testserver/api/v1"}]


def test_it_describes_every_route_of_the_api(document):
    names = {pattern.name for pattern in api_urls.urlpatterns} - {"not-found"}
    routes = {
        reverse("api:example-list"),
        reverse("api:example-detail", args=["SLUG"]).replace("SLUG", "{slug}"),
        reverse("api:element-list"),
        reverse("api:matrix"),
        reverse("api:schema"),
        *(reverse("api:catalogue-download", args=[ext]) for ext in ("csv", "json")),
        *(reverse("api:matrix-download", args=[ext]) for ext in ("csv", "json")),
        reverse("api:taalcheck"),
        reverse("api:element-suggest"),
    }

    documented = {f"/api/v1{path}" for path in document["paths"]}

    # A new route in urls.py must be added here, and so to the schema.
    assert names == {
        "example-list",
        "example-detail",
        "element-list",
        "matrix",
        "schema",
        "catalogue-download",
        "matrix-download",
        "taalcheck",
        "element-suggest",
    }
    assert documented == routes
    for path, item in document["paths"].items():
        # The language check and the element suggestions are the POSTs: they change nothing
        # (tests/lexicon/test_api.py, tests/api/test_suggest_api.py).
        method = "post" if path in ("/taalcheck/", "/elements/suggest/") else "get"
        assert set(item) == {method}, path
        assert "405" in item[method]["responses"], path
        assert "429" in item[method]["responses"], path


def test_a_real_429_matches_the_document(document, client, settings):
    settings.API_RATE_LIMIT = "1/m"
    client.get(LIST_URL)
    response = client.get(LIST_URL)

    assert response.status_code == 429
    check(document, "/examples/", response)
    headers = document["components"]["responses"]["TooManyRequests"]["headers"]
    assert "Retry-After" in headers


def test_the_list_documents_every_parameter_with_live_vocabularies(document):
    refs = document["paths"]["/examples/"]["get"]["parameters"]
    names = [ref["$ref"].rsplit("/", 1)[1] for ref in refs]
    parameters = document["components"]["parameters"]

    assert names == LIST_PARAMETERS
    assert parameters["element"]["schema"]["items"]["enum"] == list(demo_data.vision_order())
    assert parameters["kind"]["schema"]["items"]["enum"] == [
        "programma",
        "interventie",
        "initiatief",
        "project",
        "beleid",
    ]
    assert parameters["effectiveness"]["schema"]["items"]["enum"] == [
        "goed_onderbouwd",
        "eerste_aanwijzingen",
        "goede_aanwijzingen",
        "sterke_aanwijzingen",
    ]
    assert "jongeren" in parameters["target"]["schema"]["items"]["enum"]
    assert "leiden" in parameters["place"]["schema"]["items"]["enum"]
    assert parameters["age"]["schema"] == {"type": "integer", "minimum": 0, "maximum": 30}
    assert parameters["page_size"]["schema"]["maximum"] == 100


def test_a_new_vocabulary_value_appears_in_the_schema(demo_content, client):
    Place.objects.create(key="verweggistan", title="Verweggistan")

    document = client.get(SCHEMA_URL).json()

    assert (
        "verweggistan" in document["components"]["parameters"]["place"]["schema"]["items"]["enum"]
    )


def test_errors_are_documented_as_a_list_of_strings(document):
    errors = document["components"]["schemas"]["Errors"]

    assert errors["required"] == ["errors"]
    assert errors["properties"]["errors"]["items"] == {"type": "string"}


def test_the_csv_columns_are_documented(document, client):
    description = document["paths"]["/examples.csv"]["get"]["responses"]["200"]["description"]
    header = client.get(DOWNLOAD_URLS["catalogue", "csv"]).content.decode("utf-8-sig")
    columns = header.splitlines()[0].split(",")

    assert ", ".join(columns) in description


def test_the_schema_endpoint_is_read_only(demo_content, client):
    assert client.post(SCHEMA_URL).status_code == 405
    assert client.head(SCHEMA_URL).status_code == 200


# Real responses against the document ------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "url", "params"),
    [
        ("/examples/", LIST_URL, {}),
        ("/examples/", LIST_URL, {"page_size": 3, "page": 2}),
        ("/examples/", LIST_URL, {"q": "ouders", "element": "brede_context"}),
        ("/elements/", ELEMENTS_URL, {}),
        ("/matrix/", MATRIX_URL, {}),
        ("/matrix/", MATRIX_URL, {"kind": "beleid"}),
        ("/examples.json", DOWNLOAD_URLS["catalogue", "json"], {}),
        ("/matrix.json", DOWNLOAD_URLS["matrix", "json"], {"age": "10"}),
    ],
)
def test_a_real_response_matches_its_schema(document, client, path, url, params):
    response = client.get(url, params)

    assert response.status_code == 200
    check(document, path, response)


@pytest.mark.parametrize("slug", sorted(demo_data.all_slugs()))
def test_every_demo_example_matches_the_detail_schema(document, client, slug):
    check(document, "/examples/{slug}/", client.get(detail_url(slug)))


@pytest.mark.parametrize(
    ("path", "url", "method", "status"),
    [
        ("/examples/", f"{LIST_URL}?kind=circus", "get", 400),
        ("/examples/", f"{LIST_URL}?page=99", "get", 400),
        ("/matrix/", f"{MATRIX_URL}?element=x", "get", 400),
        ("/examples.csv", f"{DOWNLOAD_URLS['catalogue', 'csv']}?age=x", "get", 400),
        ("/examples/{slug}/", detail_url("bestaat-niet"), "get", 404),
        ("/matrix/", MATRIX_URL, "post", 405),
        ("/schema/", SCHEMA_URL, "delete", 405),
    ],
)
def test_an_error_matches_the_error_schema(document, client, path, url, method, status):
    response = getattr(client, method)(url)

    assert response.status_code == status
    check(document, path, response)


def test_the_strict_check_catches_an_undocumented_key(document, client):
    """The check itself must fail on an extra key, or the tests above prove nothing."""
    response = client.get(MATRIX_URL)
    response.json = lambda: {**client.get(MATRIX_URL).json(), "extra": 1}

    with pytest.raises(AssertionError, match="extra"):
        check(document, "/matrix/", response)
