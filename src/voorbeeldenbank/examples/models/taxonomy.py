"""Controlled vocabularies used as catalogue facets."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from voorbeeldenbank.core.models import localised


class Term(models.Model):
    key = models.SlugField(
        _("sleutel"),
        max_length=60,
        unique=True,
        help_text=_("Vaste sleutel, gebruikt in filters, links en de API."),
    )
    title = models.CharField(_("naam"), max_length=120, help_text=_("Naam in het Nederlands."))
    title_en = models.CharField(
        _("naam (Engels)"), max_length=120, blank=True, help_text=_("Naam in het Engels.")
    )
    sort_order = models.PositiveSmallIntegerField(
        _("volgorde"), default=0, help_text=_("Plaats in lijsten en filters.")
    )

    panels = [
        FieldPanel("key"),
        FieldPanel("title"),
        FieldPanel("title_en"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        abstract = True
        ordering = ["sort_order", "title"]

    def __str__(self) -> str:
        return self.display_title

    @property
    def display_title(self) -> str:
        return localised(self.title, self.title_en)


class TargetGroup(Term):
    class Meta(Term.Meta):
        verbose_name = _("doelgroep")
        verbose_name_plural = _("doelgroepen")


class Topic(Term):
    class Meta(Term.Meta):
        verbose_name = _("onderwerp")
        verbose_name_plural = _("onderwerpen")


class Place(Term):
    class Meta(Term.Meta):
        verbose_name = _("plaats of regio")
        verbose_name_plural = _("plaatsen en regio's")


class ImprovementTheme(Term):
    """A cross-cutting theme of the 'wat kan er nog beter' points (e.g. bekendheid vergroten)."""

    class Meta(Term.Meta):
        verbose_name = _("verbeterthema")
        verbose_name_plural = _("verbeterthema's")
