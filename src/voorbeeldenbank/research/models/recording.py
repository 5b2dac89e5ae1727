"""Audio or video of an interview, kept in private storage and deleted by the retention rule."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..storage import private_storage


class Recording(models.Model):
    """One recording of an interview. The file goes; the row stays as the deletion log."""

    interview = models.ForeignKey(
        "research.Interview",
        verbose_name=gettext_lazy("interview"),
        on_delete=models.CASCADE,
        related_name="recordings",
        help_text=gettext_lazy("Het gesprek dat is opgenomen."),
    )
    file = models.FileField(
        gettext_lazy("bestand"),
        storage=private_storage,
        upload_to="recordings/%Y/",
        blank=True,
        max_length=255,
        help_text=gettext_lazy("Geluid of beeld van het gesprek (niet openbaar)."),
    )
    original_name = models.CharField(
        gettext_lazy("oorspronkelijke bestandsnaam"), max_length=255, blank=True
    )
    size_bytes = models.PositiveBigIntegerField(gettext_lazy("grootte (bytes)"), default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=gettext_lazy("geüpload door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(gettext_lazy("geüpload op"), default=timezone.now)
    deleted_at = models.DateTimeField(gettext_lazy("verwijderd op"), null=True, blank=True)
    deletion_rule = models.CharField(
        gettext_lazy("verwijderd volgens"),
        max_length=60,
        blank=True,
        help_text=gettext_lazy("De regel die het bestand verwijderde, of 'handmatig'."),
    )

    class Meta:
        verbose_name = gettext_lazy("opname")
        verbose_name_plural = gettext_lazy("opnames")
        ordering = ["interview", "uploaded_at", "pk"]

    def __str__(self) -> str:
        return _("Opname %(number)s van %(interview)s") % {
            "number": self.pk,
            "interview": self.interview,
        }

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def project(self) -> Any:
        return self.interview.project

    def remove_file(self, rule: str) -> None:
        """Delete the file from storage; the row stays with when and by which rule.

        The uploaded file name goes too: it often names the interviewee. The row is saved
        before the file goes, so a storage error rolls the row back with the caller's
        transaction instead of leaving a row that points at a missing file.
        """
        name = self.file.name
        self.file.name = ""
        self.original_name = ""
        self.deleted_at = timezone.now()
        self.deletion_rule = rule
        self.save(update_fields=["file", "original_name", "deleted_at", "deletion_rule"])
        if name:
            self.file.storage.delete(name)
