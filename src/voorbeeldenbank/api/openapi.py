"""The OpenAPI 3.1 document as ninja generates it from the API's types, laid out as clients
know it: relative paths under one server (the address the client used), parameters and error
answers defined once under components, and one path per download file.
"""

from __future__ import annotations

import copy
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from ninja import NinjaAPI
from ninja.openapi.schema import REF_TEMPLATE
from pydantic import BaseModel

from . import vocabulary
from .responses import licence
from .types import Errors

Document = dict[str, Any]
VERSION = "1.0.0"
SCHEMA_REF = REF_TEMPLATE.format(model="")
# A download path documents one route per extension; see split_files.
EXTENSION = "{extension}"
FILE_TYPES = {"csv": "text/csv", "json": "application/json"}
SHARED_ERRORS = {
    400: "BadRequest",
    404: "NotFound",
    405: "MethodNotAllowed",
    429: "TooManyRequests",
}


def documented_error(description: str, headers: Document | None = None) -> Document:
    response: Document = {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": f"{SCHEMA_REF}Errors"}}},
    }
    if headers:
        response["headers"] = headers
    return response


def shared_responses() -> Document:
    return {
        "BadRequest": documented_error("A parameter has a value the API does not know."),
        "NotFound": documented_error("There is nothing published at this address."),
        "MethodNotAllowed": documented_error(
            "Only GET and HEAD are allowed.",
            {"Allow": {"schema": {"type": "string"}, "description": "GET, HEAD"}},
        ),
        "TooManyRequests": documented_error(
            "Too many requests from this client address recently "
            f"(at most {settings.API_RATE_LIMIT} for the API, "
            f"{settings.TAALCHECK_RATE_LIMIT_PER_IP} for the language check).",
            {
                "Retry-After": {
                    "schema": {"type": "integer", "minimum": 1},
                    "description": "Seconds to wait before trying again.",
                }
            },
        ),
    }


def shared_error(status: int) -> Document:
    """An operation's `openapi_extra` that points one error status at the shared answer."""
    return {"$ref": f"#/components/responses/{SHARED_ERRORS[status]}"}


def _operations(document: Document) -> list[Document]:
    return [operation for item in document["paths"].values() for operation in item.values()]


def _parameter_schema(schema: Document) -> Document:
    """A query parameter's schema without what only the model needs: its title, the description
    (the parameter carries it) and null (a parameter that may be null may be left out)."""
    schema = {k: v for k, v in schema.items() if k not in ("title", "description")}
    if schema.get("default", "") is None:
        del schema["default"]
    options = [option for option in schema.pop("anyOf", []) if option != {"type": "null"}]
    if len(options) == 1:
        schema = {**options[0], **schema}
    elif options:
        schema["anyOf"] = options
    return schema


def share_parameters(document: Document) -> None:
    """Every parameter once under components/parameters (they mean the same on every path)."""
    shared = document["components"].setdefault("parameters", {})
    for operation in _operations(document):
        refs = []
        for parameter in operation.get("parameters", []):
            parameter["schema"] = _parameter_schema(parameter["schema"])
            shared.setdefault(parameter["name"], parameter)
            refs.append({"$ref": f"#/components/parameters/{parameter['name']}"})
        operation["parameters"] = refs


def split_files(document: Document) -> None:
    """A route `/x.{extension}` becomes /x.csv and /x.json, each with its own media type."""
    paths: Document = {}
    for path, item in document["paths"].items():
        if EXTENSION not in path:
            paths[path] = item
            continue
        for extension, media_type in FILE_TYPES.items():
            variant = copy.deepcopy(item)
            for operation in variant.values():
                operation["operationId"] += extension.capitalize()
                operation["parameters"] = [
                    p for p in operation["parameters"] if p["name"] != "extension"
                ]
                ok = operation["responses"]["200"]
                ok["content"] = {media_type: ok["content"][media_type]}
            paths[path.replace(EXTENSION, extension)] = variant
    document["paths"] = paths


def _string_keys(document: Document) -> None:
    # Ninja keys responses by int status; openapi_extra may add more under the same ints.
    for operation in _operations(document):
        operation["responses"] = {
            str(status): response for status, response in operation["responses"].items()
        }


def _referenced(node: Any, schemas: Document, found: set[str]) -> None:
    if isinstance(node, dict):
        ref = node.get("$ref", "")
        name = ref.removeprefix(SCHEMA_REF)
        if ref.startswith(SCHEMA_REF) and name not in found:
            found.add(name)
            _referenced(schemas.get(name), schemas, found)
        for value in node.values():
            _referenced(value, schemas, found)
    elif isinstance(node, list):
        for value in node:
            _referenced(value, schemas, found)


def drop_unused_schemas(document: Document) -> None:
    """Ninja also lists the models of query parameters, which are documented as parameters."""
    schemas = document["components"]["schemas"]
    found: set[str] = set()
    _referenced({k: v for k, v in document.items() if k != "components"}, schemas, found)
    _referenced(document["components"].get("responses", {}), schemas, found)
    document["components"]["schemas"] = {k: v for k, v in schemas.items() if k in found}


def open_objects(node: Any) -> None:
    """The format's parts refuse unknown keys when content is written; the document leaves
    every object open, so that a key added to v1 later breaks no client."""
    if isinstance(node, dict):
        if node.get("additionalProperties") is False:
            del node["additionalProperties"]
        for value in node.values():
            open_objects(value)
    elif isinstance(node, list):
        for value in node:
            open_objects(value)


class VoorbeeldenbankAPI(NinjaAPI):
    def __init__(self, *, schemas: tuple[type[BaseModel], ...] = (), **kwargs: Any) -> None:
        """`schemas`: models that only openapi_extra refers to (bodies ninja does not read)."""
        super().__init__(**kwargs)
        self.extra_schemas: tuple[type[BaseModel], ...] = (Errors, *schemas)

    def openapi_document(self, request: HttpRequest) -> Document:
        """The document for this request: the server is the API's root as the client reached
        it, and vocabularies and limits are read now."""
        with vocabulary.read_once():
            document: Document = copy.deepcopy(dict(self.get_openapi_schema(path_prefix="")))
        _string_keys(document)
        split_files(document)
        share_parameters(document)
        components = document["components"]
        for model in self.extra_schemas:
            components["schemas"][model.__name__] = model.model_json_schema(
                ref_template=REF_TEMPLATE
            )
        components["responses"] = shared_responses()
        drop_unused_schemas(document)
        open_objects(components)
        root = request.build_absolute_uri(reverse("api:schema")).removesuffix("schema/")
        document["servers"] = [{"url": root.rstrip("/")}]
        document["info"]["license"] = licence().model_dump()
        return document
