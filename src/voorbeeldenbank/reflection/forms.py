import datetime

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from voorbeeldenbank.core.models import Element

from .constants import (
    DONT_KNOW,
    DONT_KNOW_LABEL,
    MAX_FOCUS_ELEMENTS,
    NOTE_MAX_LENGTH,
    SCALE,
    OrganisationKind,
)
from .models import Statement

DEFAULT_OPEN_DAYS = 14


class OpenSessionForm(forms.Form):
    title = forms.CharField(
        label=_("Naam van de sessie (mag leeg blijven)"),
        max_length=120,
        required=False,
        help_text=_("Bijvoorbeeld de naam van uw team. Zet er geen namen van personen in."),
    )
    days_open = forms.IntegerField(
        label=_("Hoeveel dagen kunnen mensen antwoorden?"),
        min_value=1,
        initial=DEFAULT_OPEN_DAYS,
        help_text=_("U kunt de sessie ook eerder sluiten."),
    )
    tag_organisations = forms.BooleanField(
        label=_("Vraag deelnemers uit wat voor organisatie ze komen"),
        required=False,
        help_text=_("Handig als u de scan doet met partners uit de buurt, zorg en gemeente."),
    )
    in_overview = forms.BooleanField(
        label=_("Laat de antwoorden anoniem meetellen in het overzicht van alle sessies"),
        required=False,
    )

    def clean_days_open(self) -> int:
        days = self.cleaned_data["days_open"]
        if days > settings.REFLECTION_KEEP_DAYS:
            raise forms.ValidationError(
                _("Kies hoogstens %(days)s dagen: daarna worden de antwoorden gewist.")
                % {"days": settings.REFLECTION_KEEP_DAYS}
            )
        return days

    def closes_on(self) -> datetime.date:
        return timezone.localdate() + datetime.timedelta(days=self.cleaned_data["days_open"])


def statement_field(statement: Statement) -> str:
    return f"s{statement.pk}"


def note_field(element: Element) -> str:
    return f"note_{element.key}"


class ScanForm(forms.Form):
    """One field per statement (the scale or "weet niet"), an optional note per element."""

    def __init__(
        self, *args, statements: list[Statement], ask_organisation: bool, **kwargs
    ) -> None:
        super().__init__(*args, **kwargs)
        self.statements = statements
        if ask_organisation:
            self.fields["organisation_kind"] = forms.ChoiceField(
                label=_("Uit wat voor organisatie komt u? (mag leeg blijven)"),
                choices=[("", _("Zeg ik liever niet")), *OrganisationKind.choices],
                required=False,
            )
        choices = [(str(value), label) for value, label in SCALE] + [(DONT_KNOW, DONT_KNOW_LABEL)]
        elements: dict[int, Element] = {}
        for statement in statements:
            self.fields[statement_field(statement)] = forms.ChoiceField(
                label=statement.text, choices=choices, widget=forms.RadioSelect, required=False
            )
            elements.setdefault(statement.element_id, statement.element)
        for element in elements.values():
            self.fields[note_field(element)] = forms.CharField(
                label=_("Notitie bij %(element)s (mag leeg blijven)")
                % {"element": element.display_title},
                required=False,
                max_length=NOTE_MAX_LENGTH,
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text=_("Schrijf geen namen of andere dingen waaraan iemand te herkennen is."),
            )
        self.elements = list(elements.values())

    def clean(self) -> dict:
        data = super().clean() or {}
        if not any(data.get(statement_field(statement)) for statement in self.statements):
            raise forms.ValidationError(_("Kies bij minstens één stelling een antwoord."))
        return data

    def groups(self) -> list[dict]:
        """The bound fields per element, for the template."""
        return [
            {
                "element": element,
                "fields": [
                    self[statement_field(statement)]
                    for statement in self.statements
                    if statement.element_id == element.pk
                ],
                "note": self[note_field(element)],
            }
            for element in self.elements
        ]

    def answers(self) -> list[tuple[Statement, int | None]]:
        found = []
        for statement in self.statements:
            value = self.cleaned_data.get(statement_field(statement))
            if value:
                found.append((statement, None if value == DONT_KNOW else int(value)))
        return found

    def notes(self) -> list[tuple[Element, str]]:
        return [
            (element, text)
            for element in self.elements
            if (text := self.cleaned_data.get(note_field(element), "").strip())
        ]


class FocusForm(forms.Form):
    """The action step: which elements the team wants to grow in."""

    groei = forms.ModelMultipleChoiceField(
        label=_("Kies 1 tot 3 elementen waarin u wilt groeien"),
        queryset=Element.objects.all(),
        to_field_name="key",
        widget=forms.CheckboxSelectMultiple,
    )

    def clean_groei(self):
        chosen = self.cleaned_data["groei"]
        if len(chosen) > MAX_FOCUS_ELEMENTS:
            raise forms.ValidationError(
                _("Kies er hoogstens %(count)s.") % {"count": MAX_FOCUS_ELEMENTS}
            )
        return chosen
