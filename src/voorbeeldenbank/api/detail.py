"""The example detail of the API, derived from the format: one property per field of the
format, in its order, in the form its `Spec` declares for the API.

A field added to the format (in ExampleContent or a subclass) reaches the detail's schema and
its answers without a change here.
"""

from __future__ import annotations

import datetime
from functools import cache
from typing import Any, get_args

from django.http import HttpRequest
from pydantic import BaseModel, ConfigDict, Field, create_model
from wagtail.models import Page

from voorbeeldenbank.examples.format import Format, FormatField, content_from_page
from voorbeeldenbank.examples.format.content import ElementKey
from voorbeeldenbank.examples.format.spec import ElementTexts, Records, Terms
from voorbeeldenbank.examples.related import related

from .serializers import api_url, page_url
from .types import Identity, Licence, RelatedExample, Url

# The element texts are also listed as bare keys, for clients that only filter on them.
ELEMENT_KEYS = "element_keys"


class TitledTerm(BaseModel):
    key: str
    title: str


# (type, default) per field, as pydantic's create_model takes them.
FieldDefinitions = dict[str, Any]


def _public_part(field: FormatField) -> type[BaseModel]:
    """The part a Records field holds, without the columns that decide whether it is public."""
    store = field.spec.store
    assert isinstance(store, Records)
    (part,) = get_args(field.annotation)
    kept: FieldDefinitions = {
        name: (info.annotation, info)
        for name, info in part.model_fields.items()
        if name not in store.public
    }
    model: type[BaseModel] = create_model(
        f"Public{part.__name__}", __config__=ConfigDict(extra="ignore"), **kept
    )
    return model


def _group(content_format: Format, name: str) -> type[BaseModel]:
    members = [field for field in content_format if field.spec.api_group == name]
    definitions: FieldDefinitions = {field.name: (field.annotation, ...) for field in members}
    model: type[BaseModel] = create_model(name.capitalize(), **definitions)
    return model


def _definitions(content_format: Format) -> FieldDefinitions:
    definitions: FieldDefinitions = {}
    for field in content_format:
        spec, store = field.spec, field.spec.store
        if spec.api_group:
            if spec.api_group not in definitions:
                definitions[spec.api_group] = (_group(content_format, spec.api_group), ...)
        elif spec.titled_in_api:
            definitions[field.name] = (list[TitledTerm], ...)
        elif isinstance(store, Records) and store.public:
            definitions[field.name] = (list[_public_part(field)], ...)  # type: ignore[misc]
        else:
            definitions[field.name] = (field.annotation, ...)
        if isinstance(store, ElementTexts):
            definitions[ELEMENT_KEYS] = (list[ElementKey], ...)
    return definitions


@cache
def detail_model(content_format: Format) -> type[BaseModel]:
    """The schema of GET /examples/{slug}/ for a format."""
    definitions: FieldDefinitions = {
        **_definitions(content_format),
        "first_published_at": (datetime.datetime | None, ...),
        "last_published_at": (datetime.datetime | None, ...),
        "url": (Url | None, ...),
        "licence": (Licence, ...),
        "related": (
            list[RelatedExample],
            Field(description="Up to five examples most like this one, most alike first."),
        ),
    }
    model: type[BaseModel] = create_model("ExampleDetail", __base__=Identity, **definitions)
    return model


def detail_values(
    page: Page, request: HttpRequest, content_format: Format, licence: Licence
) -> dict[str, Any]:
    """The detail of a public example (prefetched with examples.prefetch.public_format_parts)."""
    content = content_from_page(page, content_format, public=True).model_dump()
    values: dict[str, Any] = {"id": page.pk, "slug": page.slug}
    for field in content_format:
        spec, store, value = field.spec, field.spec.store, content[field.name]
        if spec.api_group:
            values.setdefault(spec.api_group, {})[field.name] = value
        elif spec.titled_in_api and isinstance(store, Terms):
            terms = getattr(page, store.relation).all()
            values[field.name] = [{"key": term.key, "title": term.title} for term in terms]
        else:
            values[field.name] = value
        if isinstance(store, ElementTexts):
            values[ELEMENT_KEYS] = [text["key"] for text in value]
    return {
        **values,
        "first_published_at": page.first_published_at,
        "last_published_at": page.last_published_at,
        "url": page_url(page, request),
        "licence": licence,
        "related": related_values(page, request),
    }


def related_values(page: Page, request: HttpRequest) -> list[dict[str, Any]]:
    """ "Lijkt op" for the detail: the same list as on the example's page."""
    return [
        {
            "slug": item.slug,
            "name": item.title,
            "url": page_url(item.page, request) if item.page else None,
            "api_url": api_url(item.page, request) if item.page else None,
            "shared_elements": [
                {"key": shared.key, "title": shared.title} for shared in item.shared_elements
            ],
            "score": item.score,
        }
        for item in related(page.pk)
    ]
