"""The headings and table labels of the Word format, each with a stable machine key.

The template shows `text` in the chosen language; the parser accepts that text in every site
language plus the `aliases` (English and common variants), so a heading that was translated by
hand, renumbered or typed in another document still lands in the right place.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from voorbeeldenbank.examples.format import FORMAT


@dataclass(frozen=True)
class Label:
    key: str
    text: Promise
    aliases: tuple[str, ...] = ()
    # A heading may be followed by its text on the same line ("Doelgroep: ouders").
    inline: bool = True


def format_label(name: str) -> Promise:
    """A heading that is a field of the report's format carries the format's own label."""
    return FORMAT.field(name).spec.label


# Headings, in the order of the format. Element headings are added from the vision's data.
FACTS = Label("facts", _("Feiten"), ("facts", "gegevens", "kerngegevens", "key facts"))
SUMMARY = Label(
    "summary", format_label("summary"), ("in a nutshell", "samenvatting", "summary", "notendop")
)
DEEPENING = Label(
    "deepening", format_label("deepening"), ("in depth", "in more depth", "deepening")
)
FOR_WHOM = Label("for_whom", format_label("for_whom"), ("for whom", "who is it for"))
BY_WHOM = Label(
    "by_whom", format_label("by_whom"), ("by whom", "who delivers it", "who carries it out")
)
WHAT_IS_NEEDED = Label(
    "what_is_needed",
    format_label("what_is_needed"),
    ("what is needed", "wat is nodig", "benodigdheden"),
)
# "Verder" is an everyday word, so only a line with nothing else on it counts as this heading.
FURTHER = Label("further", _("Verder"), ("further", "more", "overig", "other"), inline=False)
ELEMENTS = Label(
    "elements",
    _("Aanwezige elementen uit de visie normaliseren"),
    (
        "aanwezige elementen",
        "elementen",
        "elementen uit de visie",
        "elements",
        "elements present",
        "elements of the vision",
        "elements of the vision that are present",
    ),
    inline=False,
)
WHAT_WORKS = Label("what_works", format_label("what_works"), ("what works", "wat werkt goed"))
IMPROVEMENTS = Label(
    "improvements",
    format_label("improvements"),
    (
        "what could be better",
        "what can be improved",
        "what could be improved",
        "wat kan beter",
        "verbeterpunten",
        "improvements",
    ),
)
LINKS = Label("links", format_label("links"), ("websites", "meer informatie", "more information"))
CONTACT = Label(
    "contact", format_label("contacts"), ("contactgegevens", "contact details"), inline=False
)
APPROVER = Label(
    "approver",
    _("Contactpersoon voor goedkeuring"),
    ("approval contact", "contact person for approval", "goedkeuring", "approval"),
    inline=False,
)

HEADINGS: tuple[Label, ...] = (
    FACTS,
    SUMMARY,
    DEEPENING,
    FOR_WHOM,
    BY_WHOM,
    WHAT_IS_NEEDED,
    FURTHER,
    ELEMENTS,
    WHAT_WORKS,
    IMPROVEMENTS,
    LINKS,
    CONTACT,
    APPROVER,
)

# Sections whose content is a two-column table of label and value.
TABLE_SECTIONS = (FACTS.key, CONTACT.key, APPROVER.key)

# Rows of the facts table; the key is the content key it fills ("age" is a free range).
FACT_ROWS: tuple[Label, ...] = (
    Label("title", _("Naam van het voorbeeld"), ("name of the example", "naam", "name", "titel")),
    Label("short_name", _("Korte naam"), ("short name", "afkorting", "abbreviation")),
    Label("kind", _("Soort"), ("kind", "type", "soort voorbeeld")),
    Label("since_year", _("Sinds"), ("since", "sinds jaar", "startjaar", "start year", "year")),
    Label("places", _("Plaats(en)"), ("plaatsen", "places", "place", "gemeente", "regio")),
    Label(
        "organisations",
        _("Organisatie(s)"),
        ("organisaties", "organisations", "organisation", "organizations", "organization"),
    ),
    Label("target_group", _("Doelgroep"), ("target group", "doelgroepen")),
    Label("age_min", _("Leeftijd van"), ("leeftijd vanaf", "age from", "minimum age")),
    Label(
        "age_max",
        _("Leeftijd tot"),
        ("leeftijd tot en met", "leeftijd t/m", "age to", "age up to", "maximum age"),
    ),
    Label("age", _("Leeftijd"), ("age", "leeftijd van/tot", "leeftijden", "ages")),
    Label("formality", _("Informeel of formeel"), ("informal or formal", "informeel/formeel")),
    Label(
        "scale",
        _("Individueel of collectief"),
        ("individual or collective", "individueel/collectief"),
    ),
)
TEMPLATE_FACT_KEYS = tuple(row.key for row in FACT_ROWS if row.key != "age")

_NAME = Label("name", _("Naam"), ("name", "naam contactpersoon", "contactpersoon"))
_ORGANISATION = Label(
    "organisation", pgettext_lazy("veld", "Organisatie"), ("organisation", "organization")
)
_ROLE = Label("role", _("Functie of rol"), ("functie", "rol", "role", "job title", "function"))
_EMAIL = Label("email", _("E-mail"), ("e-mailadres", "email", "email address", "mail"))
CONTACT_ROWS: tuple[Label, ...] = (
    _NAME,
    _ORGANISATION,
    _ROLE,
    _EMAIL,
    Label("phone", _("Telefoon"), ("telefoonnummer", "tel", "phone", "telephone")),
    Label("url", _("Website"), ("webadres", "contactpagina", "url", "web", "site")),
)
APPROVER_ROWS: tuple[Label, ...] = (_NAME, _EMAIL, _ORGANISATION, _ROLE)

PRESENT = Label("present", _("Aanwezig"), ("present", "aanwezig in dit voorbeeld", "is present"))
PRESENT_CHOICES = _("ja/nee")

# Human labels for the report of what was recognised, per content unit.
UNIT_LABELS: dict[str, Promise] = {
    **{row.key: row.text for row in FACT_ROWS if row.key not in ("age_min", "age_max")},
    "summary": SUMMARY.text,
    "for_whom": FOR_WHOM.text,
    "by_whom": BY_WHOM.text,
    "what_is_needed": WHAT_IS_NEEDED.text,
    "deepening": DEEPENING.text,
    "what_works": WHAT_WORKS.text,
    "improvements": IMPROVEMENTS.text,
    "links": LINKS.text,
    "contact": CONTACT.text,
    "approver": APPROVER.text,
}

# Hints of earlier versions of the template, still skipped in files filled in from those.
FORMER_HINTS = ("Wat wil je verder nog vertellen?",)
# Writing hints under the headings of the template; the parser skips them when left in place.
HINTS: dict[str, Promise] = {
    SUMMARY.key: _("Beschrijf het voorbeeld kort, in ongeveer 100 tot 150 woorden."),
    DEEPENING.key: _("Vertel hier meer over het voorbeeld: hoe het begon en hoe het werkt."),
    FOR_WHOM.key: _("Voor welke kinderen, jongeren of ouders is het bedoeld?"),
    BY_WHOM.key: _("Wie voeren het uit: vrijwilligers, ouders, professionals, anderen?"),
    WHAT_IS_NEEDED.key: _("Welke mensen, ruimte, middelen, opleiding of samenwerking zijn nodig?"),
    FURTHER.key: _("Wat wilt u verder nog vertellen?"),
    ELEMENTS.key: _(
        "Vul bij elk element in of het in het voorbeeld aanwezig is (ja of nee). Is het er, "
        "leg dan in een paar zinnen uit hoe het voorbeeld dit laat zien."
    ),
    "element": _("Leg hier uit hoe het voorbeeld dit element laat zien."),
    WHAT_WORKS.key: _("Eén punt per regel: wat gaat er goed, en waardoor?"),
    IMPROVEMENTS.key: _("Eén punt per regel: wat kan beter of wat ontbreekt nog?"),
    LINKS.key: _("Eén link per regel, zo: titel – https://www.voorbeeld.nl"),
    CONTACT.key: _("Wie kunnen lezers benaderen voor meer informatie over het voorbeeld?"),
    APPROVER.key: _(
        "Wie mag de tekst over het voorbeeld goedkeuren voordat die verschijnt? Deze gegevens "
        "ziet alleen de redactie."
    ),
}
