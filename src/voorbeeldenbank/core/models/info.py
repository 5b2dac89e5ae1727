"""The pages a Dutch public site must have: about/colophon, contact, privacy statement and
accessibility statement. The redactie writes them; the facts that the site itself knows (its
contact details, how long it keeps what) are filled in from one place, so the texts cannot
drift from what the site does."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from .vision import EnglishTextMixin, is_english, localised

TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]


@register_setting(icon="mail")
class ContactSettings(BaseSiteSetting):
    """Who runs the site and how to reach them: shown on the contact page, in the footer, and
    in the privacy and accessibility statements."""

    organisation = models.CharField(
        _("organisatie"),
        max_length=200,
        help_text=_("Wie de voorbeeldenbank beheert, zoals in de privacyverklaring genoemd."),
    )
    email = models.EmailField(
        _("e-mailadres"), help_text=_("Voor vragen, verzoeken over gegevens en meldingen.")
    )
    phone = models.CharField(_("telefoon"), max_length=40, blank=True, help_text=_("Optioneel."))
    address = models.TextField(_("postadres"), blank=True, help_text=_("Optioneel."))
    response_days = models.PositiveSmallIntegerField(
        _("antwoord binnen (werkdagen)"),
        default=5,
        help_text=_("Binnen hoeveel werkdagen de redactie een vraag of melding beantwoordt."),
    )

    panels = [
        FieldPanel("organisation"),
        FieldPanel("email"),
        FieldPanel("phone"),
        FieldPanel("address"),
        FieldPanel("response_days"),
    ]

    class Meta:
        verbose_name = _("contactgegevens")
        verbose_name_plural = _("contactgegevens")


class TextPage(Page, EnglishTextMixin):
    """A page of text that the redactie writes, in Dutch and English."""

    intro = models.TextField(_("introductie"), blank=True, help_text=_("Korte tekst bovenaan."))
    body = RichTextField(_("tekst"), features=TEXT_FEATURES, help_text=_("De tekst van de pagina."))
    body_en = RichTextField(
        _("tekst (Engels)"),
        features=TEXT_FEATURES,
        blank=True,
        help_text=_("De tekst op de Engelse versie van de site; leeg: de Nederlandse."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("title_en"), FieldPanel("intro_en"), FieldPanel("body_en")],
            heading=_("Engels"),
        ),
    ]
    parent_page_types = ["core.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        abstract = True

    @property
    def display_body(self) -> str:
        return localised(self.body, self.body_en)

    @property
    def body_language(self) -> str:
        """The language of the text shown (for its lang attribute): Dutch where no English
        text was written."""
        return "en" if self.body_en and is_english() else "nl"


class InfoPage(TextPage):
    """About/colophon, contact, and other fixed pages linked from the footer."""

    show_contact = models.BooleanField(
        _("contactgegevens tonen"),
        default=False,
        help_text=_("Toont de contactgegevens (Instellingen → Contactgegevens) onder de tekst."),
    )

    content_panels = [*TextPage.content_panels, FieldPanel("show_contact")]
    template = "core/info_page.html"

    class Meta:
        verbose_name = _("informatiepagina")
        verbose_name_plural = _("informatiepagina's")


class PrivacyPage(TextPage):
    """The privacy statement: the redactie's text, followed by the retention periods as the site
    applies them (read from the settings, so the statement says what the site does)."""

    template = "core/privacy_page.html"
    max_count = 1

    class Meta:
        verbose_name = _("privacyverklaring")
        verbose_name_plural = _("privacyverklaringen")

    def retention(self) -> list[tuple[str, str]]:
        _ = gettext
        days = _("%(count)s dagen")
        return [
            (
                _("Een concept of afgewezen inzending, met de e-mails erover"),
                days % {"count": settings.SUBMISSION_RETENTION_DAYS},
            ),
            (
                _("De persoonlijke link van een inzender blijft geldig"),
                days % {"count": settings.SUBMISSION_TOKEN_DAYS},
            ),
            (
                _("De link voor de contactpersoon blijft geldig"),
                days % {"count": settings.SUBMISSION_CONTACT_LINK_DAYS},
            ),
            (
                _("Verstuurde e-mails in de verzendlijst"),
                days % {"count": settings.EMAIL_RETENTION_DAYS},
            ),
            (
                _("Inlogpogingen en aanmeldingen van de redactie (met IP-adres)"),
                days % {"count": settings.LOGIN_RECORD_RETENTION_DAYS},
            ),
        ]


class AccessibilityStatementPage(Page, EnglishTextMixin):
    """The accessibility statement in the form of the Dutch model statement
    (toegankelijkheidsverklaring): status, research, known issues, feedback and escalation."""

    class Status(models.TextChoices):
        A = "A", _("A: voldoet volledig")
        B = "B", _("B: voldoet gedeeltelijk")
        C = "C", _("C: eerste maatregelen genomen")
        D = "D", _("D: geen maatregelen genomen")
        E = "E", _("E: voldoet niet")

    status = models.CharField(
        _("status"),
        max_length=1,
        choices=Status.choices,
        help_text=_("De nalevingsstatus volgens het modelformulier."),
    )
    standard = models.CharField(
        _("norm"),
        max_length=100,
        default="WCAG 2.1 niveau AA (EN 301 549)",
        help_text=_("De norm waaraan de site is getoetst."),
    )
    statement_date = models.DateField(
        _("datum verklaring"), help_text=_("Wanneer deze verklaring is opgesteld.")
    )
    reviewed_date = models.DateField(
        _("laatst herzien"), null=True, blank=True, help_text=_("Wanneer zij is nagekeken.")
    )
    measures = RichTextField(
        _("maatregelen"),
        features=TEXT_FEATURES,
        blank=True,
        help_text=_("Wat de redactie doet om de site toegankelijk te houden."),
    )
    measures_en = RichTextField(
        _("maatregelen (Engels)"),
        features=TEXT_FEATURES,
        blank=True,
        help_text=_("De maatregelen op de Engelse versie van de site."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("status"),
        FieldPanel("standard"),
        FieldPanel("statement_date"),
        FieldPanel("reviewed_date"),
        InlinePanel("evaluations", heading=_("Onderzoeken"), label=_("onderzoek")),
        InlinePanel("issues", heading=_("Bekende afwijkingen"), label=_("afwijking")),
        FieldPanel("measures"),
        MultiFieldPanel([FieldPanel("title_en"), FieldPanel("measures_en")], heading=_("Engels")),
    ]
    parent_page_types = ["core.HomePage"]
    subpage_types: list[str] = []
    max_count = 1
    template = "core/accessibility_statement_page.html"

    class Meta:
        verbose_name = _("toegankelijkheidsverklaring")
        verbose_name_plural = _("toegankelijkheidsverklaringen")

    @property
    def display_measures(self) -> str:
        return localised(self.measures, self.measures_en)


class AccessibilityEvaluation(Orderable):
    page = ParentalKey(AccessibilityStatementPage, related_name="evaluations")

    class Kind(models.TextChoices):
        SELF = "self", _("eigen onderzoek")
        EXTERNAL = "external", _("onderzoek door een externe partij")

    kind = models.CharField(
        _("soort"), max_length=10, choices=Kind.choices, help_text=_("Wie het onderzoek deed.")
    )
    evaluated_on = models.DateField(_("datum"), help_text=_("Wanneer het onderzoek is gedaan."))
    by = models.CharField(
        _("uitgevoerd door"), max_length=200, help_text=_("Naam van wie het onderzoek deed.")
    )
    summary = models.TextField(
        _("samenvatting"), help_text=_("Hoe er is getoetst en wat de uitkomst was.")
    )
    report_url = models.URLField(
        _("rapport"),
        blank=True,
        help_text=_("Adres van het onderzoeksrapport, als het openbaar is."),
    )

    panels = [
        FieldPanel("kind"),
        FieldPanel("evaluated_on"),
        FieldPanel("by"),
        FieldPanel("summary"),
        FieldPanel("report_url"),
    ]


class AccessibilityIssue(Orderable):
    page = ParentalKey(AccessibilityStatementPage, related_name="issues")
    description = models.TextField(
        _("afwijking"), help_text=_("Wat niet voldoet, en voor wie dat een probleem is.")
    )
    reason = models.TextField(_("oorzaak"), blank=True, help_text=_("Waarom het zo is."))
    planned = models.CharField(
        _("oplossing"),
        max_length=200,
        blank=True,
        help_text=_("Wat eraan gedaan wordt en wanneer; leeg als dat nog niet bekend is."),
    )

    panels = [FieldPanel("description"), FieldPanel("reason"), FieldPanel("planned")]
