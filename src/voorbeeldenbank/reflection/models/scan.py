"""The scan itself: statements and discussion questions per element, edited by the redactie."""

from typing import Any

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import RevisionMixin

from voorbeeldenbank.core.models import Element
from voorbeeldenbank.core.models.vision import localised


class BilingualText(models.Model):
    element = models.ForeignKey(
        Element,
        verbose_name=_("element"),
        on_delete=models.CASCADE,
        help_text=_("Het element van de visie waar dit bij hoort."),
    )
    text_nl = models.CharField(
        _("tekst"), max_length=300, help_text=_("In eenvoudige taal (B1), kort en concreet.")
    )
    text_en = models.CharField(
        _("tekst (Engels)"),
        max_length=300,
        blank=True,
        help_text=_("Dezelfde tekst in het Engels."),
    )
    order = models.PositiveSmallIntegerField(
        _("volgorde"), default=0, help_text=_("Plaats binnen het element.")
    )

    panels = [
        FieldPanel("element"),
        FieldPanel("text_nl"),
        FieldPanel("text_en"),
        FieldPanel("order"),
    ]

    class Meta:
        abstract = True
        ordering = ["element__sort_order", "order", "pk"]

    def __str__(self) -> str:
        return self.text_nl

    @property
    def text(self) -> str:
        return localised(self.text_nl, self.text_en)


class Statement(RevisionMixin, BilingualText):
    """One observable statement of the scan. Its version rises with every change of its text,
    and each answer records the version it was given to."""

    version = models.PositiveIntegerField(
        _("versie"),
        default=1,
        editable=False,
        help_text=_("Gaat omhoog bij elke wijziging van de tekst."),
    )
    active = models.BooleanField(
        _("in de scan"),
        default=True,
        help_text=_("Uit: de stelling staat niet meer in nieuwe scans; oude antwoorden blijven."),
    )

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="reflection_statement")

    panels = [*BilingualText.panels, FieldPanel("active")]

    class Meta(BilingualText.Meta):
        verbose_name = _("stelling")
        verbose_name_plural = _("stellingen")

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk:
            before = Statement.objects.filter(pk=self.pk).values("text_nl", "text_en").first()
            if before and (before["text_nl"], before["text_en"]) != (self.text_nl, self.text_en):
                self.version += 1
        super().save(*args, **kwargs)


class DiscussionQuestion(BilingualText):
    """A question for the team's conversation about one element's result."""

    class Meta(BilingualText.Meta):
        verbose_name = _("gespreksvraag")
        verbose_name_plural = _("gespreksvragen")
