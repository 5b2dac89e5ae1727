from django.db import models
from django.utils.translation import gettext_lazy as _

from ..constants import BuildStatus


class ExamplePdf(models.Model):
    """The PDF of one example at one published revision, made once by the worker."""

    page = models.ForeignKey(
        "examples.ExamplePage",
        verbose_name=_("voorbeeld"),
        on_delete=models.CASCADE,
        related_name="pdfs",
        help_text="",
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("versie"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("De gepubliceerde versie van het voorbeeld die in deze PDF staat."),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=BuildStatus.choices,
        default=BuildStatus.QUEUED,
        help_text="",
    )
    progress = models.PositiveSmallIntegerField(
        _("voortgang in procenten"), default=0, help_text=_("Hoe ver het maken van de PDF is.")
    )
    file = models.FileField(
        _("bestand"),
        upload_to="example-pdfs/",
        max_length=255,
        blank=True,
        help_text=_("De PDF zelf."),
    )
    size = models.PositiveIntegerField(_("grootte (bytes)"), default=0, help_text="")
    error = models.TextField(_("foutmelding"), blank=True, help_text="")
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True, help_text="")
    # Touched on every change of state or progress: a build that stops changing was cut off.
    updated_at = models.DateTimeField(_("bijgewerkt op"), auto_now=True, help_text="")

    class Meta:
        verbose_name = _("PDF van een voorbeeld")
        verbose_name_plural = _("PDF's van voorbeelden")
        constraints = [
            models.UniqueConstraint(fields=["page", "revision"], name="one_pdf_per_revision")
        ]

    def __str__(self) -> str:
        return f"{self.page_id} @ {self.revision_id}: {self.get_status_display()}"
