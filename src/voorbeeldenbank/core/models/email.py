from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..constants import EmailStatus


class OutgoingEmail(models.Model):
    """An e-mail the site sends, written in the same transaction as the change it reports.

    A worker delivers it afterwards, with retries, so a mail server that is down never breaks a
    request or loses a message. The body is cleared once it is delivered: it can hold a private
    link, which must not stay in the database longer than needed.
    """

    kind = models.CharField(
        _("soort"), max_length=40, help_text=_("Welk bericht dit is, bijvoorbeeld 'link'.")
    )
    recipients = models.JSONField(_("aan"), default=list, help_text=_("E-mailadressen."))
    subject = models.CharField(
        _("onderwerpregel"), max_length=255, help_text=_("Het onderwerp van de e-mail.")
    )
    body = models.TextField(
        _("tekst"), blank=True, help_text=_("Wordt gewist zodra het bericht is afgeleverd.")
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=EmailStatus.choices,
        default=EmailStatus.QUEUED,
        db_index=True,
        help_text=_("Of het bericht is afgeleverd."),
    )
    attempts = models.PositiveSmallIntegerField(
        _("pogingen"), default=0, help_text=_("Hoe vaak het versturen is geprobeerd.")
    )
    last_error = models.CharField(
        _("laatste fout"),
        max_length=500,
        blank=True,
        help_text=_("Wat de mailserver antwoordde bij de laatste mislukte poging."),
    )
    next_attempt_at = models.DateTimeField(
        _("volgende poging"),
        default=timezone.now,
        help_text=_("Wanneer het versturen (opnieuw) aan de beurt is."),
    )
    created_at = models.DateTimeField(_("aangemaakt"), default=timezone.now, help_text="")
    sent_at = models.DateTimeField(_("verstuurd op"), null=True, blank=True, help_text="")
    content_type = models.ForeignKey(
        ContentType,
        verbose_name=_("over soort"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Waar het bericht over gaat, bijvoorbeeld een inzending."),
    )
    object_id = models.PositiveBigIntegerField(_("over"), null=True, blank=True, help_text="")
    about = GenericForeignKey("content_type", "object_id")

    class Meta:
        verbose_name = _("uitgaande e-mail")
        verbose_name_plural = _("uitgaande e-mails")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="email_about")]

    def __str__(self) -> str:
        return self.subject

    @property
    def is_undelivered(self) -> bool:
        return self.status == EmailStatus.FAILED
