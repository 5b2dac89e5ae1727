"""The format as an ordered table: sections, and the fields in each, read from the model."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from .content import ExampleContent
from .spec import SECTIONS, Section, Spec


@dataclass(frozen=True)
class FormatField:
    name: str
    spec: Spec
    annotation: Any

    @property
    def label(self) -> str:
        return str(self.spec.label)


class Format:
    """The fields of a content model (ExampleContent or a subclass), in declaration order."""

    def __init__(self, model: type[ExampleContent]) -> None:
        self.model = model

    @cached_property
    def fields(self) -> tuple[FormatField, ...]:
        found = []
        for name, info in self.model.model_fields.items():
            specs = [item for item in info.metadata if isinstance(item, Spec)]
            if len(specs) != 1:
                raise TypeError(f"{self.model.__name__}.{name} needs exactly one Spec")
            found.append(FormatField(name, specs[0], info.annotation))
        return tuple(found)

    @property
    def sections(self) -> tuple[Section, ...]:
        return SECTIONS

    def __iter__(self) -> Iterator[FormatField]:
        return iter(self.fields)

    def field(self, name: str) -> FormatField:
        for candidate in self.fields:
            if candidate.name == name:
                return candidate
        raise KeyError(name)

    def in_section(self, key: str) -> list[FormatField]:
        return [field for field in self.fields if field.spec.section == key]

    @cached_property
    def checked(self) -> tuple[FormatField, ...]:
        """The fields the language check reads, for submitters and editors alike."""
        return tuple(field for field in self.fields if field.spec.checked)

    @cached_property
    def searched(self) -> tuple[FormatField, ...]:
        return tuple(field for field in self.fields if field.spec.search_weight)

    @cached_property
    def quote_sections(self) -> dict[str, str]:
        """Where quotes are filed (FormatSection value) -> the section they count towards."""
        return {
            field.spec.quote_place: field.spec.section
            for field in self.fields
            if field.spec.quote_place
        }


FORMAT = Format(ExampleContent)
