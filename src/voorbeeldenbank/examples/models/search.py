from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from voorbeeldenbank.core.versioning import VersionToken


class SearchDocument(models.Model):
    """Denormalised facts of one live example, so that the catalogue needs no joins."""

    page = models.OneToOneField(
        "examples.ExamplePage",
        verbose_name=_("voorbeeld"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="search_document",
        help_text=_("Het gepubliceerde voorbeeld."),
    )
    facets = models.TextField(
        _("facetten"),
        help_text=_("Spatiegescheiden sleutels, bijvoorbeeld 'element:gelijkwaardigheid'."),
    )
    sort_title = models.CharField(_("sorteertitel"), max_length=255, db_index=True, help_text="")
    age_min = models.PositiveSmallIntegerField(_("leeftijd vanaf"), null=True, help_text="")
    age_max = models.PositiveSmallIntegerField(_("leeftijd tot en met"), null=True, help_text="")
    short_name = models.CharField(
        _("korte naam"),
        max_length=255,
        blank=True,
        default="",
        help_text=_("De korte naam, kleine letters: een zoekopdracht met precies deze naam."),
    )
    length = models.PositiveIntegerField(
        _("lengte"),
        default=0,
        help_text=_("Som van de gewichten van alle zoektermen: de lengte voor de rangschikking."),
    )
    published_at = models.DateTimeField(
        _("gepubliceerd op"),
        null=True,
        help_text=_("Eerste publicatie, voor sorteren op nieuwste."),
    )

    class Meta:
        verbose_name = _("zoekdocument")
        verbose_name_plural = _("zoekdocumenten")

    def __str__(self) -> str:
        return self.sort_title


class SearchTerm(models.Model):
    """One lemma of one example: an inverted index that works the same on SQLite and PostgreSQL."""

    document = models.ForeignKey(
        SearchDocument, on_delete=models.CASCADE, related_name="terms", help_text=""
    )
    lemma = models.CharField(_("lemma"), max_length=64, help_text="")
    weight = models.PositiveSmallIntegerField(_("gewicht"), default=1, help_text="")

    class Meta:
        verbose_name = _("zoekterm")
        verbose_name_plural = _("zoektermen")
        # Covers the search query (lemma -> document, weight) so neither database visits the
        # table: halves text search time at 10,000 examples (docs/benchmarks.md). It replaces a
        # unique (lemma, document) index of the same size: indexing writes one row per lemma
        # from a dict, so duplicates cannot arise.
        indexes = [
            models.Index(fields=["lemma", "document", "weight"], name="searchterm_lemma_covering")
        ]

    def __str__(self) -> str:
        return self.lemma


class CatalogueState(VersionToken):
    """Changes whenever any search document changes: every app server keeps its facet bitmaps
    in memory and rebuilds them when it sees a new version."""

    class Meta:
        verbose_name = _("catalogusstatus")
        verbose_name_plural = _("catalogusstatus")


class SearchSynonym(models.Model):
    """Words that mean the same to someone searching ("peuter, jong kind"): a search for one
    also finds the others."""

    terms = models.CharField(
        _("woorden"),
        max_length=500,
        help_text=_(
            "Twee of meer woorden of korte woordgroepen met dezelfde betekenis, gescheiden door "
            "komma's, bijvoorbeeld: peuter, jong kind, kleuter."
        ),
    )
    note = models.CharField(
        _("toelichting"),
        max_length=255,
        blank=True,
        help_text=_("Waarom deze woorden bij elkaar horen (voor de redactie)."),
    )

    class Meta:
        verbose_name = _("synoniemen")
        verbose_name_plural = _("synoniemen")
        ordering = ["terms"]

    def __str__(self) -> str:
        return self.terms

    def clean(self) -> None:
        words = self.words()
        if len(words) < 2:
            raise ValidationError(
                {"terms": _("Geef minstens twee woorden, gescheiden door een komma.")}
            )

    def words(self) -> list[str]:
        return list(dict.fromkeys(w.strip().lower() for w in self.terms.split(",") if w.strip()))
