from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.models import Page
from wagtail.search import index

from voorbeeldenbank.core.forms import StaleSaveCheckPageForm
from voorbeeldenbank.core.models import Element, EnglishTextMixin

from ..constants import AGE_MAX, ELEMENT_THRESHOLD, EffectivenessLevel, Formality, Kind, Scale
from ..panels import ElementSuggestionPanel, LanguageAdvicePanel


class ExampleIndexPage(Page, EnglishTextMixin):
    """The catalogue: search and facets over all published examples."""

    intro = models.TextField(
        _("introductie"), blank=True, help_text=_("Korte uitleg boven de zoekresultaten.")
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("title_en"),
        FieldPanel("intro_en"),
    ]
    parent_page_types = ["core.HomePage"]
    subpage_types = ["examples.ExamplePage"]
    max_count = 1

    class Meta:
        verbose_name = _("catalogus")
        verbose_name_plural = _("catalogi")

    # Served by the catalogue view (views/catalogue.py), through Wagtail's on_serve_page hook.


class ExamplePage(Page):
    """A practice example in the report's fixed format."""

    short_name = models.CharField(
        _("korte naam"),
        max_length=80,
        help_text=_("Naam zoals in de overzichtstabellen, bijvoorbeeld 'MIM'."),
    )
    kind = models.CharField(
        _("soort"), max_length=20, choices=Kind.choices, help_text=_("Wat voor soort voorbeeld.")
    )
    since_year = models.PositiveSmallIntegerField(
        _("sinds"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
        help_text=_("Het jaar waarin het begon."),
    )
    target_group = models.TextField(
        _("doelgroep"), blank=True, help_text=_("Voor wie is het, in een of twee zinnen?")
    )
    age_min = models.PositiveSmallIntegerField(
        _("leeftijd vanaf"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(AGE_MAX)],
        help_text=_("Jongste leeftijd van de kinderen of jongeren (leeg als onbekend)."),
    )
    age_max = models.PositiveSmallIntegerField(
        _("leeftijd tot en met"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(AGE_MAX)],
        help_text=_("Oudste leeftijd van de kinderen of jongeren (leeg als onbekend)."),
    )
    places = ParentalManyToManyField(
        "examples.Place",
        verbose_name=_("plaatsen"),
        blank=True,
        related_name="examples",
        help_text=_("Plaatsen of regio's waar het voorbeeld loopt."),
    )
    target_groups = ParentalManyToManyField(
        "examples.TargetGroup",
        verbose_name=_("doelgroepen"),
        blank=True,
        related_name="examples",
        help_text=_("Doelgroepen, voor het filteren in de catalogus."),
    )
    topics = ParentalManyToManyField(
        "examples.Topic",
        verbose_name=_("onderwerpen"),
        blank=True,
        related_name="examples",
        help_text=_("Onderwerpen, voor het filteren in de catalogus."),
    )
    formality = models.CharField(
        _("informeel of formeel"),
        max_length=12,
        choices=Formality.choices,
        help_text=_("Wordt de steun vooral in een informele of een formele setting gegeven?"),
    )
    scale = models.CharField(
        _("individueel of collectief"),
        max_length=12,
        choices=Scale.choices,
        help_text=_("Wordt het vooral één-op-één of in groepen aangeboden?"),
    )
    summary = models.TextField(
        _("in een notendop"), help_text=_("Korte beschrijving van ongeveer 100 tot 150 woorden.")
    )
    deepening = models.TextField(
        _("verdieping"),
        blank=True,
        help_text=_("De uitgebreide beschrijving. Witregel = nieuwe alinea."),
    )
    for_whom = models.TextField(_("voor wie?"), blank=True, help_text=_("Voor wie is het bedoeld?"))
    by_whom = models.TextField(_("door wie?"), blank=True, help_text=_("Wie voert het uit?"))
    what_is_needed = models.TextField(
        _("wat is er nodig?"), blank=True, help_text=_("Wat is er nodig om het uit te voeren?")
    )
    basis = models.TextField(
        _("basis van de beschrijving"),
        blank=True,
        help_text=_("Waarop is deze beschrijving gebaseerd (documenten, interviews, locatie)?"),
    )
    effectiveness_status = models.CharField(
        _("effectiviteit"),
        max_length=255,
        blank=True,
        help_text=_("Bijvoorbeeld een beoordeling in de Databank Effectieve Jeugdinterventies."),
    )
    effectiveness_level = models.CharField(
        _("erkenning"),
        max_length=30,
        choices=EffectivenessLevel.choices,
        blank=True,
        help_text=_(
            "Het niveau waarop een databank van effectieve jeugdinterventies het voorbeeld "
            "erkent; leeg als het niet is beoordeeld. Staat als kenmerk bovenaan de pagina en "
            "is een filter in de catalogus."
        ),
    )
    effectiveness_url = models.URLField(
        _("link effectiviteit"),
        max_length=500,
        blank=True,
        help_text=_("Link naar die beoordeling."),
    )
    last_checked = models.DateField(
        _("laatst gecontroleerd"),
        null=True,
        blank=True,
        help_text=_("Datum waarop de contactpersoon de tekst voor het laatst heeft gecontroleerd."),
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("short_name"),
        index.SearchField("summary"),
        index.SearchField("deepening"),
    ]

    facts_panels = [
        FieldPanel("title", heading=_("Naam")),
        FieldPanel("short_name"),
        InlinePanel("organisations", heading=_("Organisaties"), label=_("organisatie")),
        FieldPanel("places"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("since_year")]),
        InlinePanel("reach_figures", heading=_("Bereik"), label=_("bereik")),
        FieldPanel("target_group"),
        FieldPanel("target_groups"),
        FieldRowPanel([FieldPanel("age_min"), FieldPanel("age_max")], heading=_("Leeftijd")),
        InlinePanel("delivery_roles", heading=_("Door wie"), label=_("uitvoerder")),
        FieldPanel("topics"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("formality"), FieldPanel("scale")])],
            heading=_("Plaats in het kwadrant"),
        ),
    ]
    format_panels = [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("deepening"),
                FieldPanel("for_whom"),
                FieldPanel("by_whom"),
                FieldPanel("what_is_needed"),
            ],
            heading=_("Verdieping"),
        ),
        InlinePanel("example_elements", heading=_("Aanwezige elementen"), label=_("element")),
        InlinePanel("what_works", heading=_("Wat werkt?"), label=_("punt")),
        InlinePanel("improvements", heading=_("Wat kan er nog beter?"), label=_("punt")),
        InlinePanel("quotes", heading=_("Citaten"), label=_("citaat")),
        LanguageAdvicePanel(),
        ElementSuggestionPanel(),
    ]
    sources_panels = [
        InlinePanel("links", heading=_("Links"), label=_("link")),
        InlinePanel("contacts", heading=_("Contact"), label=_("contact")),
        FieldPanel("basis"),
        FieldPanel("effectiveness_level"),
        FieldRowPanel([FieldPanel("effectiveness_status"), FieldPanel("effectiveness_url")]),
        FieldPanel("last_checked"),
        InlinePanel("editorial_notes", heading=_("Redactionele notities"), label=_("notitie")),
    ]
    base_form_class = StaleSaveCheckPageForm
    edit_handler = TabbedInterface(
        [
            ObjectList(facts_panels, heading=_("Feiten")),
            ObjectList(format_panels, heading=_("Format")),
            ObjectList(sources_panels, heading=_("Bronnen en contact")),
            ObjectList(Page.promote_panels, heading=_("Promotie")),
            ObjectList(Page.settings_panels, heading=_("Instellingen")),
        ]
    )

    parent_page_types = ["examples.ExampleIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("voorbeeld")
        verbose_name_plural = _("voorbeelden")

    def clean(self) -> None:
        super().clean()
        if self.age_min is not None and self.age_max is not None and self.age_min > self.age_max:
            raise ValidationError({"age_max": _("De hoogste leeftijd is lager dan de laagste.")})
        outside = (self.formality == Formality.NONE, self.scale == Scale.NONE)
        if any(outside) and not all(outside):
            raise ValidationError(
                {"scale": _("Buiten het kwadrant geldt voor beide dimensies tegelijk.")}
            )

    @property
    def is_outside_quadrant(self) -> bool:
        return self.formality == Formality.NONE

    @property
    def element_keys(self) -> list[str]:
        return [link.element.key for link in self.example_elements.all()]

    @property
    def meets_threshold(self) -> bool:
        return len(self.example_elements.all()) >= ELEMENT_THRESHOLD

    @property
    def age_label(self) -> str:
        if self.age_min is None and self.age_max is None:
            return ""
        if self.age_max is None:
            return _("vanaf %(min)s jaar") % {"min": self.age_min}
        if self.age_min is None:
            return _("tot en met %(max)s jaar") % {"max": self.age_max}
        return _("%(min)s–%(max)s jaar") % {"min": self.age_min, "max": self.age_max}

    def get_context(self, request, *args, **kwargs):
        """The example in the report's order, with every element marked present or absent."""
        context = super().get_context(request, *args, **kwargs)
        present = {
            link.element_id: link for link in self.example_elements.select_related("element")
        }
        back = request.GET.get("terug", "")
        if not (back.startswith("/") and url_has_allowed_host_and_scheme(back, allowed_hosts=None)):
            back = ""
        quotes: dict[str, list] = {}
        for quote in self.quotes.all():
            key = f"element:{quote.element_id}" if quote.element_id else quote.section
            quotes.setdefault(key, []).append(quote)
        context.update(
            elements=[
                {"element": element, "link": present.get(element.pk)}
                for element in Element.objects.all()
            ],
            present_count=len(present),
            element_threshold=ELEMENT_THRESHOLD,
            public_contacts=[contact for contact in self.contacts.all() if contact.is_public],
            back_url=back,
            quotes_by_section=quotes,
        )
        return context
