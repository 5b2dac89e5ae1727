"""The member check: the interviewee reads a version of the verslag and approves or comments."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class MemberCheckStatus(models.TextChoices):
    OPEN = "open", gettext_lazy("Wacht op de geïnterviewde")
    APPROVED = "goedgekeurd", gettext_lazy("Goedgekeurd")
    COMMENTED = "opmerkingen", gettext_lazy("Opmerkingen gegeven")
    CANCELLED = "ingetrokken", gettext_lazy("Ingetrokken")


class MemberCheckRound(models.Model):
    """One round of the member check, numbered per verslag, for one version."""

    verslag = models.ForeignKey(
        "research.Verslag",
        verbose_name=gettext_lazy("verslag"),
        on_delete=models.CASCADE,
        related_name="member_checks",
    )
    version = models.ForeignKey(
        "research.VerslagVersion",
        verbose_name=gettext_lazy("versie"),
        on_delete=models.CASCADE,
        related_name="member_checks",
        help_text=gettext_lazy("De versie die de geïnterviewde te lezen kreeg."),
    )
    number = models.PositiveIntegerField(gettext_lazy("ronde"))
    status = models.CharField(
        gettext_lazy("status"),
        max_length=12,
        choices=MemberCheckStatus.choices,
        default=MemberCheckStatus.OPEN,
    )
    sent_at = models.DateTimeField(gettext_lazy("verstuurd op"), default=timezone.now)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=gettext_lazy("verstuurd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    expires_at = models.DateTimeField(gettext_lazy("link geldig tot"))
    comment = models.TextField(
        gettext_lazy("opmerkingen van de geïnterviewde"),
        blank=True,
        help_text=gettext_lazy("Wat de geïnterviewde wil laten aanpassen."),
    )
    responded_at = models.DateTimeField(gettext_lazy("beantwoord op"), null=True, blank=True)

    class Meta:
        verbose_name = gettext_lazy("ronde van de ledencheck")
        verbose_name_plural = gettext_lazy("rondes van de ledencheck")
        ordering = ["verslag", "number"]
        constraints = [
            models.UniqueConstraint(fields=["verslag", "number"], name="research_check_round_once")
        ]

    def __str__(self) -> str:
        return _("Ledencheck ronde %(number)s van %(verslag)s") % {
            "number": self.number,
            "verslag": self.verslag,
        }

    @property
    def is_open(self) -> bool:
        return self.status == MemberCheckStatus.OPEN and self.expires_at > timezone.now()
