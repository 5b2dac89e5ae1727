"""Starting a submission, uploading a Word file, and the contact person's answer."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .fields import EmailAddressField, PlainTextField


class HoneypotMixin(forms.Form):
    # Hidden from people (CSS and aria-hidden); simple bots fill in every field they find.
    website = forms.CharField(
        label=_("Laat dit veld leeg"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def is_bot(self) -> bool:
        return bool(self.data.get("website"))


class StartForm(HoneypotMixin):
    name = PlainTextField(label=_("Uw naam"), max_length=200, required=True)
    email = EmailAddressField(
        label=_("Uw e-mailadres"),
        help_text=_("Hierheen sturen we de persoonlijke link waarmee u verder kunt werken."),
    )
    consent = forms.BooleanField(
        label=_(
            "Ik geef toestemming om deze gegevens te verwerken zoals beschreven in de "
            "privacyverklaring hierboven."
        ),
        error_messages={"required": _("Zonder toestemming kunnen we uw inzending niet bewaren.")},
    )


class LostLinkForm(HoneypotMixin):
    email = EmailAddressField(
        label=_("Uw e-mailadres"),
        help_text=_("Het adres waarmee u de inzending begon."),
    )


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Ingevuld Word-bestand (.docx)"),
        help_text=_("Gebruik het sjabloon hierboven. Alleen .docx-bestanden."),
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Uw besluit"),
        choices=[("akkoord", _("Akkoord: zo mag het online")), ("aanpassen", _("Dit moet anders"))],
        widget=forms.RadioSelect,
    )
    comment = PlainTextField(
        label=_("Wat moet er anders?"),
        textarea=True,
        max_length=6000,
        help_text=_("Verplicht als er iets anders moet."),
    )

    def clean(self) -> dict:
        data = super().clean() or {}
        if data.get("decision") == "aanpassen" and not data.get("comment"):
            self.add_error("comment", _("Schrijf op wat er anders moet."))
        return data


class TransitionForm(forms.Form):
    to_state = forms.CharField(widget=forms.HiddenInput)
    version = forms.IntegerField(widget=forms.HiddenInput)
    note = PlainTextField(
        label=_("Toelichting"), widget=forms.Textarea(attrs={"rows": 2}), max_length=6000
    )


class NoteForm(forms.Form):
    text = PlainTextField(label=_("Notitie"), textarea=True, max_length=6000, required=True)
