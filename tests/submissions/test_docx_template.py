"""The Word template of the format, and a filled-in template read back by the parser."""

from __future__ import annotations

import pytest
from django.utils import translation

from tests.submissions.docx_helpers import (
    fill_row,
    load,
    members_of,
    save,
    set_presence,
    write_under,
)
from voorbeeldenbank.core.models import Element
from voorbeeldenbank.submissions.docx import build_template, parse_docx, template
from voorbeeldenbank.submissions.docx import labels as L
from voorbeeldenbank.submissions.docx.cleaning import label_key

pytestmark = pytest.mark.django_db

W_BOOKMARK = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}bookmarkStart"


def headings(document) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]


def intro(document) -> str:
    texts = []
    for paragraph in document.paragraphs[1:]:
        if paragraph.style.name.startswith("Heading"):
            break
        texts.append(paragraph.text)
    return " ".join(texts)


def element_titles(language: str = "nl") -> list[str]:
    field = "title_en" if language == "en" else "title"
    return list(Element.objects.order_by("sort_order").values_list(field, flat=True))


def test_the_template_follows_the_format_in_order():
    document = load(build_template())

    expected = [
        "Feiten",
        "In een notendop",
        "Verdieping",
        "Voor wie?",
        "Door wie?",
        "Wat is er nodig?",
        "Verder",
        "Aanwezige elementen uit de visie normaliseren",
        *(f"{n}. {title}" for n, title in enumerate(element_titles(), start=1)),
        "Wat werkt?",
        "Wat kan er nog beter?",
        "Links",
        "Contact",
        "Contactpersoon voor goedkeuring",
    ]
    assert headings(document) == expected
    assert len(element_titles()) == 8


def test_every_heading_and_table_label_carries_a_unique_hidden_key():
    document = load(build_template())
    names = [
        node.get(W_BOOKMARK.replace("bookmarkStart", "name"))
        for node in document.element.body.iter(W_BOOKMARK)
    ]

    assert len(names) == len(set(names))
    assert {
        "_vb_facts",
        "_vb_summary",
        "_vb_further",
        "_vb_el_twijfels_normaal",
        "_vb_el_niet_problematiseren",
        "_vb_approver",
        "_vb_facts_title",
        "_vb_facts_age_max",
        "_vb_contact_email",
        "_vb_approver_email",
    } <= set(names)
    assert all(len(name) <= 40 for name in names)  # Word's limit for bookmark names


def test_the_tables_ask_for_the_facts_and_both_contacts():
    facts, contact, approver = load(build_template()).tables

    labels = [row.cells[0].text for row in facts.rows]
    assert labels[:3] == [
        "Naam van het voorbeeld",
        "Korte naam",
        "Soort (programma, interventie, initiatief, project of beleid)",
    ]
    assert [label_key(label) for label in labels] == [
        "naamvanhetvoorbeeld",
        "kortenaam",
        "soort",
        "sinds",
        "plaats",
        "organisatie",
        "doelgroep",
        "leeftijdvan",
        "leeftijdtot",
        "informeelofformeel",
        "individueelofcollectief",
    ]
    assert all(row.cells[1].text == "" for row in facts.rows)
    assert [row.cells[0].text for row in contact.rows] == [
        "Naam",
        "Organisatie",
        "Functie of rol",
        "E-mail",
        "Telefoon",
        "Website",
    ]
    assert [row.cells[0].text for row in approver.rows] == [
        "Naam",
        "E-mail",
        "Organisatie",
        "Functie of rol",
    ]


def test_each_element_asks_whether_it_is_present():
    document = load(build_template())

    assert [p.text for p in document.paragraphs].count("Aanwezig: ja/nee") == 8


def test_the_explanation_gives_the_rule_and_says_counts_are_no_score():
    text = intro(load(build_template()))

    assert "minstens 5 van de 8 elementen" in text
    assert "geen cijfer voor de kwaliteit" in text
    assert "laat de tekst van de koppen staan" in text


def test_the_rule_in_the_explanation_follows_the_threshold(monkeypatch):
    monkeypatch.setattr(template, "ELEMENT_THRESHOLD", 6)

    assert "minstens 6 van de 8 elementen" in intro(load(build_template()))


