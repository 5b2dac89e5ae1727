"""The report's format, declared once: an example's content as typed objects.

`ExampleContent` holds one example in the format, field by field in the report's order; each
field's `Spec` (spec.py) says where it belongs and how the rest of the bank treats it. The
field names are those of the public API (an example's JSON in /api/v1/examples/<slug>/), so
the content and its JSON are one shape. The demo files use it too.

Adding a field to the format: the model field on ExamplePage (and its migration), one entry
here, and the page template that shows it. Search, the language check, the edition manifest
and change list, the approval check, the compare view and the API follow from this table.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Any

from django.utils.translation import gettext_lazy as _
from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from voorbeeldenbank.core.constants import ELEMENT_KEYS

from ..constants import AGE_MAX, Formality, FormatSection, Kind, Scale, SpeakerRole
from .spec import Attr, ElementTexts, Pair, Records, Rows, Spec, Terms


def _element_key(value: str) -> str:
    if value not in ELEMENT_KEYS:
        raise ValueError(f"unknown element {value!r}")
    return value


# Documented as the enum it is checked against (the API's OpenAPI document shows it).
ElementKey = Annotated[
    str, AfterValidator(_element_key), Field(json_schema_extra={"enum": list(ELEMENT_KEYS)})
]
Year = Annotated[int, Field(ge=1900, le=2100)]
Age = Annotated[int, Field(ge=0, le=AGE_MAX)]


class Part(BaseModel):
    """A small object inside the format (a reach figure, a link, …)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class ReachFigure(Part):
    label: str
    value: str


class ElementText(Part):
    key: ElementKey
    explanation: str


class Improvement(Part):
    text: str
    theme: str | None = None


class Quote(Part):
    text: str
    speaker_role: SpeakerRole
    section: FormatSection
    element: ElementKey | None = None


class Link(Part):
    title: str
    url: str


class Contact(Part):
    name: str = ""
    organisation: str = ""
    role: str = ""
    email: str = ""
    phone: str = ""
    url: str = ""
    is_public: bool = False


class Effectiveness(Part):
    status: str = ""
    url: str | None = None


def normalised(value: Any) -> Any:
    """JSON values with every text's line ends made LF and its ends stripped."""
    if isinstance(value, str):
        return value.replace("\r\n", "\n").strip()
    if isinstance(value, list):
        return [normalised(item) for item in value]
    if isinstance(value, dict):
        return {key: normalised(item) for key, item in value.items()}
    return value


def spec(**kwargs: Any) -> Any:
    """A field's declaration, kept in the pydantic field's metadata."""
    return Spec(**kwargs)


FACTS, NOTENDOP, VERDIEPING = "facts", "notendop", "verdieping"
ELEMENTEN, WAT_WERKT, WAT_BETER, SOURCES = "elementen", "wat_werkt", "wat_beter", "links_contact"


