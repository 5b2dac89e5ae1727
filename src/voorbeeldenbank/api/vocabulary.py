"""Enums read from the database when the OpenAPI document is generated, not at import: a new
place or element is documented as soon as it exists."""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from pydantic import GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from voorbeeldenbank.examples import catalogue

Vocabularies = dict[str, list[tuple[str, str]]]
_read: ContextVar[Vocabularies | None] = ContextVar("vocabularies", default=None)


@contextmanager
def read_once() -> Iterator[None]:
    """The vocabularies are read once for a whole document, not once for every parameter."""
    token = _read.set(catalogue.facet_vocabularies())
    try:
        yield
    finally:
        _read.reset(token)


def values(name: str) -> list[str]:
    vocabularies = _read.get() or catalogue.facet_vocabularies()
    return [value for value, _label in vocabularies[name]]


@dataclass(frozen=True)
class live_enum:
    """Documents a string as one of the current values of a catalogue facet."""

    facet: str

    def __get_pydantic_json_schema__(
        self, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        schema: dict[str, Any] = handler(core_schema)
        return {**schema, "enum": values(self.facet)}