def test_the_english_template_uses_english_titles_and_language():
    document = load(build_template("en"))

    with translation.override("en"):
        expected_start = [str(L.FACTS.text), str(L.SUMMARY.text), str(L.DEEPENING.text)]
    assert headings(document)[:3] == expected_start
    assert "1. Doubts and vulnerability are normal" in headings(document)
    assert "1. Twijfels en kwetsbaarheid zijn normaal" not in headings(document)
    assert document.core_properties.language == "en-GB"
    assert load(build_template("nl")).core_properties.language == "nl-NL"
    assert translation.get_language() == "nl"  # the override does not leak


def test_the_template_uses_the_editors_element_titles():
    Element.objects.filter(key="positieve_zaken").update(title="Oog voor wat goed gaat")

    document = load(build_template())

    assert "7. Oog voor wat goed gaat" in headings(document)


def test_the_template_has_no_macros_and_no_external_links():
    members = members_of(build_template())

    assert not [name for name in members if "vba" in name.casefold()]
    assert not [name for name, data in members.items() if b'TargetMode="External"' in data]
    assert b"macroEnabled" not in members["[Content_Types].xml"]


def test_an_untouched_template_yields_no_content_and_lists_every_section_as_missing():
    result = parse_docx(build_template())

    assert result.content == {}
    assert result.recognised == []
    assert len(result.missing) == 10 + 5 + 8 + 5
    assert result.missing[0] == "Naam van het voorbeeld"
    assert "Twijfels en kwetsbaarheid zijn normaal" in result.missing


# Round trip --------------------------------------------------------------------------------

TYPED = {
    "nl": {
        "kind": "Initiatief",
        "since": "sinds 2016",
        "formality": "Informeel",
        "scale": "Collectief",
        "yes": ["Ja", "ja", "x", "JA", "yes"],
        "no": "nee",
    },
    "en": {
        "kind": "Initiative",
        "since": "2016",
        "formality": "informal",
        "scale": "collective",
        "yes": ["Yes", "yes", "x", "Ja", "y"],
        "no": "no",
    },
}

EXPECTED = {
    "title": "Samen in de Wijk",
    "short_name": "SidW",
    "kind": "initiatief",
    "since_year": 2016,
    "places": ["Leiden", "Gouda", "Alphen aan den Rijn"],
    "organisations": ["Stichting Buurtkracht", "Gemeente Leiden"],
    "target_group": "Ouders van jonge kinderen in de wijk",
    "age_min": 0,
    "age_max": 12,
    "formality": "informeel",
    "scale": "collectief",
    "summary": "Buurtouders ontmoeten elkaar wekelijks.\n\nZe delen ervaringen en tips.",
    "for_whom": "Ouders met kinderen tot twaalf jaar.",
    "by_whom": "Vrijwillige buurtouders, ondersteund door een coördinator.",
    "what_is_needed": "Een ruimte in de wijk en een kleine vergoeding.",
    "deepening": "Het begon in een buurthuis.\n\nInmiddels zijn er vier groepen.",
    "elements": {
        "twijfels_normaal": {"present": True, "explanation": "Twijfels worden gedeeld."},
        "steun_informeel": {"present": True, "explanation": "Ouders steunen elkaar."},
        "toegang_laagdrempelig": {"present": True, "explanation": "Iedereen mag binnenlopen."},
        "gelijkwaardigheid": {"present": True, "explanation": "Iedereen is ervaringsdeskundige."},
        "vraag_leidend": {"present": True, "explanation": "De groep kiest de onderwerpen."},
        "positieve_zaken": {"present": False, "explanation": ""},
    },
    "what_works": ["Vaste tijden en een vaste plek", "Koffie en tijd om te praten"],
    "improvements": ["Meer vaders bereiken", "Structurele financiering"],
    "links": [
        {"title": "Website van het initiatief", "url": "https://www.example.org/samen"},
        {"title": "Folder", "url": "https://example.org/folder.pdf"},
    ],
    "contact": {
        "name": "Sanne de Vries",
        "organisation": "Stichting Buurtkracht",
        "role": "Coördinator",
        "email": "info@example.org",
        "phone": "071 123 45 67",
        "url": "https://www.example.org/contact",
    },
    "approver": {
        "name": "Sanne de Vries",
        "email": "sanne@example.org",
        "organisation": "Stichting Buurtkracht",
        "role": "Coördinator",
    },
}


