"""Coding of released, approved verslagen: a project's codebook, coded segments and their log."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy

from .log import AppendOnlyError


class CodeKind(models.TextChoices):
    ELEMENT = "element", gettext_lazy("Element van de visie")
    SECTION = "onderdeel", gettext_lazy("Onderdeel van het format")
    THEME = "thema", gettext_lazy("Verbeterthema")
    FREE = "vrij", gettext_lazy("Vrije code")


class Code(models.Model):
    """One code of a project's codebook.

    The 8 elements, the format's sections "wat werkt" and "wat kan er nog beter" and the
    improvement themes come from the bank; free codes are the project's own. The key is stable
    (``element:twijfels_normaal``, ``onderdeel:wat_werkt``, ``thema:<key>``, ``vrij:<slug>``) and
    is what exports use as the code's identity.
    """

    project = models.ForeignKey(
        "research.ResearchProject",
        verbose_name=gettext_lazy("project"),
        on_delete=models.CASCADE,
        related_name="codes",
    )
    kind = models.CharField(gettext_lazy("soort"), max_length=12, choices=CodeKind.choices)
    key = models.CharField(gettext_lazy("sleutel"), max_length=80)
    name = models.CharField(gettext_lazy("naam"), max_length=120)
    description = models.TextField(gettext_lazy("omschrijving"), blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=gettext_lazy("valt onder"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        help_text=gettext_lazy("Een verbeterthema valt onder 'wat kan er nog beter'."),
    )
    sort_order = models.PositiveIntegerField(gettext_lazy("volgorde"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=gettext_lazy("gemaakt door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created = models.DateTimeField(gettext_lazy("aangemaakt"), default=timezone.now)

    class Meta:
        verbose_name = gettext_lazy("code")
        verbose_name_plural = gettext_lazy("codes")
        ordering = ["project", "sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["project", "key"], name="research_code_key_once")
        ]

    def __str__(self) -> str:
        return self.name


class Segment(models.Model):
    """A passage of a version's de-identified text, coded by one coder.

    Offsets index ``VerslagVersion.anonymised_text``, which never changes after release; the
    snippet is a copy, so a segment reads on its own. A removed segment keeps its row
    (``removed_at``) so that the coding log can always point at it.
    """

    version = models.ForeignKey(
        "research.VerslagVersion",
        verbose_name=gettext_lazy("versie"),
        on_delete=models.CASCADE,
        related_name="segments",
    )
    code = models.ForeignKey(
        Code,
        verbose_name=gettext_lazy("code"),
        on_delete=models.PROTECT,
        related_name="segments",
    )
    coder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=gettext_lazy("codeur"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    start = models.PositiveIntegerField(gettext_lazy("begin"))
    end = models.PositiveIntegerField(gettext_lazy("eind"))
    snippet = models.TextField(gettext_lazy("fragment"))
    is_quote = models.BooleanField(
        gettext_lazy("citaat"),
        default=False,
        help_text=gettext_lazy("Aangevinkt: dit fragment kan als citaat dienen."),
    )
    memo = models.TextField(gettext_lazy("notitie"), blank=True)
    created = models.DateTimeField(gettext_lazy("aangemaakt"), default=timezone.now)
    removed_at = models.DateTimeField(gettext_lazy("verwijderd op"), null=True, blank=True)

    class Meta:
        verbose_name = gettext_lazy("gecodeerd fragment")
        verbose_name_plural = gettext_lazy("gecodeerde fragmenten")
        ordering = ["version", "start", "end", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")), name="research_segment_not_empty"
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} [{self.start}:{self.end}]"


class CodingAction(models.TextChoices):
    ADDED = "toegevoegd", gettext_lazy("Toegevoegd")
    CHANGED = "gewijzigd", gettext_lazy("Gewijzigd")
    REMOVED = "verwijderd", gettext_lazy("Verwijderd")


class CodingLog(models.Model):
    """Who changed which coding, when: one row per change, never changed or deleted."""

    project = models.ForeignKey(
        "research.ResearchProject",
        verbose_name=gettext_lazy("project"),
        on_delete=models.CASCADE,
        related_name="coding_log",
    )
    segment = models.ForeignKey(
        Segment,
        verbose_name=gettext_lazy("fragment"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="log",
    )
    version = models.ForeignKey(
        "research.VerslagVersion",
        verbose_name=gettext_lazy("versie"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=gettext_lazy("door"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    action = models.CharField(
        gettext_lazy("handeling"), max_length=12, choices=CodingAction.choices
    )
    code_key = models.CharField(gettext_lazy("code"), max_length=80)
    start = models.PositiveIntegerField(gettext_lazy("begin"))
    end = models.PositiveIntegerField(gettext_lazy("eind"))
    detail = models.JSONField(gettext_lazy("details"), default=dict, blank=True)
    at = models.DateTimeField(gettext_lazy("tijdstip"), default=timezone.now)

    class Meta:
        verbose_name = gettext_lazy("regel van het codeerlog")
        verbose_name_plural = gettext_lazy("codeerlog")
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.code_key} [{self.start}:{self.end}]"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AppendOnlyError("Coding log rows are never changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise AppendOnlyError("Coding log rows are never deleted.")
