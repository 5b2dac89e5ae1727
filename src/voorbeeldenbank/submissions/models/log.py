"""What happened to a submission: transitions, side notes and approval rounds."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..constants import Actor, Decision, State


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


class ApprovalRound(models.Model):
    """One request to the contact person to approve the draft page, via a signed link."""

    submission = models.ForeignKey(
        "submissions.Submission",
        verbose_name=_("inzending"),
        on_delete=models.CASCADE,
        related_name="approval_rounds",
        help_text=_("De inzending die ter goedkeuring ligt."),
    )
    name = models.CharField(
        _("naam contactpersoon"),
        max_length=200,
        blank=True,
        help_text=_("Naam van de contactpersoon."),
    )
    email = models.EmailField(
        _("e-mailadres contactpersoon"), help_text=_("Hierheen gaat de link om goed te keuren.")
    )
    revision_id = models.PositiveIntegerField(
        _("revisie"),
        null=True,
        blank=True,
        help_text=_("De revisie van de voorbeeldpagina die de contactpersoon te zien kreeg."),
    )
    issued = models.DateTimeField(
        _("verstuurd"), default=timezone.now, help_text=_("Wanneer de link verstuurd is.")
    )
    expires = models.DateTimeField(
        _("geldig tot"), help_text=_("Na dit moment werkt de link niet meer.")
    )
    used = models.DateTimeField(
        _("gebruikt op"),
        null=True,
        blank=True,
        help_text=_("Wanneer de contactpersoon besliste of de ronde ingetrokken werd."),
    )
    revoked = models.BooleanField(
        _("ingetrokken"), default=False, help_text=_("Door de redactie ingetrokken ronde.")
    )
    decision = models.CharField(
        _("besluit"),
        max_length=12,
        choices=Decision.choices,
        default=Decision.PENDING,
        help_text=_("Akkoord, of wat er anders moet."),
    )
    comment = models.TextField(
        _("opmerking"), blank=True, help_text=_("Wat de contactpersoon anders wil.")
    )

    class Meta:
        verbose_name = _("goedkeuringsronde")
        verbose_name_plural = _("goedkeuringsrondes")
        ordering = ["issued", "pk"]

    def __str__(self) -> str:
        return f"{self.email} ({self.issued:%Y-%m-%d})"

    @property
    def is_open(self) -> bool:
        return not self.revoked and self.used is None and self.expires > timezone.now()
