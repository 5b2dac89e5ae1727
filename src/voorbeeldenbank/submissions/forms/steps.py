"""One form per step of the format; each maps to and from the shared content dict."""

from __future__ import annotations

from typing import Any, ClassVar

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from voorbeeldenbank.core.constants import ELEMENT_KEYS
from voorbeeldenbank.core.models import Element
from voorbeeldenbank.examples.constants import AGE_MAX, AGE_MIN, Formality, Kind, Scale

from .fields import EmailAddressField, LinesField, PlainTextField, WebAddressField

SHORT = 255
LONG = 6000
LINK_ROWS = 5


def blank_choice(choices: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
    return [("", _("Kies…")), *choices]


class StepForm(forms.Form):
    """Fields named like the content keys map one to one; subclasses handle nested parts."""

    content_keys: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def initial_from(cls, content: dict[str, Any]) -> dict[str, Any]:
        return {key: content.get(key) for key in cls.content_keys if key in content}

    def to_content(self) -> dict[str, Any]:
        """The valid part of the input (cleaned_data only holds fields without errors)."""
        return {
            key: self.cleaned_data[key] for key in self.content_keys if key in self.cleaned_data
        }


class FactsForm(StepForm):
    content_keys = (
        "title", "short_name", "kind", "since_year", "places", "organisations",
        "target_group", "age_min", "age_max", "formality", "scale",
    )  # fmt: skip

    title = PlainTextField(label=_("Naam van het voorbeeld"), max_length=SHORT, required=True)
    short_name = PlainTextField(
        label=_("Korte naam"),
        max_length=80,
        help_text=_("Zoals u het in een tabel zou noemen, bijvoorbeeld een afkorting."),
    )
    kind = forms.ChoiceField(label=_("Soort"), choices=blank_choice(Kind.choices))
    since_year = forms.IntegerField(
        label=_("Sinds (jaar)"),
        required=False,
        validators=[MinValueValidator(1900)],
        help_text=_("Het jaar waarin het begon, bijvoorbeeld 2019."),
    )
    places = LinesField(
        label=_("Plaatsen of regio's"), help_text=_("Eén per regel."), max_length=LONG
    )
    organisations = LinesField(
        label=_("Organisaties"), help_text=_("Eén per regel."), max_length=LONG
    )
    target_group = PlainTextField(
        label=_("Doelgroep"), textarea=True, max_length=LONG, help_text=_("Voor wie is het?")
    )
    age_min = forms.IntegerField(
        label=_("Leeftijd vanaf"),
        required=False,
        validators=[MinValueValidator(AGE_MIN), MaxValueValidator(AGE_MAX)],
    )
    age_max = forms.IntegerField(
        label=_("Leeftijd tot en met"),
        required=False,
        validators=[MinValueValidator(AGE_MIN), MaxValueValidator(AGE_MAX)],
    )
    formality = forms.ChoiceField(
        label=_("Informeel of formeel"),
        choices=blank_choice(Formality.choices),
        help_text=_("Wordt de steun vooral in een informele of een formele setting gegeven?"),
    )
    scale = forms.ChoiceField(
        label=_("Individueel of collectief"),
        choices=blank_choice(Scale.choices),
        help_text=_("Wordt het vooral één-op-één of in groepen aangeboden?"),
    )

    def clean_since_year(self) -> int | None:
        year = self.cleaned_data.get("since_year")
        if year is not None and year > timezone.now().year:
            raise forms.ValidationError(_("Dat jaar ligt in de toekomst."))
        return year

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        low, high = data.get("age_min"), data.get("age_max")
        if low is not None and high is not None and low > high:
            self.add_error("age_max", _("De hoogste leeftijd is lager dan de laagste."))
        outside = (data.get("formality") == Formality.NONE, data.get("scale") == Scale.NONE)
        if all(k in data for k in ("formality", "scale")) and any(outside) and not all(outside):
            self.add_error("scale", _("Buiten het kwadrant geldt voor beide dimensies tegelijk."))
        return data


class SummaryForm(StepForm):
    content_keys = ("summary",)

    summary = PlainTextField(
        label=_("In een notendop"),
        textarea=True,
        required=True,
        max_length=LONG,
        help_text=_("Beschrijf het voorbeeld kort, in ongeveer 100 tot 150 woorden."),
    )


class DeepeningForm(StepForm):
    content_keys = ("for_whom", "by_whom", "what_is_needed", "deepening")

    for_whom = PlainTextField(label=_("Voor wie?"), textarea=True, max_length=LONG)
    by_whom = PlainTextField(label=_("Door wie?"), textarea=True, max_length=LONG)
    what_is_needed = PlainTextField(label=_("Wat is er nodig?"), textarea=True, max_length=LONG)
    deepening = PlainTextField(
        label=_("Verdere toelichting"),
        textarea=True,
        max_length=LONG * 2,
        help_text=_(
            "Alles wat nog meer helpt om het voorbeeld te begrijpen. Witregel = nieuwe alinea."
        ),
    )


class ElementsForm(StepForm):
    """Per element of the vision: is it present, and how does the example realise it?"""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        elements = {e.key: e for e in Element.objects.filter(key__in=ELEMENT_KEYS)}
        for key in ELEMENT_KEYS:
            element = elements.get(key)
            title = element.display_title if element else key
            present = forms.BooleanField(
                label=_("Aanwezig: %(title)s") % {"title": title}, required=False
            )
            present.element_title = title  # type: ignore[attr-defined]
            present.element_key = key  # type: ignore[attr-defined]
            present.element_summary = element.display_summary if element else ""  # type: ignore[attr-defined]
            present.element_summary_is_dutch = bool(element and element.summary_is_dutch_fallback)  # type: ignore[attr-defined]
            self.fields[f"present_{key}"] = present
            self.fields[f"explanation_{key}"] = PlainTextField(
                label=_("Hoe ziet u dit terug? (%(title)s)") % {"title": title},
                textarea=True,
                max_length=LONG,
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for key in ELEMENT_KEYS:
            # Someone who describes how an element shows will mostly have forgotten the tick;
            # counting it silently as absent would hide the text, ticking it for them would
            # claim something they did not: ask.
            if data.get(f"explanation_{key}") and not data.get(f"present_{key}"):
                self.add_error(
                    f"present_{key}",
                    _(
                        "U beschrijft hoe dit element terugkomt, maar het is niet aangevinkt. "
                        "Vink het aan als het aanwezig is, of haal de beschrijving weg."
                    ),
                )
        return data

    @classmethod
    def initial_from(cls, content: dict[str, Any]) -> dict[str, Any]:
        initial: dict[str, Any] = {}
        for key, entry in (content.get("elements") or {}).items():
            if isinstance(entry, dict):
                initial[f"present_{key}"] = bool(entry.get("present"))
                initial[f"explanation_{key}"] = entry.get("explanation") or ""
        return initial

    def to_content(self) -> dict[str, Any]:
        data = self.cleaned_data
        elements = {}
        for key in ELEMENT_KEYS:
            explanation = data.get(f"explanation_{key}", "")
            present = data.get(f"present_{key}", False)
            if present or explanation:
                elements[key] = {"present": bool(present), "explanation": explanation}
        return {"elements": elements}

    def element_pairs(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [(self[f"present_{key}"], self[f"explanation_{key}"]) for key in ELEMENT_KEYS]


class ExperienceForm(StepForm):
    content_keys = ("what_works", "improvements")

    what_works = LinesField(
        label=_("Wat werkt?"), help_text=_("Eén punt per regel."), max_length=LONG
    )
    improvements = LinesField(
        label=_("Wat kan er nog beter?"), help_text=_("Eén punt per regel."), max_length=LONG
    )


PERSON_PARTS = ("name", "organisation", "role", "email")
SUMMARY_GROUPS = {
    "contact": _("(contact bij het voorbeeld)"),
    "approver": _("van de contactpersoon die goedkeurt"),
}


class ContactForm(StepForm):
    contact_name = PlainTextField(label=_("Naam"), max_length=SHORT)
    contact_organisation = PlainTextField(
        label=pgettext_lazy("veld", "Organisatie"), max_length=SHORT
    )
    contact_role = PlainTextField(label=_("Functie"), max_length=SHORT)
    contact_email = EmailAddressField(label=_("E-mailadres"), required=False)
    contact_phone = PlainTextField(label=_("Telefoon"), max_length=40)
    contact_url = WebAddressField(label=_("Contactpagina"), required=False)
    contact_is_public = forms.BooleanField(
        label=_("Deze contactgegevens mogen bij het voorbeeld op de site staan"),
        help_text=_(
            "Zonder vinkje gebruikt de redactie ze alleen voor vragen over het voorbeeld; "
            "op de site staan dan alleen de links."
        ),
        required=False,
    )
    approver_name = PlainTextField(label=_("Naam"), max_length=SHORT)
    approver_email = EmailAddressField(
        label=_("E-mailadres"),
        help_text=_("Deze persoon krijgt de tekst ter goedkeuring voordat die online komt."),
    )
    approver_organisation = PlainTextField(
        label=pgettext_lazy("veld", "Organisatie"), max_length=SHORT
    )
    approver_role = PlainTextField(label=_("Functie"), max_length=SHORT)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Both people have a name, an e-mail address and so on: the error summary says whose.
        for name, field in self.fields.items():
            group = SUMMARY_GROUPS.get(name.partition("_")[0])
            if group is not None:
                field.summary_label = f"{field.label} {group}"  # type: ignore[attr-defined]
        for n in range(LINK_ROWS):
            self.fields[f"link_title_{n}"] = PlainTextField(
                label=_("Titel van link %(n)s") % {"n": n + 1}, max_length=SHORT
            )
            self.fields[f"link_url_{n}"] = WebAddressField(
                label=_("Adres van link %(n)s") % {"n": n + 1}, required=False
            )

    @classmethod
    def initial_from(cls, content: dict[str, Any]) -> dict[str, Any]:
        initial: dict[str, Any] = {}
        for group in ("contact", "approver"):
            for part, value in (content.get(group) or {}).items():
                initial[f"{group}_{part}"] = value
        for n, link in enumerate((content.get("links") or [])[:LINK_ROWS]):
            if isinstance(link, dict):
                initial[f"link_title_{n}"] = link.get("title", "")
                initial[f"link_url_{n}"] = link.get("url", "")
        return initial

    def to_content(self) -> dict[str, Any]:
        data = self.cleaned_data
        content: dict[str, Any] = {}
        for group, parts in (
            # is_public only when ticked: the consent is given, never assumed.
            ("contact", (*PERSON_PARTS, "phone", "url", "is_public")),
            ("approver", PERSON_PARTS),
        ):
            content[group] = {
                part: data[f"{group}_{part}"] for part in parts if data.get(f"{group}_{part}")
            }
        content["links"] = [
            {
                "title": data.get(f"link_title_{n}") or data[f"link_url_{n}"],
                "url": data[f"link_url_{n}"],
            }
            for n in range(LINK_ROWS)
            if data.get(f"link_url_{n}")
        ]
        return content

    def link_rows(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [(self[f"link_title_{n}"], self[f"link_url_{n}"]) for n in range(LINK_ROWS)]
