from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Edition(models.Model):
    """A published edition of the report: an immutable record with its files."""

    number = models.PositiveIntegerField(
        _("editienummer"), unique=True, help_text=_("Volgnummer van de editie, vanaf 1.")
    )
    published_on = models.DateField(_("datum"), help_text=_("Datum van de editie."))
    pdf = models.FileField(
        _("PDF"), upload_to="editions/", help_text=_("Het rapport als PDF (PDF/UA).")
    )
    html = models.FileField(
        _("webversie"), upload_to="editions/", help_text=_("Het rapport als één HTML-pagina.")
    )
    pdf_size = models.PositiveBigIntegerField(_("grootte (bytes)"), help_text=_("Van de PDF."))
    page_count = models.PositiveIntegerField(_("aantal pagina's"), help_text=_("Van de PDF."))
    checksum = models.CharField(
        _("controlegetal (SHA-256)"), max_length=64, help_text=_("SHA-256 van de PDF.")
    )
    example_count = models.PositiveIntegerField(
        _("aantal voorbeelden"), help_text=_("Aantal voorbeelden in deze editie.")
    )
    manifest = models.JSONField(
        _("inhoudsopgave per voorbeeld"),
        help_text=_("Per voorbeeld een vingerafdruk per onderdeel, om edities te vergelijken."),
    )
    changes = models.JSONField(
        _("wijzigingen"),
        help_text=_("Toegevoegde, gewijzigde (met onderdelen) en verwijderde voorbeelden."),
    )
    release_note = models.TextField(
        _("toelichting bij de editie"),
        blank=True,
        help_text=_("Wat de redactie over deze editie zegt; staat op /edities/ en in de PDF."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gemaakt door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Redacteur die de editie liet bouwen."),
    )
    created_at = models.DateTimeField(_("gemaakt op"), auto_now_add=True, help_text="")

    class Meta:
        ordering = ["-number"]
        verbose_name = _("editie")
        verbose_name_plural = _("edities")

    def __str__(self) -> str:
        return _("Editie %(number)s (%(date)s)") % {
            "number": self.number,
            "date": self.published_on.isoformat(),
        }

    def save(self, *args, **kwargs) -> None:
        # An edition is a record of what was published: it is written once and never changed.
        if self.pk is not None and not self._state.adding:
            raise ValidationError(_("Een editie kan niet meer worden gewijzigd."))
        super().save(*args, **kwargs)
