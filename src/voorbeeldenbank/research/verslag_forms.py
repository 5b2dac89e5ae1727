"""Forms of the verslag screens: a new version, and a span the reviewer adds."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from voorbeeldenbank.core.anonymise import Category

from .models import VerslagSource
from .verslag_files import UploadError, read_upload


class VersionForm(forms.Form):
    """Typed text or an uploaded file; on an error the typed text comes back in the form."""

    text = forms.CharField(
        label=_("Tekst van het verslag"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text=_("Schrijf of plak het verslag hier. Of kies hieronder een bestand."),
    )
    file = forms.FileField(
        label=_("Of een bestand"),
        required=False,
        help_text=_("Een .docx- of .txt-bestand (UTF-8), hoogstens 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".docx,.txt"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        text, upload = data.get("text") or "", data.get("file")
        if upload and text.strip():
            raise forms.ValidationError(
                _("Schrijf een tekst of kies een bestand, niet allebei."), code="both"
            )
        if upload:
            try:
                data["text"], data["source"] = read_upload(upload)
            except UploadError as error:
                self.add_error("file", str(error))
        elif text.strip():
            data["source"] = VerslagSource.WRITTEN
        else:
            raise forms.ValidationError(_("Schrijf een tekst of kies een bestand."), code="empty")
        return data


class AddSpanForm(forms.Form):
    words = forms.CharField(
        label=_("Precieze woorden"),
        required=False,
        max_length=200,
        help_text=_("Elke plek waar deze woorden staan, wordt vervangen."),
    )
    start = forms.IntegerField(
        label=_("Of: van teken"), required=False, min_value=0, help_text=_("Telt vanaf 0.")
    )
    end = forms.IntegerField(
        label=_("tot teken"), required=False, min_value=1, help_text=_("Het eerste teken erna.")
    )
    category = forms.ChoiceField(
        label=_("Soort"), choices=[(category.value, category.value) for category in Category]
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not (data.get("words") or "").strip() and (
            data.get("start") is None or data.get("end") is None
        ):
            raise forms.ValidationError(
                _("Geef de woorden, of een begin en einde."), code="missing"
            )
        return data
