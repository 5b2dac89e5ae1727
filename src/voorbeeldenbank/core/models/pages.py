from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from .vision import Element, EnglishTextMixin


class HomePage(Page, EnglishTextMixin):
    intro = models.TextField(
        _("introductie"),
        blank=True,
        help_text=_("Korte tekst bovenaan de homepage: wat is deze voorbeeldenbank?"),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("title_en"),
        FieldPanel("intro_en"),
    ]
    max_count = 1
    subpage_types = [
        "examples.ExampleIndexPage",
        "core.TablePage",
        "core.InfoPage",
        "core.PrivacyPage",
        "core.AccessibilityStatementPage",
    ]

    class Meta:
        verbose_name = _("homepage")
        verbose_name_plural = _("homepages")

    def get_context(self, request, *args, **kwargs):
        # The examples' part of the page comes from the examples app's template tags.
        context = super().get_context(request, *args, **kwargs)
        context["elements"] = Element.objects.all()
        return context


class TablePage(Page, EnglishTextMixin):
    """A page for one of the report's overview tables (quadrant, element matrix, interviews)."""

    class Table(models.TextChoices):
        QUADRANT = "quadrant", _("Kwadrant")
        MATRIX = "matrix", _("Elementenmatrix")
        INTERVIEWS = "interviews", _("Interviews")

    table = models.CharField(
        _("tabel"),
        max_length=20,
        choices=Table.choices,
        unique=True,
        help_text=_("Welke overzichtstabel deze pagina toont."),
    )
    intro = models.TextField(
        _("introductie"), blank=True, help_text=_("Uitleg boven de tabel, in eenvoudige taal.")
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("table"),
        FieldPanel("intro"),
        FieldPanel("title_en"),
        FieldPanel("intro_en"),
    ]
    parent_page_types = ["core.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("overzichtstabel")
        verbose_name_plural = _("overzichtstabellen")

    def get_template(self, request, *args, **kwargs):
        # The table itself is computed by the examples app's `overview_table` template tag.
        return f"core/table_{self.table}.html"
