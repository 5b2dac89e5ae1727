from django.db import models
from django.utils.translation import gettext_lazy as _

from voorbeeldenbank.core.versioning import VersionToken


class Passage(models.Model):
    """One passage of a live example (a section, one element's paragraph, part of a long text)
    and its embedding, for search by meaning and for similar examples."""

    page = models.ForeignKey(
        "examples.ExamplePage",
        verbose_name=_("voorbeeld"),
        on_delete=models.CASCADE,
        related_name="passages",
        help_text=_("Het gepubliceerde voorbeeld waar de passage uit komt."),
    )
    position = models.PositiveSmallIntegerField(
        _("volgorde"), help_text=_("Plaats van de passage in het voorbeeld.")
    )
    section = models.CharField(
        _("onderdeel"),
        max_length=80,
        help_text=_(
            "Sleutel van het onderdeel van het format, of element: en de sleutel van het element."
        ),
    )
    label = models.CharField(
        _("kop"), max_length=255, help_text=_("De kop waaronder de passage op de pagina staat.")
    )
    label_en = models.CharField(
        _("kop (Engels)"),
        max_length=255,
        blank=True,
        default="",
        help_text=_("De kop op de Engelse site."),
    )
    text = models.TextField(_("tekst"), help_text=_("De tekst van de passage."))
    lemmas = models.TextField(
        _("lemma's"),
        blank=True,
        default="",
        help_text=_("De zoektermen van de tekst, gescheiden door spaties (voor het fragment)."),
    )
    text_hash = models.CharField(
        _("kenmerk van de tekst"),
        max_length=64,
        help_text=_("SHA-256 van de tekst: een ongewijzigde tekst wordt niet opnieuw berekend."),
    )
    vector = models.BinaryField(
        _("vector"),
        null=True,
        editable=False,
        help_text=_("De embedding (384 getallen, float16); leeg tot hij berekend is."),
    )

    class Meta:
        verbose_name = _("passage")
        verbose_name_plural = _("passages")
        ordering = ["page", "position"]
        indexes = [models.Index(fields=["page", "position"], name="passage_page_position")]

    def __str__(self) -> str:
        return self.label


class SemanticState(VersionToken):
    """Changes whenever embedded passages change: every app server keeps the vectors in memory
    and reloads them when it sees a new version."""

    class Meta:
        verbose_name = _("betekenisindexstatus")
        verbose_name_plural = _("betekenisindexstatus")
