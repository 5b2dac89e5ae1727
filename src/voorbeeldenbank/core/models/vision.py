from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import RevisionMixin
from wagtail.search import index


def is_english() -> bool:
    return (get_language() or "nl").startswith("en")


def localised(dutch: str, english: str) -> str:
    """The English text on the English site when there is one; Dutch otherwise."""
    return english if english and is_english() else dutch


class Element(RevisionMixin, index.Indexed, models.Model):
    """One of the eight elements of the vision on normalising."""

    key = models.SlugField(
        _("sleutel"),
        max_length=40,
        unique=True,
        help_text=_("Vaste sleutel, gebruikt in de API en in links. Wijzig deze niet."),
    )
    title = models.CharField(_("titel"), max_length=200, help_text=_("Titel in het Nederlands."))
    title_en = models.CharField(
        _("titel (Engels)"), max_length=200, blank=True, help_text=_("Titel in het Engels.")
    )
    short_title = models.CharField(
        _("korte titel"),
        max_length=60,
        blank=True,
        help_text=_("Korte titel voor kolomkoppen in tabellen."),
    )
    short_title_en = models.CharField(
        _("korte titel (Engels)"),
        max_length=60,
        blank=True,
        help_text=_("Korte titel in het Engels, voor kolomkoppen."),
    )
    summary = models.TextField(
        _("toelichting"), help_text=_("Korte uitleg van het element, in eenvoudige taal.")
    )
    summary_en = models.TextField(
        _("toelichting (Engels)"), blank=True, help_text=_("De uitleg in het Engels.")
    )
    sort_order = models.PositiveSmallIntegerField(
        _("volgorde"), default=0, help_text=_("Plaats in de lijst van de visie.")
    )

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="element")

    panels = [
        FieldPanel("key", read_only=True),
        FieldPanel("title"),
        FieldPanel("title_en"),
        FieldPanel("short_title"),
        FieldPanel("short_title_en"),
        FieldPanel("summary"),
        FieldPanel("summary_en"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("title"), index.SearchField("summary")]

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("element van de visie")
        verbose_name_plural = _("elementen van de visie")

    def __str__(self) -> str:
        return self.display_title

    @property
    def display_title(self) -> str:
        return localised(self.title, self.title_en)

    @property
    def display_short_title(self) -> str:
        return localised(self.short_title or self.title, self.short_title_en or self.title_en)

    @property
    def display_summary(self) -> str:
        return localised(self.summary, self.summary_en)

    @property
    def summary_is_dutch_fallback(self) -> bool:
        """On the English site without an English summary the Dutch one is shown (lang="nl")."""
        return is_english() and not self.summary_en


class EnglishTextMixin(models.Model):
    """English title and introduction for pages whose text the editors write themselves."""

    title_en = models.CharField(
        _("titel (Engels)"),
        max_length=255,
        blank=True,
        help_text=_("Titel op de Engelse versie van de site."),
    )
    intro_en = models.TextField(
        _("introductie (Engels)"),
        blank=True,
        help_text=_("Introductie op de Engelse versie van de site."),
    )

    class Meta:
        abstract = True

    @property
    def display_title(self) -> str:
        return localised(self.title, self.title_en)  # type: ignore[attr-defined]

    @property
    def display_intro(self) -> str:
        return localised(self.intro, self.intro_en)  # type: ignore[attr-defined]
