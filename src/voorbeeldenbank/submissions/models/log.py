"""What happened to a submission: transitions and side notes (approval rounds: approval.py)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..constants import Actor, State


class Transition(models.Model):
    submission = models.ForeignKey(
        "submissions.Submission",
        verbose_name=_("inzending"),
        on_delete=models.CASCADE,
        related_name="transitions",
        help_text=_("De inzending waarvan de status veranderde."),
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Het account dat de stap zette; leeg voor indiener, contactpersoon en systeem."
        ),
    )
    actor_kind = models.CharField(
        _("wie"), max_length=16, choices=Actor.choices, help_text=_("Rol van wie de stap zette.")
    )
    from_state = models.CharField(
        _("van"), max_length=24, choices=State.choices, help_text=_("Status vóór de stap.")
    )
    to_state = models.CharField(
        _("naar"), max_length=24, choices=State.choices, help_text=_("Status na de stap.")
    )
    note = models.TextField(
        _("toelichting"),
        blank=True,
        help_text=_("Toelichting bij de stap, bijvoorbeeld een reden."),
    )
    created = models.DateTimeField(
        _("moment"), default=timezone.now, help_text=_("Wanneer de stap gezet is.")
    )

    class Meta:
        verbose_name = _("statuswijziging")
        verbose_name_plural = _("statuswijzigingen")
        ordering = ["created", "pk"]

    def __str__(self) -> str:
        return f"{self.from_state} → {self.to_state}"


class EditorNote(models.Model):
    """An internal note of the redactie beside a submission; never shown to the submitter."""

    submission = models.ForeignKey(
        "submissions.Submission",
        verbose_name=_("inzending"),
        on_delete=models.CASCADE,
        related_name="editor_notes",
        help_text=_("De inzending waar de notitie bij hoort."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("auteur"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Wie de notitie schreef."),
    )
    text = models.TextField(_("notitie"), help_text=_("Alleen zichtbaar voor de redactie."))
    created = models.DateTimeField(
        _("moment"), default=timezone.now, help_text=_("Wanneer de notitie geschreven is.")
    )

    class Meta:
        verbose_name = _("notitie bij inzending")
        verbose_name_plural = _("notities bij inzendingen")
        ordering = ["created", "pk"]

    def __str__(self) -> str:
        return self.text[:60]
