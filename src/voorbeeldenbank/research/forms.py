"""Admin forms that offer only the projects, candidates and people the user may see."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from voorbeeldenbank.examples.models import ExamplePage

from .access import visible, visible_projects
from .constants import (
    RECORDING_ACCEPT,
    RECORDING_EXTENSIONS,
    ConsentKind,
    ConsentMethod,
    MemberRole,
)
from .models import Candidate, ProjectMember


class ProjectMaterialForm(WagtailAdminModelForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        projects = visible_projects(self.for_user)
        choices = {
            "project": projects,
            "candidate": visible(Candidate, self.for_user),
        }
        members = (
            get_user_model()
            .objects.filter(research_memberships__project__in=projects)
            .distinct()
            .order_by("username")
        )
        choices.update(interviewer=members, proposed_by=members)
        for name, queryset in choices.items():
            field = self.fields.get(name)
            if isinstance(field, forms.ModelChoiceField):
                field.queryset = queryset


class MemberForm(forms.ModelForm):
    class Meta:
        model = ProjectMember
        fields = ["user", "role"]

    def __init__(self, *args: Any, project: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.project = project
        field = self.fields["user"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = get_user_model().objects.filter(is_active=True).order_by("username")
        self.fields["role"].initial = MemberRole.INTERVIEWER


class DropForm(forms.Form):
    reason = forms.CharField(
        label=_("Reden"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Waarom doet de praktijk niet mee?"),
    )


class ReplaceForm(forms.Form):
    replacement = forms.ModelChoiceField(
        label=_("Vervangen door"),
        queryset=Candidate.objects.none(),
        help_text=_("Een vergelijkbare praktijk uit hetzelfde project."),
    )

    def __init__(self, *args: Any, candidate: Candidate, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["replacement"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Candidate.objects.filter(project=candidate.project).exclude(
            pk=candidate.pk
        )


class DescribeForm(forms.Form):
    example = forms.ModelChoiceField(
        label=_("Voorbeeld"),
        queryset=ExamplePage.objects.order_by("title"),
        help_text=_("Het voorbeeld in de bank dat deze praktijk beschrijft."),
    )


class ConsentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Waarvoor"), choices=ConsentKind.choices)
    given = forms.BooleanField(
        label=_("Toestemming gegeven"), required=False, help_text=_("Leeg laten bij een nee.")
    )
    method = forms.ChoiceField(label=_("Hoe"), choices=ConsentMethod.choices)
    given_at = forms.DateTimeField(
        label=_("Wanneer"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        help_text=_("Dag en tijd waarop de geïnterviewde het aangaf."),
    )
    evidence = forms.FileField(
        label=_("Bewijs"),
        required=False,
        help_text=_("Bijvoorbeeld het ondertekende formulier. Alleen voor projectleden."),
    )


# Room for the multipart boundaries and the CSRF field around the file itself.
MULTIPART_OVERHEAD = 64 * 1024


def max_recording_bytes() -> int:
    """RESEARCH_RECORDING_MAX_BYTES: an hour of audio is 50-100 MB, above the site's ceiling
    for other requests. The upload view declares it (plus MULTIPART_OVERHEAD) as its own body
    limit, and nginx's location for that address has the same limit
    (deploy/nginx/locations.conf, RECORDING_MAX_BODY_BYTES)."""
    return settings.RESEARCH_RECORDING_MAX_BYTES


def too_large_message() -> str:
    return _("Het bestand is te groot (hoogstens %(max)s).") % {
        "max": filesizeformat(max_recording_bytes())
    }


class RecordingForm(forms.Form):
    file = forms.FileField(
        label=_("Opname"),
        widget=forms.ClearableFileInput(attrs={"accept": RECORDING_ACCEPT}),
        help_text=_("Geluid of beeld: m4a, mp3, wav, ogg, webm of mp4. Alleen voor projectleden."),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if Path(upload.name or "").suffix.lower() not in RECORDING_EXTENSIONS:
            raise forms.ValidationError(
                _("Dit is geen geluids- of beeldbestand. Kies m4a, mp3, wav, ogg, webm of mp4.")
            )
        if upload.size > max_recording_bytes():
            raise forms.ValidationError(too_large_message())
        return upload


class MemberCheckForm(forms.Form):
    """The interviewee's answer: one of two buttons sets the decision."""

    APPROVE = "goedkeuren"
    COMMENT = "opmerkingen"

    decision = forms.ChoiceField(
        label=_("Uw besluit"),
        choices=[(APPROVE, _("Goedkeuren")), (COMMENT, _("Opmerkingen sturen"))],
        error_messages={"required": _("Kies: goedkeuren of opmerkingen sturen.")},
    )
    comment = forms.CharField(
        label=_("Wat moet er anders?"),
        required=False,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Schrijf op wat niet klopt of wat u anders wilt. Noem de alinea als dat kan."),
    )
    # What the page showed, so that an answer never applies to a text the reader did not see.
    digest = forms.CharField(widget=forms.HiddenInput, max_length=64)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == self.COMMENT and not (data.get("comment") or "").strip():
            self.add_error("comment", _("Schrijf op wat er anders moet."))
        return data

    @property
    def approves(self) -> bool:
        return self.cleaned_data["decision"] == self.APPROVE