class ExampleContent(BaseModel):
    """One example in the report's format."""

    model_config = ConfigDict(extra="forbid")

    # 1. Facts
    name: Annotated[str, spec(section=FACTS, label=_("Naam"), store=Attr("title"), search_weight=8)]
    short_name: Annotated[
        str,
        spec(section=FACTS, label=_("Korte naam"), store=Attr("short_name"), search_weight=8),
    ] = ""
    organisations: Annotated[
        list[str],
        spec(
            section=FACTS,
            label=_("Organisaties"),
            store=Rows("organisations", "name"),
            search_weight=3,
        ),
    ] = []
    places: Annotated[
        list[str],
        spec(
            section=FACTS,
            label=_("Plaats of regio"),
            store=Terms("places"),
            search_weight=3,
            titled_in_api=True,
        ),
    ] = []
    kind: Annotated[Kind, spec(section=FACTS, label=_("Soort"), store=Attr("kind"))]
    since_year: Annotated[
        Year | None, spec(section=FACTS, label=_("Sinds"), store=Attr("since_year"))
    ] = None
    reach: Annotated[
        list[ReachFigure],
        spec(
            section=FACTS,
            label=_("Bereik"),
            store=Records("reach_figures", ("label", "value")),
        ),
    ] = []
    target_group: Annotated[
        str,
        spec(section=FACTS, label=_("Doelgroep"), store=Attr("target_group"), search_weight=3),
    ] = ""
    target_groups: Annotated[
        list[str],
        spec(
            section=FACTS,
            label=_("Doelgroepen"),
            store=Terms("target_groups"),
            compared=False,
        ),
    ] = []
    age_min: Annotated[
        Age | None, spec(section=FACTS, label=_("Leeftijd vanaf"), store=Attr("age_min"))
    ] = None
    age_max: Annotated[
        Age | None,
        spec(section=FACTS, label=_("Leeftijd tot en met"), store=Attr("age_max")),
    ] = None
    delivered_by: Annotated[
        list[str],
        spec(
            section=FACTS,
            label=_("Uitgevoerd door"),
            store=Rows("delivery_roles", "role"),
            search_weight=1,
        ),
    ] = []
    topics: Annotated[
        list[str],
        spec(
            section=FACTS,
            label=_("Onderwerpen"),
            store=Terms("topics"),
            search_weight=3,
            compared=False,
        ),
    ] = []
    formality: Annotated[
        Formality,
        spec(
            section=FACTS,
            label=_("Informeel of formeel"),
            store=Attr("formality"),
            api_group="quadrant",
        ),
    ]
    scale: Annotated[
        Scale,
        spec(
            section=FACTS,
            label=_("Individueel of collectief"),
            store=Attr("scale"),
            api_group="quadrant",
        ),
    ]
    # 2. In een notendop
    summary: Annotated[
        str,
        spec(
            section=NOTENDOP,
            label=_("In een notendop"),
            store=Attr("summary"),
            search_weight=3,
            checked=True,
            quote_place=FormatSection.NOTENDOP,
        ),
    ]
    # 3. Verdieping
    deepening: Annotated[
        str,
        spec(
            section=VERDIEPING,
            label=_("Verdieping"),
            store=Attr("deepening"),
            search_weight=1,
            checked=True,
            quote_place=FormatSection.VERDIEPING,
        ),
    ] = ""
    for_whom: Annotated[
        str,
        spec(
            section=VERDIEPING,
            label=_("Voor wie?"),
            store=Attr("for_whom"),
            search_weight=1,
            checked=True,
            quote_place=FormatSection.VOOR_WIE,
        ),
    ] = ""
    by_whom: Annotated[
        str,
        spec(
            section=VERDIEPING,
            label=_("Door wie?"),
            store=Attr("by_whom"),
            search_weight=1,
            checked=True,
            quote_place=FormatSection.DOOR_WIE,
        ),
    ] = ""
    what_is_needed: Annotated[
        str,
        spec(
            section=VERDIEPING,
            label=_("Wat is er nodig?"),
            store=Attr("what_is_needed"),
            search_weight=1,
            checked=True,
            quote_place=FormatSection.WAT_NODIG,
        ),
    ] = ""
    # 4. Aanwezige elementen
    elements: Annotated[
        list[ElementText],
        spec(
            section=ELEMENTEN,
            label=_("Aanwezige elementen"),
            store=ElementTexts(),
            search_weight=1,
            checked=True,
            quote_place=FormatSection.ELEMENTEN,
        ),
    ] = []
    # 5. Wat werkt?
    what_works: Annotated[
        list[str],
        spec(
            section=WAT_WERKT,
            label=_("Wat werkt?"),
            store=Rows("what_works", "text"),
            search_weight=1,
            checked=True,
            quote_place=FormatSection.WAT_WERKT,
        ),
    ] = []
    # 6. Wat kan er nog beter?
    improvements: Annotated[
        list[Improvement],
        spec(
            section=WAT_BETER,
            label=_("Wat kan er nog beter?"),
            store=Records("improvements", ("text", "theme"), references={"theme": "theme"}),
            search_weight=1,
            checked=True,
            quote_place=FormatSection.WAT_BETER,
        ),
    ] = []
    # Quotes belong to the section their `section` names (see quote_place above).
    quotes: Annotated[
        list[Quote],
        spec(
            section="",
            label=_("Citaten"),
            store=Records(
                "quotes",
                ("text", "speaker_role", "section", "element"),
                references={"element": "element"},
            ),
            compared=False,
        ),
    ] = []
    # 7. Links en contact, and what the description is based on
    links: Annotated[
        list[Link],
        spec(section=SOURCES, label=_("Links"), store=Records("links", ("title", "url"))),
    ] = []
    contacts: Annotated[
        list[Contact],
        spec(
            section=SOURCES,
            label=_("Contact"),
            store=Records(
                "contacts",
                ("name", "organisation", "role", "email", "phone", "url", "is_public"),
                public={"is_public": True},
                prefetched="public_contacts",
            ),
        ),
    ] = []
    basis: Annotated[
        str,
        spec(section=SOURCES, label=_("Basis van de beschrijving"), store=Attr("basis")),
    ] = ""
    effectiveness: Annotated[
        Effectiveness | None,
        spec(
            section=SOURCES,
            label=_("Effectiviteit"),
            store=Pair(("effectiveness_status", "effectiveness_url"), ("status", "url")),
        ),
    ] = None
    last_checked: Annotated[
        datetime.date | None,
        spec(section=SOURCES, label=_("Laatst gecontroleerd"), store=Attr("last_checked")),
    ] = None

    def comparable(self, *, exclude: set[str] | None = None) -> dict[str, Any]:
        """The content as JSON values in which only a change of text counts: browsers send
        textareas with CRLF and Wagtail stores what they send."""
        values: dict[str, Any] = normalised(self.model_dump(mode="json", exclude=exclude))
        return values

    def public(self) -> ExampleContent:
        """The content as the public may see it: without contacts that are not public."""
        return self.model_copy(
            update={"contacts": [contact for contact in self.contacts if contact.is_public]}
        )
