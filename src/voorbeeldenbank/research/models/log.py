from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..constants import LogAction


class AppendOnlyError(Exception):
    pass


class ResearchLog(models.Model):
    """What happened to a project's material, by whom and when. Rows are never changed.

    The detail holds ids, states and counts, never names or addresses: the log outlives the
    contact details it reports on.
    """

    project = models.ForeignKey(
        "research.ResearchProject",
        verbose_name=_("project"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="log",
        help_text=_("Het onderzoeksproject waar het over gaat."),
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Wie het deed; leeg bij een automatische stap."),
    )
    action = models.CharField(
        _("handeling"), max_length=20, choices=LogAction.choices, help_text=_("Wat er gebeurde.")
    )
    object_type = models.CharField(
        _("soort object"), max_length=40, help_text=_("Het soort gegeven, bijvoorbeeld kandidaat.")
    )
    object_id = models.PositiveBigIntegerField(
        _("object-id"), null=True, help_text=_("Het nummer van het gegeven.")
    )
    detail = models.JSONField(
        _("details"), default=dict, blank=True, help_text=_("Nummers, statussen en aantallen.")
    )
    at = models.DateTimeField(_("tijdstip"), default=timezone.now, help_text=_("Wanneer."))

    class Meta:
        verbose_name = _("onderzoekslogregel")
        verbose_name_plural = _("onderzoekslog")
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.object_type} {self.object_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AppendOnlyError("Research log rows are never changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise AppendOnlyError("Research log rows are never deleted.")


def record(
    project: Any,
    actor: Any,
    action: str,
    obj: models.Model | None = None,
    object_type: str = "",
    object_id: int | None = None,
    **detail: Any,
) -> ResearchLog:
    user = actor if actor is not None and getattr(actor, "is_authenticated", False) else None
    return ResearchLog.objects.create(
        project=project,
        actor=user,
        action=action,
        object_type=object_type or (obj._meta.model_name or "" if obj is not None else ""),
        object_id=obj.pk if obj is not None else object_id,
        detail=detail,
        at=timezone.now(),
    )