def fill_in(data: bytes, language: str) -> bytes:
    """Fill the template as a submitter would: cells, text under headings, yes/no, bullets."""
    typed = TYPED[language]
    titles = element_titles(language)
    document = load(data)
    with translation.override(language):
        rows = {row.key: str(row.text) for row in L.FACT_ROWS}
        fill_row(document, rows["title"], EXPECTED["title"])
        fill_row(document, rows["short_name"], " SidW ")
        fill_row(document, rows["kind"], typed["kind"])
        fill_row(document, rows["since_year"], typed["since"])
        fill_row(document, rows["places"], "Leiden, Gouda\nAlphen aan den Rijn")
        fill_row(document, rows["organisations"], "Stichting Buurtkracht; Gemeente Leiden")
        fill_row(document, rows["target_group"], EXPECTED["target_group"])
        fill_row(document, rows["age_min"], "0")
        fill_row(document, rows["age_max"], "12 jaar")
        fill_row(document, rows["formality"], typed["formality"])
        fill_row(document, rows["scale"], typed["scale"])
        write_under(
            document,
            str(L.SUMMARY.text),
            ["Buurtouders  ontmoeten elkaar wekelijks.", "", "Ze delen ervaringen en tips."],
        )
        write_under(document, str(L.FOR_WHOM.text), [EXPECTED["for_whom"]])
        write_under(document, str(L.BY_WHOM.text), [EXPECTED["by_whom"]])
        write_under(document, str(L.WHAT_IS_NEEDED.text), [EXPECTED["what_is_needed"]])
        write_under(document, str(L.DEEPENING.text), ["Het begon in een buurthuis."])
        write_under(document, str(L.FURTHER.text), ["", "Inmiddels zijn er vier groepen."])
        explained = list(EXPECTED["elements"].items())[:5]
        for (_key, value), title, answer in zip(explained, titles, typed["yes"], strict=False):
            set_presence(document, title, answer)
            write_under(document, title, [value["explanation"]])
        set_presence(document, titles[6], typed["no"])
        write_under(document, str(L.WHAT_WORKS.text), EXPECTED["what_works"], "List Bullet")
        write_under(
            document,
            str(L.IMPROVEMENTS.text),
            ["- Meer vaders bereiken", "• Structurele financiering", ""],
            "List Number",
        )
        write_under(
            document,
            str(L.LINKS.text),
            [
                "Website van het initiatief – https://www.example.org/samen",
                "Folder: https://example.org/folder.pdf",
            ],
        )
        for label, value in zip(
            [str(row.text) for row in L.CONTACT_ROWS], EXPECTED["contact"].values(), strict=True
        ):
            fill_row(document, label, value, table_index=1)
        for label, value in zip(
            [str(row.text) for row in L.APPROVER_ROWS], EXPECTED["approver"].values(), strict=True
        ):
            fill_row(document, label, value, table_index=2)
    return save(document)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_filled_in_template_reads_back_as_the_same_content(language):
    filled = fill_in(build_template(language), language)

    result = parse_docx(filled)

    assert result.content == EXPECTED
    assert result.warnings == []
    assert "Naam van het voorbeeld" in result.recognised
    assert "Twijfels en kwetsbaarheid zijn normaal" in result.recognised
    assert result.missing == [
        "Ondersteuners/hulpverleners: oog voor brede opgroei- en opvoedcontext",
        "Vermijden problematiseren en medicaliseren waar het kan",
    ]


def test_the_report_speaks_the_language_of_the_request():
    filled = fill_in(build_template("nl"), "nl")

    with translation.override("en"):
        result = parse_docx(filled)

    assert "Doubts and vulnerability are normal" in result.recognised
    assert "Avoid problematising and medicalising where possible" in result.missing


def test_renamed_headings_are_still_found_by_their_hidden_key():
    document = load(fill_in(build_template(), "nl"))
    renamed = {"In een notendop": "Ons project in het kort", "Wat werkt?": "Dit gaat goed"}
    for paragraph in document.paragraphs:
        if paragraph.text in renamed:
            # Typing over the heading in Word replaces the text of its run.
            paragraph.runs[0].text = renamed[paragraph.text]

    result = parse_docx(save(document))

    assert result.content["summary"] == EXPECTED["summary"]
    assert result.content["what_works"] == EXPECTED["what_works"]


def test_an_element_heading_renamed_by_the_editors_is_still_read():
    filled = fill_in(build_template(), "nl")
    Element.objects.filter(key="twijfels_normaal").update(title="Twijfel hoort erbij")

    result = parse_docx(filled)

    assert result.content["elements"]["twijfels_normaal"]["present"] is True
    assert "Twijfel hoort erbij" in result.recognised
