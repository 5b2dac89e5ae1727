"""The vocabulary of the format's table: its sections, and what each field declares.

A field of the format (content.py) carries a `Spec`: the section it belongs to, its label,
where it lives on the example page (`Store`), how much a match in it counts in search, whether
the language check reads it, and where quotes on it are filed. Every consumer reads these
declarations instead of listing fields itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Section:
    # Stable: stored in the manifests of published editions, so never renamed.
    key: str
    label: Promise


SECTIONS: tuple[Section, ...] = (
    Section("facts", _("Feiten")),
    Section("notendop", _("In een notendop")),
    Section("verdieping", _("Verdieping")),
    Section("elementen", _("Aanwezige elementen")),
    Section("wat_werkt", _("Wat werkt?")),
    Section("wat_beter", _("Wat kan er nog beter?")),
    Section("links_contact", _("Links en contact")),
)
SECTION_KEYS = tuple(section.key for section in SECTIONS)


# Where a field lives on the example page ---------------------------------------------------


@dataclass(frozen=True)
class Store:
    """Base of the ways a field is stored on ExamplePage."""


@dataclass(frozen=True)
class Attr(Store):
    """A column of the page itself."""

    name: str


@dataclass(frozen=True)
class Rows(Store):
    """An orderable child with one text column: a list of strings."""

    relation: str
    column: str


@dataclass(frozen=True)
class Records(Store):
    """An orderable child with several columns: a list of small objects.

    `references` maps an output key to a foreign key whose target's `key` is stored (an
    improvement's theme, a quote's element). `public` is a filter that public output applies in
    the database, and `prefetched` the attribute under which examples/prefetch.py put the
    public rows.
    """

    relation: str
    columns: tuple[str, ...]
    references: dict[str, str] = field(default_factory=dict)
    public: dict[str, object] = field(default_factory=dict)
    prefetched: str = ""


@dataclass(frozen=True)
class Terms(Store):
    """A many-to-many to a controlled vocabulary (examples/models/taxonomy.py), by key."""

    relation: str


@dataclass(frozen=True)
class ElementTexts(Store):
    """The elements of the vision the example shows, each with how it does so."""

    relation: str = "example_elements"


@dataclass(frozen=True)
class Pair(Store):
    """Two columns of the page shown as one object (or None when both are empty)."""

    columns: tuple[str, str]
    keys: tuple[str, str]


# What a field declares ----------------------------------------------------------------------


@dataclass(frozen=True)
class Spec:
    section: str
    label: Promise
    store: Store
    # How much a match in this field counts in the catalogue's search (0: not searched).
    search_weight: int = 0
    # The language check reads this field (the submission's advice and the editor's panel).
    checked: bool = False
    # Quotes filed under this value (examples.constants.FormatSection) belong to this field.
    quote_place: str = ""
    # Shown as a row of the compare view.
    compared: bool = True
    # The public API lists term fields as {key, title} objects instead of bare keys.
    titled_in_api: bool = False
    # The public API groups these fields in one object under this name ("quadrant").
    api_group: str = ""

    def __post_init__(self) -> None:
        if self.section not in SECTION_KEYS and self.section != "":
            raise ValueError(f"unknown section {self.section!r}")
