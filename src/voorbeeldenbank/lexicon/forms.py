from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _


def too_large_message() -> str:
    return str(
        _("De tekst is te lang. De taalcheck leest tot %(size)s kB; deel de tekst op.")
        % {"size": settings.TAALCHECK_MAX_BYTES // 1000}
    )


class TaalcheckForm(forms.Form):
    text = forms.CharField(
        label=_("Uw tekst"),
        help_text=_("Plak of typ een Nederlandse tekst. HTML wordt als gewone tekst gelezen."),
        widget=forms.Textarea(attrs={"rows": 12, "spellcheck": "true"}),
        strip=False,
        error_messages={"required": _("Vul een tekst in om te controleren.")},
    )

    def clean_text(self) -> str:
        text = self.cleaned_data["text"]
        if not text.strip():
            raise forms.ValidationError(_("Vul een tekst in om te controleren."), code="required")
        if len(text.encode("utf-8", errors="replace")) > settings.TAALCHECK_MAX_BYTES:
            raise forms.ValidationError(too_large_message(), code="too_large")
        return text

    @property
    def too_large(self) -> bool:
        return any(error.code == "too_large" for error in self.errors.as_data().get("text", []))


class LexiconSearchForm(forms.Form):
    q = forms.CharField(label=_("Zoek een woord"), required=False, max_length=100)
    categorie = forms.CharField(required=False, max_length=40)
