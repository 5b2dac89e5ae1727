from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import RevisionMixin
from wagtail.search import index

from voorbeeldenbank.core.text import fold
from voorbeeldenbank.core.versioning import VersionToken

from .constants import CATEGORY_EXPLANATIONS, Category


def split_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class LexiconEntry(RevisionMixin, index.Indexed, models.Model):
    """One word that can make ordinary life sound like a problem, with everyday alternatives."""

    term = models.CharField(
        _("term"),
        max_length=100,
        unique=True,
        help_text=_(
            "Het woord zoals het in het lexicon staat, bijvoorbeeld 'probleemgezin'. "
            "Meer woorden mag ook: 'kwetsbaar gezin'."
        ),
    )
    slug = models.SlugField(
        _("adres"),
        max_length=100,
        unique=True,
        blank=True,
        help_text=_("Deel van het webadres van dit woord; leeg laten vult het automatisch in."),
    )
    category = models.CharField(
        _("categorie"),
        max_length=32,
        choices=Category.choices,
        help_text=_("Waarom dit woord een gewoon probleem zwaarder maakt."),
    )
    variants = models.TextField(
        _("varianten"),
        blank=True,
        help_text=_(
            "Eén per regel: andere spellingen, onregelmatige vormen en samenstellingen. "
            "Gewone meervouden en verkleinwoorden vindt de taalcheck zelf. Een regel die eindigt "
            "op een streepje ('behandel-') vindt ook samenstellingen die zo beginnen."
        ),
    )
    match_compounds = models.BooleanField(
        _("ook als laatste deel van samenstellingen"),
        default=True,
        help_text=_(
            "Vind het woord ook achteraan in samenstellingen, zoals 'stoornis' in "
            "'gedragsstoornis'. Zet uit voor woorden die daar vaak iets anders betekenen."
        ),
    )
    alternatives = models.TextField(
        _("alternatieven"),
        blank=True,
        help_text=_(
            "Eén per regel: gewone woorden die op de plaats van dit woord passen en hetzelfde "
            "zeggen. De taalcheck biedt ze aan als vervanging."
        ),
    )
    advice_only = models.BooleanField(
        _("alleen uitleg, geen vervanging"),
        default=False,
        help_text=_(
            "Aan als geen gewoon woord hetzelfde zegt: de taalcheck legt dan alleen uit hoe het "
            "anders kan en biedt geen vervanging aan. De alternatieven mogen dan leeg blijven."
        ),
    )
    not_near = models.TextField(
        _("niet melden naast"),
        blank=True,
        help_text=_(
            "Eén per regel: woorden die laten zien dat het woord hier iets gewoons betekent, "
            "zoals 'onderwerp' bij 'behandelen'. Staat zo'n woord in dezelfde zin, dan meldt de "
            "taalcheck het woord niet."
        ),
    )
    explanation = models.TextField(
        _("uitleg"),
        help_text=_("Kort en in eenvoudige taal (B1): waarom dit woord anders kan."),
    )
    example_before = models.TextField(
        _("voorbeeldzin vooraf"),
        help_text=_("Een zin waarin het woord wordt gebruikt."),
    )
    example_after = models.TextField(
        _("voorbeeldzin daarna"),
        help_text=_("Dezelfde zin, herschreven met een alternatief."),
    )
    source = models.CharField(
        _("bron"),
        max_length=500,
        blank=True,
        help_text=_("Optioneel: waar dit advies vandaan komt (titel of webadres)."),
    )
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="lexiconentry")

    panels = [
        FieldRowPanel([FieldPanel("term"), FieldPanel("category")]),
        FieldPanel("slug"),
        MultiFieldPanel(
            [FieldPanel("variants"), FieldPanel("match_compounds"), FieldPanel("not_near")],
            heading=_("Vormen"),
        ),
        FieldPanel("alternatives"),
        FieldPanel("advice_only"),
        FieldPanel("explanation"),
        FieldRowPanel([FieldPanel("example_before"), FieldPanel("example_after")]),
        FieldPanel("source"),
    ]
    search_fields = [
        index.SearchField("term"),
        index.SearchField("variants"),
        index.SearchField("alternatives"),
        index.AutocompleteField("term"),
        index.FilterField("category"),
    ]

    class Meta:
        verbose_name = _("lexiconwoord")
        verbose_name_plural = _("lexicon")
        ordering = ["term"]

    def __str__(self) -> str:
        return self.term

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = slugify(self.term)[:100] or "woord"
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("lexicon:entry", args=[self.slug])

    def clean(self) -> None:
        super().clean()
        if not self.advice_only and not split_lines(self.alternatives):
            raise ValidationError(
                {
                    "alternatives": _(
                        "Geef minstens één alternatief, of zet 'alleen uitleg' aan als geen "
                        "gewoon woord hetzelfde zegt."
                    )
                }
            )

    @property
    def revisions(self):  # type: ignore[override]
        # Wagtail's pattern for snippets: the generic relation also deletes the revisions.
        return self._revisions

    @property
    def variant_list(self) -> list[str]:
        return split_lines(self.variants)

    @property
    def alternative_list(self) -> list[str]:
        return split_lines(self.alternatives)

    @property
    def category_explanation(self) -> str:
        return str(CATEGORY_EXPLANATIONS.get(Category(self.category), ""))

    @property
    def initial(self) -> str:
        """The A–Z letter under which the entry is listed."""
        first = fold(self.term)[:1].upper()
        return first if first.isalpha() else "#"


class AllowedName(models.Model):
    """A legal or institutional name that the check leaves alone, though a lexicon word is in it."""

    name = models.CharField(
        _("naam"),
        max_length=200,
        unique=True,
        help_text=_(
            "De naam zoals hij in teksten staat, bijvoorbeeld 'jeugdhulp' (de naam in de "
            "Jeugdwet) of 'Databank Effectieve Jeugdinterventies'. Hoofdletters maken niet uit."
        ),
    )
    reason = models.TextField(
        _("waarom"),
        help_text=_("Kort: welke wet of organisatie deze naam gebruikt."),
    )

    panels = [FieldPanel("name"), FieldPanel("reason")]

    class Meta:
        verbose_name = _("vaste naam")
        verbose_name_plural = _("vaste namen")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class LexiconState(VersionToken):
    """Changes with every lexicon change: each process keeps the check's index in memory and
    rebuilds it when it sees another version."""

    class Meta:
        verbose_name = _("lexiconstatus")
        verbose_name_plural = _("lexiconstatus")
