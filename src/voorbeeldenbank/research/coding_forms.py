"""Forms of the coding screens: a free code, a segment, the two coders, a quote's place."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from voorbeeldenbank.core.models import Element
from voorbeeldenbank.examples.constants import FormatSection

from .coding import check_offsets, locate
from .models import Code


class FreeCodeForm(forms.Form):
    name = forms.CharField(
        label=_("Naam"), max_length=120, help_text=_("Kort, bijvoorbeeld 'vertrouwen'.")
    )
    description = forms.CharField(
        label=_("Omschrijving"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Wanneer geef je deze code?"),
    )


class SegmentForm(forms.Form):
    """A passage by its offsets (filled in by the selection script) or typed over exactly."""

    code = forms.ModelChoiceField(label=_("Code"), queryset=Code.objects.none())
    snippet = forms.CharField(
        label=_("Fragment"),
        strip=False,
        widget=forms.Textarea(attrs={"rows": 3, "data-coding-snippet": ""}),
        help_text=_("Selecteer het fragment in de tekst, of typ het hier precies over."),
    )
    occurrence = forms.IntegerField(
        label=_("Welke keer"),
        min_value=1,
        initial=1,
        required=False,
        help_text=_("Alleen bij overtypen: staat het fragment vaker in de tekst, welke keer?"),
    )
    is_quote = forms.BooleanField(label=_("Citaat"), required=False)
    memo = forms.CharField(
        label=_("Notitie"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    start = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
    end = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)

    def __init__(self, *args: Any, codes: Any, text: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.text = text
        field = self.fields["code"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = codes

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        snippet = data.get("snippet") or ""
        start, end = data.get("start"), data.get("end")
        try:
            if start is not None and end is not None:
                check_offsets(self.text, start, end, snippet)
            else:
                data["start"], data["end"] = locate(self.text, snippet, data.get("occurrence") or 1)
        except ValidationError as error:
            self.add_error("snippet", error)
        return data


class CodersForm(forms.Form):
    coder_a = forms.ModelChoiceField(label=_("Codeur A"), queryset=get_user_model().objects.none())
    coder_b = forms.ModelChoiceField(label=_("Codeur B"), queryset=get_user_model().objects.none())

    def __init__(self, *args: Any, coders: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("coder_a", "coder_b"):
            field = self.fields[name]
            assert isinstance(field, forms.ModelChoiceField)
            field.queryset = coders

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("coder_a") and data.get("coder_a") == data.get("coder_b"):
            raise ValidationError(_("Kies twee verschillende codeurs."))
        return data


class QuotePlaceForm(forms.Form):
    section = forms.ChoiceField(
        label=_("Onderdeel"),
        choices=FormatSection.choices,
        help_text=_("Bij welk onderdeel van het voorbeeld het citaat komt."),
    )
    element = forms.ModelChoiceField(
        label=_("Element"),
        queryset=Element.objects.all(),
        required=False,
        help_text=_("Bij 'aanwezige elementen': welk element."),
    )
