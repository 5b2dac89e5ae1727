from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..constants import BuildStatus


class EditionBuild(models.Model):
    """One run of building an edition, with its progress; the editor follows it in the admin."""

    status = models.CharField(
        _("status"),
        max_length=12,
        choices=BuildStatus.choices,
        default=BuildStatus.QUEUED,
        help_text="",
    )
    # Set while the build is queued or running, cleared when it ends; unique, so the database
    # itself refuses a second active build (NULLs never collide).
    active = models.BooleanField(_("actief"), null=True, default=True, unique=True, help_text="")
    dry_run = models.BooleanField(
        _("proefdruk"), default=False, help_text=_("Bouwen zonder een editie op te slaan.")
    )
    steps_done = models.PositiveSmallIntegerField(_("stappen klaar"), default=0, help_text="")
    steps_total = models.PositiveSmallIntegerField(_("stappen totaal"), default=0, help_text="")
    step_label = models.CharField(_("huidige stap"), max_length=200, blank=True, help_text="")
    # The PDF step lays out the edition in parts; its progress is shown within the step.
    parts_done = models.PositiveSmallIntegerField(
        _("delen klaar"), default=0, help_text=_("Delen van de PDF die al zijn opgemaakt.")
    )
    parts_total = models.PositiveSmallIntegerField(
        _("delen totaal"), default=0, help_text=_("Aantal delen waarin de PDF wordt opgemaakt.")
    )
    heartbeat_at = models.DateTimeField(
        _("laatste teken van leven"),
        null=True,
        blank=True,
        help_text=_("Wanneer de bouw voor het laatst voortgang meldde."),
    )
    error = models.TextField(_("foutmelding"), blank=True, help_text="")
    release_note = models.TextField(
        _("toelichting bij de editie"),
        blank=True,
        help_text=_("Gaat mee naar de editie die deze bouw maakt."),
    )
    edition = models.OneToOneField(
        "publication.Edition",
        verbose_name=_("editie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="build",
        help_text="",
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gestart door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="",
    )
    created_at = models.DateTimeField(_("gestart op"), auto_now_add=True, help_text="")
    finished_at = models.DateTimeField(_("klaar op"), null=True, blank=True, help_text="")

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("bouw van een editie")
        verbose_name_plural = _("bouw van edities")

    def __str__(self) -> str:
        return f"{self.get_status_display()} ({self.steps_done}/{self.steps_total})"

    @property
    def percent(self) -> int:
        if not self.steps_total:
            return 0
        within = self.parts_done / self.parts_total if self.parts_total else 0
        return min(100, round(100 * (self.steps_done + within) / self.steps_total))

    @property
    def step_detail(self) -> str:
        """The current step, with the part of the PDF when it is being made."""
        if self.step_label and self.parts_total:
            return _("%(step)s (deel %(done)s van %(total)s)") % {
                "step": self.step_label,
                "done": min(self.parts_done + 1, self.parts_total),
                "total": self.parts_total,
            }
        return self.step_label
