"""Enums read from the database when the OpenAPI document is generated, not at import: a new
place or element is documented as soon as it exists."""

from dataclasses import dataclass
from typing import Any

from pydantic import GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from voorbeeldenbank.examples import catalogue


def values(name: str) -> list[str]:
    return [value for value, _label in catalogue.facet_vocabularies()[name]]


@dataclass(frozen=True)
class live_enum:
    """Documents a string as one of the current values of a catalogue facet."""

    facet: str

    def __get_pydantic_json_schema__(
        self, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        schema: dict[str, Any] = handler(core_schema)
        return {**schema, "enum": values(self.facet)}
