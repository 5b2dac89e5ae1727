"""The repeating parts of an example's format, each an ordered child of the example page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from ..constants import FormatSection, SpeakerRole

PAGE = "examples.ExamplePage"


class ExampleOrganisation(Orderable):
    page = ParentalKey(PAGE, on_delete=models.CASCADE, related_name="organisations")
    name = models.CharField(
        _("organisatie"), max_length=255, help_text=_("Naam van een betrokken organisatie.")
    )

    panels = [FieldPanel("name")]

    class Meta(Orderable.Meta):
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")

    def __str__(self) -> str:
        return self.name


class ReachFigure(Orderable):
    page = ParentalKey(PAGE, on_delete=models.CASCADE, related_name="reach_figures")
    label = models.CharField(
        _("omschrijving"), max_length=255, help_text=_("Bijvoorbeeld 'Locaties in Nederland'.")
    )
    value = models.CharField(_("waarde"), max_length=255, help_text=_("Bijvoorbeeld '12'."))

    panels = [FieldPanel("label"), FieldPanel("value")]

    class Meta(Orderable.Meta):
        verbose_name = _("bereik")
        verbose_name_plural = _("bereik")


class DeliveryRole(Orderable):
    page = ParentalKey(PAGE, on_delete=models.CASCADE, related_name="delivery_roles")
    role = models.CharField(
        _("rol"), max_length=255, help_text=_("Wie voert het uit, bijvoorbeeld 'vrijwilligers'.")
    )

    panels = [FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("uitvoerder")
        verbose_name_plural = _("uitvoerders")


class ExampleElement(Orderable):
    """An element of the vision that the example realises, with how it does so."""

    page = ParentalKey(PAGE, on_delete=models.CASCADE, related_name="example_elements")
    element = models.ForeignKey(
        "core.Element",
        verbose_name=_("element"),
        on_delete=models.PROTECT,
        related_name="example_links",
        help_text=_("Het element van de visie dat in dit voorbeeld aanwezig is."),
    )
    explanation = models.TextField(
        _("hoe het voorbeeld dit waarmaakt"),
        help_text=_("Eén alinea: hoe zie je dit element terug in de praktijk?"),
    )

    panels = [FieldPanel("element"), FieldPanel("explanation")]

    class Meta(Orderable.Meta):
        verbose_name = _("aanwezig element")
        verbose_name_plural = _("aanwezige elementen")
        constraints = [
            models.UniqueConstraint(fields=["page", "element"], name="unique_element_per_example")
        ]


class WhatWorksPoint(Orderable):
    page = ParentalKey(PAGE, on_delete=models.CASCADE, related_name="what_works")
    text = models.TextField(_("punt"), help_text=_("Wat werkt er goed?"))

    panels = [FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("wat werkt")
        verbose_name_plural = _("wat werkt")


class ImprovementPoint(Orderable):
    page = ParentalKey(PAGE, on_delete=models.CASCADE, related_name="improvements")
    text = models.TextField(_("punt"), help_text=_("Wat kan er nog beter?"))
    theme = models.ForeignKey(
        "examples.ImprovementTheme",
        verbose_name=_("thema"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="points",
        help_text=_("Optioneel: het overkoepelende thema waar dit punt bij hoort."),
    )

    panels = [FieldPanel("text"), FieldPanel("theme")]

    class Meta(Orderable.Meta):
        verbose_name = _("verbeterpunt")
        verbose_name_plural = _("verbeterpunten")


class Quote(Orderable):
    page = ParentalKey(PAGE, on_delete=models.CASCADE, related_name="quotes")
    text = models.TextField(
        _("citaat"), help_text=_("Letterlijke woorden uit een goedgekeurd gespreksverslag.")
    )
    speaker_role = models.CharField(
        _("rol van de spreker"),
        max_length=20,
        choices=SpeakerRole.choices,
        help_text=_("Alleen de rol, nooit een naam: citaten zijn anoniem."),
    )
    section = models.CharField(
        _("onderdeel"),
        max_length=20,
        choices=FormatSection.choices,
        help_text=_("Bij welk onderdeel van het format dit citaat hoort."),
    )
    element = models.ForeignKey(
        "core.Element",
        verbose_name=_("element"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Bij het onderdeel 'aanwezige elementen': welk element."),
    )
    research_segment_id = models.PositiveBigIntegerField(
        _("fragment uit het onderzoek"),
        null=True,
        blank=True,
        editable=False,
        help_text=_(
            "Gezet als het citaat uit een gecodeerd verslag komt: trekt de geïnterviewde de "
            "toestemming in, dan verdwijnt het citaat van de pagina."
        ),
    )

    panels = [
        FieldPanel("text"),
        FieldPanel("speaker_role"),
        FieldPanel("section"),
        FieldPanel("element"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("citaat")
        verbose_name_plural = _("citaten")


class ExampleLink(Orderable):
    page = ParentalKey(PAGE, on_delete=models.CASCADE, related_name="links")
    title = models.CharField(_("titel"), max_length=255, help_text=_("Tekst van de link."))
    url = models.URLField(_("adres"), max_length=500, help_text=_("Volledig webadres (https://…)."))

    panels = [FieldPanel("title"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("link")
        verbose_name_plural = _("links")


class ExampleContact(Orderable):
    page = ParentalKey(PAGE, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(
        _("naam"), max_length=255, blank=True, help_text=_("Naam van de contactpersoon.")
    )
    organisation = models.CharField(
        _("organisatie"), max_length=255, blank=True, help_text=_("Organisatie.")
    )
    role = models.CharField(
        _("functie"), max_length=255, blank=True, help_text=_("Functie of rol.")
    )
    email = models.EmailField(_("e-mailadres"), blank=True, help_text=_("E-mailadres."))
    phone = models.CharField(_("telefoon"), max_length=40, blank=True, help_text=_("Telefoon."))
    url = models.URLField(
        _("contactpagina"),
        max_length=500,
        blank=True,
        help_text=_("Webadres van een contactpagina."),
    )
    is_public = models.BooleanField(
        _("openbaar"),
        default=False,
        help_text=_(
            "Alleen aanvinken voor algemene adressen van een organisatie of met toestemming: "
            "niet-openbare gegevens ziet alleen de redactie."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("organisation"),
        FieldPanel("role"),
        FieldPanel("email"),
        FieldPanel("phone"),
        FieldPanel("url"),
        FieldPanel("is_public"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("contact")
        verbose_name_plural = _("contacten")


class EditorialNote(Orderable):
    """A note for the redactie only, e.g. a discrepancy in the report and the choice made."""

    page = ParentalKey(PAGE, on_delete=models.CASCADE, related_name="editorial_notes")
    text = models.TextField(_("notitie"), help_text=_("Alleen zichtbaar voor de redactie."))

    panels = [FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("redactionele notitie")
        verbose_name_plural = _("redactionele notities")
