"""Sessions and their anonymous answers.

Nothing here identifies who answered: no account, no address, no browser, and dates to the
day only (a time of day could be matched against a room's agenda).
"""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from voorbeeldenbank.core.models import Element

from ..constants import NOTE_MAX_LENGTH, OrganisationKind
from .scan import Statement


class ReflectionSession(models.Model):
    code = models.CharField(
        _("code"), max_length=12, unique=True, help_text=_("Korte code voor de link van de sessie.")
    )
    title = models.CharField(
        _("titel"), max_length=120, blank=True, help_text=_("Bijvoorbeeld de naam van het team.")
    )
    solo = models.BooleanField(
        _("alleen"), default=False, help_text=_("Eén persoon vult de scan in voor zichzelf.")
    )
    tag_organisations = models.BooleanField(
        _("soort organisatie vragen"),
        default=False,
        help_text=_("Deelnemers kunnen aangeven uit wat voor organisatie ze komen."),
    )
    in_overview = models.BooleanField(
        _("meetellen in het overzicht"),
        default=False,
        help_text=_("De antwoorden tellen anoniem mee in het overzicht van alle sessies."),
    )
    created_on = models.DateField(_("geopend op"), default=timezone.localdate, help_text=_("Dag."))
    closes_on = models.DateField(
        _("sluit op"), help_text=_("Na deze dag kan niemand meer antwoorden.")
    )
    closed_on = models.DateField(
        _("gesloten op"), null=True, blank=True, help_text=_("Dag waarop de leiding sloot.")
    )

    class Meta:
        verbose_name = _("reflectiesessie")
        verbose_name_plural = _("reflectiesessies")

    def __str__(self) -> str:
        return self.title or self.code

    @property
    def is_closed(self) -> bool:
        return self.closed_on is not None or timezone.localdate() > self.closes_on

    @property
    def deleted_after(self) -> datetime.date:
        return self.created_on + datetime.timedelta(days=settings.REFLECTION_KEEP_DAYS)

    @property
    def is_expired(self) -> bool:
        return timezone.localdate() > self.deleted_after


class Response(models.Model):
    """One member's filled-in scan."""

    session = models.ForeignKey(
        ReflectionSession,
        verbose_name=_("sessie"),
        on_delete=models.CASCADE,
        related_name="responses",
        help_text=_("De sessie waarin is geantwoord."),
    )
    organisation_kind = models.CharField(
        _("soort organisatie"),
        max_length=20,
        blank=True,
        choices=OrganisationKind.choices,
        help_text=_("Alleen als de sessie daarom vraagt, en alleen als de deelnemer wil."),
    )
    answered_on = models.DateField(
        _("dag"), default=timezone.localdate, help_text=_("Alleen de dag, geen tijd.")
    )

    class Meta:
        verbose_name = _("ingevulde scan")
        verbose_name_plural = _("ingevulde scans")

    def __str__(self) -> str:
        return f"{self.session} #{self.pk}"


class Answer(models.Model):
    response = models.ForeignKey(
        Response,
        verbose_name=_("ingevulde scan"),
        on_delete=models.CASCADE,
        related_name="answers",
        help_text=_("De scan waar dit antwoord bij hoort."),
    )
    statement = models.ForeignKey(
        Statement,
        verbose_name=_("stelling"),
        on_delete=models.PROTECT,
        related_name="answers",
        help_text=_("De stelling waarop is geantwoord."),
    )
    statement_version = models.PositiveIntegerField(
        _("versie van de stelling"), help_text=_("De versie die de deelnemer zag.")
    )
    value = models.PositiveSmallIntegerField(
        _("antwoord"), null=True, blank=True, help_text=_("1 tot 5; leeg betekent: weet niet.")
    )

    class Meta:
        verbose_name = _("antwoord")
        verbose_name_plural = _("antwoorden")
        constraints = [
            models.UniqueConstraint(
                fields=["response", "statement"], name="one_answer_per_statement"
            ),
            models.CheckConstraint(
                condition=models.Q(value__isnull=True) | models.Q(value__gte=1, value__lte=5),
                name="answer_on_the_scale",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.statement_id}: {self.value}"


class ElementNote(models.Model):
    response = models.ForeignKey(
        Response,
        verbose_name=_("ingevulde scan"),
        on_delete=models.CASCADE,
        related_name="notes",
        help_text=_("De scan waar deze notitie bij hoort."),
    )
    element = models.ForeignKey(
        Element,
        verbose_name=_("element"),
        on_delete=models.CASCADE,
        help_text=_("Het element waar de notitie over gaat."),
    )
    text = models.TextField(
        _("notitie"), max_length=NOTE_MAX_LENGTH, help_text=_("Wat de deelnemer wil delen.")
    )

    class Meta:
        verbose_name = _("notitie")
        verbose_name_plural = _("notities")

    def __str__(self) -> str:
        return self.text[:60]
