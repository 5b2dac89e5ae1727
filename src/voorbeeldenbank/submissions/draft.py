"""A submission's content: the report's format as a submitter fills it in, step by step.

Everything is optional until "indienen", and a few parts are asked in the submitter's terms
rather than the bank's: places as free text (the redactie maps them to the vocabulary), each
element with a yes/no before its explanation, one contact, and the person who approves the
text. `DRAFT_FIELDS` says, for every field of the format (examples.format), which part of the
draft fills it, or that submitters are not asked for it; a test keeps the two in step, so a new
field of the format cannot be forgotten here.

The content is validated whenever it is written (Submission.save_content, the model's save),
so readers can trust its shape.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from voorbeeldenbank.core.constants import ELEMENT_KEYS
from voorbeeldenbank.examples.constants import AGE_MAX, Formality, Kind, Scale
from voorbeeldenbank.examples.format import FORMAT

Text = str


class DraftPart(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DraftElement(DraftPart):
    present: bool = False
    explanation: Text = ""


class DraftLink(DraftPart):
    title: Text = ""
    url: Text


class DraftContact(DraftPart):
    name: Text = ""
    organisation: Text = ""
    role: Text = ""
    email: Text = ""
    phone: Text = ""
    url: Text = ""
    # The submitter's consent to show these details on the public page.
    is_public: bool = False


class DraftApprover(DraftPart):
    name: Text = ""
    organisation: Text = ""
    role: Text = ""
    email: Text = ""


def _choice(values: list[str]) -> Any:
    # Empty while the submitter has not chosen yet.
    return Annotated[str, Field(pattern="^(" + "|".join(["", *values]) + ")$")]


class SubmissionContent(DraftPart):
    title: Text = ""
    short_name: Text = ""
    kind: _choice(Kind.values) = ""  # type: ignore[valid-type]
    since_year: Annotated[int, Field(ge=1900, le=2100)] | None = None
    places: list[Text] = []
    organisations: list[Text] = []
    target_group: Text = ""
    age_min: Annotated[int, Field(ge=0, le=AGE_MAX)] | None = None
    age_max: Annotated[int, Field(ge=0, le=AGE_MAX)] | None = None
    formality: _choice(Formality.values) = ""  # type: ignore[valid-type]
    scale: _choice(Scale.values) = ""  # type: ignore[valid-type]
    summary: Text = ""
    for_whom: Text = ""
    by_whom: Text = ""
    what_is_needed: Text = ""
    deepening: Text = ""
    elements: dict[str, DraftElement] = {}
    what_works: list[Text] = []
    improvements: list[Text] = []
    links: list[DraftLink] = []
    contact: DraftContact = DraftContact()
    approver: DraftApprover = DraftApprover()

    @field_validator("elements")
    @classmethod
    def _known_elements(cls, elements: dict[str, DraftElement]) -> dict[str, DraftElement]:
        unknown = set(elements) - set(ELEMENT_KEYS)
        if unknown:
            raise ValueError(f"unknown elements: {', '.join(sorted(unknown))}")
        return elements

    @property
    def explained_elements(self) -> list[str]:
        """Element keys marked present *and* explained (what the 5-of-8 rule counts)."""
        return [
            key
            for key in ELEMENT_KEYS
            if (entry := self.elements.get(key)) and entry.present and entry.explanation.strip()
        ]


# Each field of the format: the draft part that fills it, or None (not asked of submitters).
DRAFT_FIELDS: dict[str, str | None] = {
    "name": "title",
    "short_name": "short_name",
    "organisations": "organisations",
    "places": "places",
    "kind": "kind",
    "since_year": "since_year",
    "reach": None,
    "target_group": "target_group",
    "target_groups": None,
    "age_min": "age_min",
    "age_max": "age_max",
    "delivered_by": None,
    "topics": None,
    "formality": "formality",
    "scale": "scale",
    "summary": "summary",
    "deepening": "deepening",
    "for_whom": "for_whom",
    "by_whom": "by_whom",
    "what_is_needed": "what_is_needed",
    "elements": "elements",
    "what_works": "what_works",
    "improvements": "improvements",
    "quotes": None,
    "links": "links",
    "contacts": "contact",
    # Written by the redactie when the submission becomes a page.
    "basis": None,
    "effectiveness_level": None,
    "effectiveness": None,
    "last_checked": None,
}


class InvalidContent(ValueError):
    """Content that does not fit the draft's shape; the message names the parts."""


def validated(content: dict[str, Any]) -> dict[str, Any]:
    """The content in its checked shape (as stored), or InvalidContent."""
    try:
        draft = SubmissionContent.model_validate(content)
    except ValidationError as error:
        parts = ", ".join(".".join(str(p) for p in item["loc"]) for item in error.errors())
        raise InvalidContent(f"invalid submission content: {parts}") from error
    return draft.model_dump(mode="json", exclude_unset=True)


def draft_of(content: dict[str, Any]) -> SubmissionContent:
    return SubmissionContent.model_validate(content)


def checked_texts(draft: SubmissionContent) -> list[tuple[str, str]]:
    """(label, text) of every part the language check reads, in the format's order: the same
    fields the editor's panel reads on the page."""
    texts: list[tuple[str, str]] = []
    for field in FORMAT.checked:
        part = DRAFT_FIELDS.get(field.name)
        if part is None:
            continue
        value = getattr(draft, part)
        if isinstance(value, str):
            texts.append((field.label, value))
        elif isinstance(value, dict):
            texts += [(field.label, entry.explanation) for entry in value.values()]
        else:
            texts += [(field.label, item) for item in value]
    return [(label, text) for label, text in texts if text.strip()]
