from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from voorbeeldenbank.examples.constants import InterviewMode, InterviewRole

from ..constants import ConsentKind, ConsentMethod, LogAction
from ..storage import private_storage
from .log import record


class Interview(ClusterableModel):
    """One conversation about a candidate, with one perspective (the report's role categories)."""

    project = models.ForeignKey(
        "research.ResearchProject",
        verbose_name=gettext_lazy("project"),
        on_delete=models.CASCADE,
        related_name="interviews",
        help_text=gettext_lazy("Het onderzoeksproject van het gesprek."),
    )
    candidate = models.ForeignKey(
        "research.Candidate",
        verbose_name=gettext_lazy("kandidaat"),
        on_delete=models.CASCADE,
        related_name="interviews",
        help_text=gettext_lazy("De praktijk waarover het gesprek ging."),
    )
    role = models.CharField(
        gettext_lazy("perspectief"),
        max_length=20,
        choices=InterviewRole.choices,
        help_text=gettext_lazy("Vanuit welk perspectief de geïnterviewde sprak."),
    )
    mode = models.CharField(
        gettext_lazy("vorm"),
        max_length=10,
        choices=InterviewMode.choices,
        help_text=gettext_lazy("Fysiek of digitaal."),
    )
    date = models.DateField(gettext_lazy("datum"), help_text=gettext_lazy("Dag van het gesprek."))
    duration_minutes = models.PositiveSmallIntegerField(
        gettext_lazy("duur (minuten)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(600)],
        help_text=gettext_lazy("Ongeveer hoe lang het gesprek duurde."),
    )
    interviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=gettext_lazy("interviewer"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=gettext_lazy("Het projectlid dat het gesprek voerde."),
    )

    class Meta:
        verbose_name = gettext_lazy("interview")
        verbose_name_plural = gettext_lazy("interviews")
        ordering = ["-date", "pk"]

    def __str__(self) -> str:
        return _("%(candidate)s, %(role)s, %(date)s") % {
            "candidate": self.candidate,
            "role": self.get_role_display(),
            "date": self.date,
        }

    def clean(self) -> None:
        if self.candidate_id and self.project_id and self.candidate.project_id != self.project_id:
            raise ValidationError(
                {"candidate": _("Deze kandidaat hoort niet bij het gekozen project.")}
            )

    def current_consents(self) -> dict[str, Consent]:
        """The latest row per kind: earlier rows are the history."""
        current: dict[str, Consent] = {}
        for consent in self.consents.order_by("recorded_at", "pk"):
            current[consent.kind] = consent
        return current


class InterviewContact(models.Model):
    """Who was interviewed; kept apart so it can go when the project ends."""

    interview = ParentalKey(
        Interview,
        verbose_name=gettext_lazy("interview"),
        on_delete=models.CASCADE,
        related_name="contacts",
        help_text=gettext_lazy("Het gesprek waar deze gegevens bij horen."),
    )
    name = models.CharField(
        gettext_lazy("naam"), max_length=200, help_text=gettext_lazy("Naam van de geïnterviewde.")
    )
    email = models.EmailField(
        gettext_lazy("e-mailadres"),
        blank=True,
        help_text=gettext_lazy("Om het verslag ter goedkeuring te sturen."),
    )
    phone = models.CharField(
        gettext_lazy("telefoon"),
        max_length=40,
        blank=True,
        help_text=gettext_lazy("Telefoonnummer."),
    )

    class Meta:
        verbose_name = gettext_lazy("geïnterviewde")
        verbose_name_plural = gettext_lazy("geïnterviewden")

    def __str__(self) -> str:
        return self.name


class Consent(models.Model):
    """One statement of consent for one use. A change is a new row: the old ones stay as history."""

    interview = models.ForeignKey(
        Interview,
        verbose_name=gettext_lazy("interview"),
        on_delete=models.CASCADE,
        related_name="consents",
        help_text=gettext_lazy("Het gesprek waarvoor toestemming is gegeven of geweigerd."),
    )
    kind = models.CharField(
        gettext_lazy("waarvoor"),
        max_length=12,
        choices=ConsentKind.choices,
        help_text=gettext_lazy("Het gebruik waar de toestemming over gaat."),
    )
    given = models.BooleanField(
        gettext_lazy("gegeven"), help_text=gettext_lazy("Aangevinkt: ja. Leeg: nee.")
    )
    given_at = models.DateTimeField(
        gettext_lazy("wanneer"),
        default=timezone.now,
        help_text=gettext_lazy("Wanneer de geïnterviewde dit aangaf."),
    )
    method = models.CharField(
        gettext_lazy("hoe"),
        max_length=12,
        choices=ConsentMethod.choices,
        help_text=gettext_lazy("Hoe de toestemming is gegeven."),
    )
    text_version = models.CharField(
        gettext_lazy("versie toestemmingstekst"),
        max_length=40,
        help_text=gettext_lazy("De tekst die de geïnterviewde te zien of te horen kreeg."),
    )
    evidence = models.FileField(
        gettext_lazy("bewijs"),
        storage=private_storage,
        upload_to="consent/%Y/",
        blank=True,
        help_text=gettext_lazy("Bijvoorbeeld het ondertekende formulier (niet openbaar)."),
    )
    withdrawn_at = models.DateTimeField(
        gettext_lazy("ingetrokken op"),
        null=True,
        blank=True,
        help_text=gettext_lazy("Als de geïnterviewde de toestemming later introk."),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=gettext_lazy("vastgelegd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=gettext_lazy("Wie de toestemming invoerde."),
    )
    recorded_at = models.DateTimeField(gettext_lazy("vastgelegd op"), default=timezone.now)

    class Meta:
        verbose_name = gettext_lazy("toestemming")
        verbose_name_plural = gettext_lazy("toestemmingen")
        ordering = ["interview", "kind", "-recorded_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {_('ja') if self.is_given else _('nee')}"

    @property
    def is_given(self) -> bool:
        return self.given and self.withdrawn_at is None

    @classmethod
    def register(cls, interview: Interview, actor: Any, **fields: Any) -> Consent:
        fields.setdefault("text_version", interview.project.consent_text_version)
        consent = cls.objects.create(interview=interview, recorded_by=actor, **fields)
        record(
            interview.project,
            actor,
            LogAction.CONSENT,
            consent,
            interview=interview.pk,
            kind=consent.kind,
            given=consent.is_given,
        )
        return consent

    def withdraw(self, actor: Any) -> Consent:
        """Withdrawal is recorded as a new row, so the consent that was given stays on file."""
        return Consent.register(
            self.interview,
            actor,
            kind=self.kind,
            given=False,
            method=self.method,
            text_version=self.text_version,
            withdrawn_at=timezone.now(),
        )
