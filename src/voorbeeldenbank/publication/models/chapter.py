from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import RevisionMixin

from ..constants import ChapterKind

CHAPTER_FEATURES = ["h3", "bold", "italic", "link", "ol", "ul"]


class ReportChapter(RevisionMixin, models.Model):
    """An editable chapter of the report around the examples (introduction, method, closing)."""

    kind = models.CharField(
        _("hoofdstuk"),
        max_length=20,
        choices=ChapterKind.choices,
        unique=True,
        help_text=_("Welk hoofdstuk van het rapport dit is; bepaalt de plaats in een editie."),
    )
    title = models.CharField(_("titel"), max_length=200, help_text=_("Titel van het hoofdstuk."))
    body = RichTextField(
        _("tekst"),
        features=CHAPTER_FEATURES,
        help_text=_("De tekst van het hoofdstuk, in eenvoudige taal."),
    )
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="report_chapter")

    panels = [FieldPanel("kind", read_only=True), FieldPanel("title"), FieldPanel("body")]

    class Meta:
        verbose_name = _("hoofdstuk van het rapport")
        verbose_name_plural = _("hoofdstukken van het rapport")

    def __str__(self) -> str:
        return self.title

    @property
    def order(self) -> int:
        return list(ChapterKind.values).index(self.kind)
