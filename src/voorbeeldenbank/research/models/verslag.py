"""The written record of an interview (gespreksverslag) and its numbered versions.

A version holds the original text as written or uploaded and, once reviewed, the de-identified
text that analysis may use. The interviewee approves a version in the member check; from then on
that version is frozen and a correction means a new version. Codings point at a version's
de-identified text by character offsets, so that text never changes after release.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..constants import LogAction
from .log import record


class FrozenVersionError(ValidationError):
    pass


class Verslag(models.Model):
    """One gespreksverslag per interview; its text lives in its versions."""

    interview = models.OneToOneField(
        "research.Interview",
        verbose_name=gettext_lazy("interview"),
        on_delete=models.CASCADE,
        related_name="verslag",
        help_text=gettext_lazy("Het gesprek waar dit verslag over gaat."),
    )
    created = models.DateTimeField(gettext_lazy("aangemaakt"), default=timezone.now)

    class Meta:
        verbose_name = gettext_lazy("gespreksverslag")
        verbose_name_plural = gettext_lazy("gespreksverslagen")
        ordering = ["-created", "pk"]

    def __str__(self) -> str:
        return _("Verslag van %(interview)s") % {"interview": self.interview}

    @property
    def project(self) -> Any:
        return self.interview.project

    def latest_version(self) -> VerslagVersion | None:
        return self.versions.order_by("-number").first()

    def approved_version(self) -> VerslagVersion | None:
        """The newest version the interviewee approved, if any."""
        return self.versions.filter(approved_at__isnull=False).order_by("-number").first()

    @transaction.atomic
    def add_version(self, text: str, actor: Any, source: str = "") -> VerslagVersion:
        """A new version with the next number; earlier versions stay as they are."""
        locked = Verslag.objects.select_for_update().get(pk=self.pk)
        last = locked.versions.order_by("-number").values_list("number", flat=True).first()
        version = VerslagVersion.objects.create(
            verslag=locked,
            number=(last or 0) + 1,
            original_text=text,
            source=source,
            created_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        record(
            self.project,
            actor,
            LogAction.CREATED,
            version,
            verslag=self.pk,
            number=version.number,
            characters=len(text),
        )
        return version


class VerslagSource(models.TextChoices):
    WRITTEN = "geschreven", gettext_lazy("Geschreven in het platform")
    DOCX = "docx", gettext_lazy("Word-bestand")
    TXT = "txt", gettext_lazy("Tekstbestand")


class AnonymisationStatus(models.TextChoices):
    NONE = "", gettext_lazy("Nog niet gestart")
    QUEUED = "wachtrij", gettext_lazy("In de wachtrij")
    RUNNING = "bezig", gettext_lazy("Bezig")
    READY = "klaar", gettext_lazy("Klaar voor controle")
    FAILED = "mislukt", gettext_lazy("Mislukt")


class VersionQuerySet(models.QuerySet["VerslagVersion"]):
    def codable(self) -> VersionQuerySet:
        """Versions whose de-identified text is released and that the interviewee approved."""
        return self.filter(released_at__isnull=False, approved_at__isnull=False)


class VerslagVersion(models.Model):
    """One numbered text of a verslag. Frozen once approved; released text is never edited."""

    verslag = models.ForeignKey(
        Verslag,
        verbose_name=gettext_lazy("verslag"),
        on_delete=models.CASCADE,
        related_name="versions",
        help_text=gettext_lazy("Het verslag waar deze versie bij hoort."),
    )
    number = models.PositiveIntegerField(gettext_lazy("versie"))
    source = models.CharField(
        gettext_lazy("bron"),
        max_length=12,
        choices=VerslagSource.choices,
        default=VerslagSource.WRITTEN,
        blank=True,
    )
    original_text = models.TextField(
        gettext_lazy("oorspronkelijke tekst"),
        blank=True,
        help_text=gettext_lazy(
            "De tekst zoals geschreven, met namen. Gaat weg na de ledencheck en de bewaartermijn."
        ),
    )
    original_deleted_at = models.DateTimeField(
        gettext_lazy("oorspronkelijke tekst verwijderd op"), null=True, blank=True
    )
    anonymised_text = models.TextField(
        gettext_lazy("geanonimiseerde tekst"),
        blank=True,
        help_text=gettext_lazy("De tekst na de controle van de anonimisering."),
    )
    anonymisation_status = models.CharField(
        gettext_lazy("anonimisering"),
        max_length=10,
        choices=AnonymisationStatus.choices,
        default=AnonymisationStatus.NONE,
        blank=True,
    )
    anonymisation_changed_at = models.DateTimeField(
        gettext_lazy("anonimisering gewijzigd op"),
        null=True,
        blank=True,
        help_text=gettext_lazy(
            "Wanneer de anonimisering in de wachtrij kwam of begon; wie te lang wacht, is mislukt."
        ),
    )
    proposed_spans = models.JSONField(
        gettext_lazy("voorgestelde vervangingen"),
        default=list,
        blank=True,
        help_text=gettext_lazy(
            "De delen die de anonimisering voorstelt te vervangen, met het besluit van de "
            "controleur. Bevat de oorspronkelijke woorden: gaat weg met de oorspronkelijke tekst."
        ),
    )
    released_at = models.DateTimeField(
        gettext_lazy("vrijgegeven voor analyse op"), null=True, blank=True
    )
    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=gettext_lazy("vrijgegeven door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    approved_at = models.DateTimeField(
        gettext_lazy("goedgekeurd door geïnterviewde op"), null=True, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=gettext_lazy("gemaakt door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created = models.DateTimeField(gettext_lazy("aangemaakt"), default=timezone.now)

    objects = VersionQuerySet.as_manager()

    class Meta:
        verbose_name = gettext_lazy("versie van een verslag")
        verbose_name_plural = gettext_lazy("versies van verslagen")
        ordering = ["verslag", "number"]
        constraints = [
            models.UniqueConstraint(fields=["verslag", "number"], name="research_version_once")
        ]

    def __str__(self) -> str:
        return _("%(verslag)s, versie %(number)s") % {
            "verslag": self.verslag,
            "number": self.number,
        }

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            stored = (
                VerslagVersion.objects.filter(pk=self.pk)
                .values("original_text", "anonymised_text", "approved_at", "released_at")
                .first()
            )
            if stored is not None:
                self._refuse_frozen_changes(stored)
        super().save(*args, **kwargs)

    def _refuse_frozen_changes(self, stored: Mapping[str, Any]) -> None:
        if stored["released_at"] is not None and self.anonymised_text != stored["anonymised_text"]:
            raise FrozenVersionError(
                _("De vrijgegeven tekst verandert niet meer: maak een nieuwe versie.")
            )
        # Only the retention rule may empty the original of an approved version.
        if (
            stored["approved_at"] is not None
            and self.original_text != stored["original_text"]
            and self.original_text != ""
        ):
            raise FrozenVersionError(
                _("Een goedgekeurde versie verandert niet meer: maak een nieuwe versie.")
            )

    @property
    def is_frozen(self) -> bool:
        return self.approved_at is not None

    @property
    def is_released(self) -> bool:
        return self.released_at is not None
