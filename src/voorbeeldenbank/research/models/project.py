from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..constants import MemberRole


class ResearchProject(models.Model):
    """One round of the report's method: selecting practices, interviewing, describing."""

    name = models.CharField(
        _("naam"), max_length=120, unique=True, help_text=_("Bijvoorbeeld 'Voorbeelden 2025'.")
    )
    description = models.TextField(
        _("beschrijving"), blank=True, help_text=_("Waar het project over gaat, voor de leden.")
    )
    recording_retention_days = models.PositiveIntegerField(
        _("bewaartermijn opnames (dagen)"),
        default=30,
        validators=[MaxValueValidator(3650)],
        help_text=_("Zoveel dagen na goedkeuring van het gespreksverslag gaat de opname weg."),
    )
    original_text_retention_days = models.PositiveIntegerField(
        _("bewaartermijn oorspronkelijke tekst (dagen)"),
        default=90,
        validators=[MaxValueValidator(3650)],
        help_text=_("Zoveel dagen blijft de niet-geanonimiseerde tekst van een verslag bewaard."),
    )
    consent_text_version = models.CharField(
        _("versie toestemmingstekst"),
        max_length=40,
        default="1",
        help_text=_("De versie van de tekst waarmee geïnterviewden om toestemming wordt gevraagd."),
    )
    known_names = models.TextField(
        _("bekende namen"),
        blank=True,
        help_text=_(
            "Eén naam per regel: medewerkers en anderen die in verslagen kunnen voorkomen. "
            "Geïnterviewden en contactpersonen worden vanzelf meegenomen."
        ),
    )
    pseudonyms = models.JSONField(
        _("vervangingstabel"),
        default=dict,
        blank=True,
        editable=False,
        help_text=_(
            "Welke naam welk label kreeg, zodat iemand in elk verslag hetzelfde label houdt. "
            "Bevat namen: gaat weg met de contactgegevens."
        ),
    )
    ended_at = models.DateTimeField(
        _("afgerond op"),
        null=True,
        blank=True,
        help_text=_("Na afronding gaan contactgegevens weg, na de ingestelde wachttijd."),
    )
    created = models.DateTimeField(_("aangemaakt"), auto_now_add=True)

    class Meta:
        verbose_name = _("onderzoeksproject")
        verbose_name_plural = _("onderzoeksprojecten")
        ordering = ["-created", "name"]
        permissions = [("access_research", _("Mag het onderzoek openen"))]

    def __str__(self) -> str:
        return self.name

    def is_member(self, user: Any) -> bool:
        if user is None or not user.is_authenticated:
            return False
        if user.is_superuser:
            return True
        return self.members.filter(user=user).exists()

    def is_lead(self, user: Any) -> bool:
        if user is None or not user.is_authenticated:
            return False
        if user.is_superuser:
            return True
        return self.members.filter(user=user, role=MemberRole.LEAD).exists()


class ProjectMember(models.Model):
    project = models.ForeignKey(
        ResearchProject,
        verbose_name=_("project"),
        on_delete=models.CASCADE,
        related_name="members",
        help_text=_("Het project waar deze persoon aan meewerkt."),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        on_delete=models.CASCADE,
        related_name="research_memberships",
        help_text=_("Het account van het lid."),
    )
    role = models.CharField(
        _("rol"),
        max_length=12,
        choices=MemberRole.choices,
        default=MemberRole.INTERVIEWER,
        help_text=_("Een projectleider beheert de leden."),
    )

    class Meta:
        verbose_name = _("projectlid")
        verbose_name_plural = _("projectleden")
        constraints = [
            models.UniqueConstraint(fields=["project", "user"], name="research_member_once")
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()})"
