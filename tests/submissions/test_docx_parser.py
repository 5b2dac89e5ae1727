"""Reading uploaded Word files: partial and home-made documents, bad values and bad files."""

from __future__ import annotations

import io
import random
import zipfile

import pytest
from docx import Document
from docx.enum.text import WD_BREAK

from tests.submissions.docx_helpers import (
    add_hyperlink,
    fill_row,
    load,
    members_of,
    remove_section,
    save,
    set_presence,
    write_under,
    zip_bytes,
)
from voorbeeldenbank.submissions.docx import DocxError, build, build_template, parse_docx, safety

pytestmark = pytest.mark.django_db

TWIJFELS = "Twijfels en kwetsbaarheid zijn normaal"


@pytest.fixture(scope="module")
def template_bytes(django_db_setup, django_db_blocker) -> bytes:
    with django_db_blocker.unblock():
        return build_template()


def filled(template: bytes, **fields: str) -> bytes:
    document = load(template)
    for label, value in fields.items():
        fill_row(document, label.replace("_", " "), value)
    return save(document)


# Partial documents -------------------------------------------------------------------------


def test_a_partial_document_reports_what_was_recognised_and_what_is_missing(template_bytes):
    document = load(template_bytes)
    fill_row(document, "Naam van het voorbeeld", "Buurtmoeders")
    write_under(document, "In een notendop", ["Moeders helpen moeders."])
    for heading in ("Links", "Verder", "Wat kan er nog beter?"):
        remove_section(document, heading)

    result = parse_docx(save(document))

    assert result.content == {"title": "Buurtmoeders", "summary": "Moeders helpen moeders."}
    assert result.recognised == ["Naam van het voorbeeld", "In een notendop"]
    assert "Links" in result.missing
    assert "Korte naam" in result.missing
    assert "Contactpersoon voor goedkeuring" in result.missing
    assert len(result.recognised) + len(result.missing) == 28
    assert any("0 van de 8 elementen" in warning for warning in result.warnings)


def test_an_explanation_without_an_answer_counts_as_present_with_a_warning(template_bytes):
    document = load(template_bytes)
    write_under(document, TWIJFELS, ["Niemand hoeft zich te schamen."])

    result = parse_docx(save(document))

    assert result.content["elements"] == {
        "twijfels_normaal": {"present": True, "explanation": "Niemand hoeft zich te schamen."}
    }
    assert any(w.startswith(TWIJFELS) and "'ja' aangenomen" in w for w in result.warnings)


def test_a_struck_through_no_leaves_yes(template_bytes):
    document = load(template_bytes)
    line = set_presence(document, TWIJFELS, "ja/")
    line.add_run("nee").font.strike = True

    result = parse_docx(save(document))

    assert result.content["elements"]["twijfels_normaal"] == {"present": True, "explanation": ""}


def test_an_unclear_presence_answer_is_reported_and_not_guessed(template_bytes):
    document = load(template_bytes)
    set_presence(document, TWIJFELS, "misschien")

    result = parse_docx(save(document))

    assert "elements" not in result.content
    assert f"{TWIJFELS}: 'misschien' niet herkend; schrijf ja of nee." in result.warnings


def test_five_explained_elements_satisfy_the_rule(template_bytes, monkeypatch):
    document = load(template_bytes)
    titles = [
        p.text.split(". ", 1)[1]
        for p in document.paragraphs
        if p.text[:2] in {f"{n}." for n in range(1, 9)}
    ]
    for title in titles[:5]:
        set_presence(document, title, "ja")
        write_under(document, title, ["Zo werkt het hier."])
    data = save(document)

    assert not [w for w in parse_docx(data).warnings if "elementen" in w]
    monkeypatch.setattr(build, "ELEMENT_THRESHOLD", 6)
    assert any("5 van de 8 elementen" in w for w in parse_docx(data).warnings)


# Documents that did not start from the template --------------------------------------------


def test_a_home_made_dutch_document_with_the_same_headings_is_read():
    document = Document()
    document.add_paragraph("Ons voorbeeld", style="Title")
    document.add_paragraph("Naam van het voorbeeld: De Huiskamer")
    document.add_paragraph("Soort: project")
    document.add_paragraph("Leeftijd: 12 - 18 jaar")
    document.add_heading("1. In een notendop", 1)
    document.add_paragraph("Jongeren komen samen in een huiskamer.")
    document.add_heading("2. Aanwezige elementen", 1)
    document.add_paragraph("Aandacht voor positieve zaken", style="Heading 2")
    document.add_paragraph("Ja")
    document.add_paragraph("We beginnen met wat goed gaat.")
    document.add_paragraph("Wat werkt?", style="Heading 2")
    document.add_paragraph("Een vaste plek", style="List Bullet")
    document.add_paragraph("1. Gratis thee")
    document.add_heading("Contact", 1)
    document.add_paragraph("Naam: Piet Jansen")
    document.add_paragraph("E-mail: piet@example.org")

    result = parse_docx(save(document))

    assert result.content == {
        "title": "De Huiskamer",
        "kind": "project",
        "age_min": 12,
        "age_max": 18,
        "summary": "Jongeren komen samen in een huiskamer.",
        "elements": {
            "positieve_zaken": {"present": True, "explanation": "We beginnen met wat goed gaat."}
        },
        "what_works": ["Een vaste plek", "Gratis thee"],
        "contact": {"name": "Piet Jansen", "email": "piet@example.org"},
    }


def test_a_home_made_english_document_is_read():
    document = Document()
    document.add_heading("Facts", 1)
    table = document.add_table(rows=3, cols=2)
    for row, (label, value) in zip(
        table.rows,
        [
            ("Name of the example", "Parents Together"),
            ("Kind", "Programme"),
            ("Informal or formal", "both"),
        ],
        strict=True,
    ):
        row.cells[0].text, row.cells[1].text = label, value
    document.add_heading("In a nutshell", 1)
    document.add_paragraph("Parents meet parents.")
    document.add_heading("What could be better?", 1)
    document.add_paragraph("Reaching fathers")
    document.add_heading("Doubts and vulnerability are normal", 2)
    document.add_paragraph("Present: yes")
    document.add_paragraph("Worries are shared openly.")
    document.add_heading("Contact person for approval", 1)
    document.add_paragraph("Email: anna@example.org")

    result = parse_docx(save(document))

    assert result.content == {
        "title": "Parents Together",
        "kind": "programma",
        "formality": "mix",
        "summary": "Parents meet parents.",
        "improvements": ["Reaching fathers"],
        "elements": {
            "twijfels_normaal": {"present": True, "explanation": "Worries are shared openly."}
        },
        "approver": {"email": "anna@example.org"},
    }


def test_links_are_read_from_word_hyperlinks_without_following_them():
    document = Document()
    document.add_heading("Links", 1)
    add_hyperlink(document.add_paragraph("Onze site: "), "https://example.org/site", "klik")
    document.add_paragraph("www.example.net/info")

    result = parse_docx(save(document))

    assert result.content["links"] == [
        {"title": "Onze site: klik", "url": "https://example.org/site"},
        {"title": "www.example.net/info", "url": "https://www.example.net/info"},
    ]


def test_a_table_under_a_text_heading_is_read_row_by_row():
    document = Document()
    document.add_heading("Links", 1)
    table = document.add_table(rows=2, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Site", "https://example.org"
    table.rows[1].cells[0].text, table.rows[1].cells[1].text = "Folder", "https://example.org/f"

    assert parse_docx(save(document)).content["links"] == [
        {"title": "Site", "url": "https://example.org"},
        {"title": "Folder", "url": "https://example.org/f"},
    ]


def test_soft_line_breaks_separate_bullet_points():
    document = Document()
    document.add_heading("Wat werkt?", 1)
    paragraph = document.add_paragraph("Eerste punt")
    paragraph.add_run().add_break(WD_BREAK.LINE)
    paragraph.add_run("Tweede punt")

    assert parse_docx(save(document)).content["what_works"] == ["Eerste punt", "Tweede punt"]


# Values that are not valid -----------------------------------------------------------------


def test_invalid_values_give_warnings_and_leave_the_field_unset(template_bytes):
    document = load(template_bytes)
    fill_row(document, "Sinds", "19x5")
    fill_row(document, "Leeftijd van", "45")
    fill_row(document, "Leeftijd tot", "-3")
    fill_row(document, "Soort", "Festival")
    fill_row(document, "Informeel of formeel", "soms")
    fill_row(document, "Naam", "Anna", table_index=1)
    fill_row(document, "E-mail", "anna-at-example", table_index=1)
    fill_row(document, "Website", "javascript:alert(1)", table_index=1)
    fill_row(document, "Telefoon", "bel maar", table_index=1)
    write_under(document, "Links", ["Onze site – niet online", "Goed – https://example.org"])

    result = parse_docx(save(document))

    for key in ("since_year", "age_min", "age_max", "kind", "formality"):
        assert key not in result.content
    assert result.content["contact"] == {"name": "Anna"}
    assert result.content["links"] == [{"title": "Goed", "url": "https://example.org"}]
    assert "Sinds: '19x5' is geen jaartal." in result.warnings
    assert "Leeftijd van: 45 ligt niet tussen 0 en 30." in result.warnings
    assert "Leeftijd tot: -3 ligt niet tussen 0 en 30." in result.warnings
    assert any(w.startswith("Soort: 'Festival' is geen bekende soort") for w in result.warnings)
    assert any(w.startswith("Informeel of formeel: 'soms' niet herkend") for w in result.warnings)
    assert "Contact – E-mail: 'anna-at-example' is geen geldig e-mailadres." in result.warnings
    assert "Contact – Website: 'javascript:alert(1)' is geen geldig webadres." in result.warnings
    assert "Contact – Telefoon: 'bel maar' is geen telefoonnummer." in result.warnings
    assert "Links: geen webadres gevonden in 'Onze site – niet online'." in result.warnings


def test_an_age_range_the_wrong_way_round_is_dropped(template_bytes):
    result = parse_docx(filled(template_bytes, Leeftijd_van="12", Leeftijd_tot="4"))

    assert "age_min" not in result.content
    assert "age_max" not in result.content
    assert "Leeftijd: de leeftijd van (12) is hoger dan de leeftijd tot (4)." in result.warnings


def test_markup_stays_inert_text(template_bytes):
    document = load(template_bytes)
    write_under(document, "In een notendop", ["<script>alert('x')</script> & <b>vet</b>"])

    result = parse_docx(save(document))

    assert result.content["summary"] == "<script>alert('x')</script> & <b>vet</b>"


def test_invisible_control_characters_are_removed(template_bytes):
    document = load(template_bytes)
    write_under(document, "In een notendop", ["Ge\u200bwoon\u202e tekst\u00a0\u00a0hier\ufeff"])

    assert parse_docx(save(document)).content["summary"] == "Gewoon tekst hier"


def test_hidden_and_deleted_text_is_not_read(template_bytes):
    document = load(template_bytes)
    write_under(document, "In een notendop", ["Zichtbaar"])
    paragraph = next(p for p in document.paragraphs if p.text == "Zichtbaar")
    paragraph.add_run(" verborgen").font.hidden = True

    assert parse_docx(save(document)).content["summary"] == "Zichtbaar"


def test_huge_text_is_cut_off_with_a_warning(template_bytes):
    document = load(template_bytes)
    write_under(document, "In een notendop", ["woord " * 3000])
    fill_row(document, "Korte naam", "K" * 200)

    result = parse_docx(save(document))

    assert len(result.content["summary"]) == build.MAX_FIELD_CHARS
    assert len(result.content["short_name"]) == 80
    assert "In een notendop: tekst ingekort tot 10000 tekens." in result.warnings
    assert "Korte naam: tekst ingekort tot 80 tekens." in result.warnings


def test_a_row_the_user_added_to_the_facts_table_is_reported(template_bytes):
    document = load(template_bytes)
    row = document.tables[0].add_row()
    row.cells[0].text, row.cells[1].text = "Bereik", "200 gezinnen"

    result = parse_docx(save(document))

    assert "Feiten: de regel 'Bereik' is niet herkend en niet overgenomen." in result.warnings


# Files that are not a readable, safe Word document -----------------------------------------


def assert_refused(data: bytes, fragment: str) -> None:
    with pytest.raises(DocxError) as caught:
        parse_docx(data)
    assert fragment in str(caught.value)


def test_empty_bytes_are_refused():
    assert_refused(b"", "leeg")


def test_random_bytes_are_refused():
    assert_refused(random.Random(4).randbytes(4096), "geen Word-bestand")


def test_a_zip_that_is_not_a_word_document_is_refused():
    assert_refused(zip_bytes({"notes.txt": b"hallo"}), "geen Word-document")


def test_a_truncated_docx_is_refused(template_bytes):
    assert_refused(template_bytes[: len(template_bytes) // 2], "beschadigd")


def test_a_docx_with_broken_xml_is_refused(template_bytes):
    members = members_of(template_bytes)
    members["word/document.xml"] = members["word/document.xml"][:-200]
    assert_refused(zip_bytes(members), "beschadigd")


def test_a_damaged_member_is_refused(template_bytes):
    data = bytearray(template_bytes)
    with zipfile.ZipFile(io.BytesIO(template_bytes)) as archive:
        info = archive.getinfo("word/document.xml")
    # Flip a byte inside the compressed data: the checksum no longer matches.
    offset = info.header_offset + 30 + len(info.filename) + len(info.extra) + 20
    data[offset] ^= 0xFF
    assert_refused(bytes(data), "beschadigd")


def test_a_zip_with_too_many_members_is_refused():
    members = {f"word/media/{n}.txt": b"" for n in range(safety.MAX_MEMBERS + 1)}
    assert_refused(zip_bytes(members), "te veel onderdelen")


def test_a_zip_bomb_is_refused_before_unpacking(template_bytes, monkeypatch):
    members = members_of(template_bytes)
    members["word/media/bomb.bin"] = b"\0" * (safety.MAX_UNCOMPRESSED_BYTES + 1)
    data = zip_bytes(members)
    assert len(data) < 1024 * 1024  # small on disk, huge when unpacked

    def never(*args, **kwargs):
        raise AssertionError("python-docx must not open this file")

    monkeypatch.setattr(safety, "Document", never)
    assert_refused(data, "uitgepakt te groot")


def test_an_upload_over_the_size_limit_is_refused():
    assert_refused(b"PK" + b"\0" * safety.MAX_UPLOAD_BYTES, "te groot")


WORD_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


@pytest.mark.parametrize(
    ("main_type", "extra_member", "fragment"),
    [
        (
            b"application/vnd.ms-word.document.macroEnabled.main+xml",
            "word/vbaProject.bin",
            "macro's",
        ),
        (b"application/vnd.ms-word.document.macroEnabled.main+xml", None, "macro's"),
        (WORD_MAIN, "word/vbaProject.bin", "macro's"),
        (WORD_MAIN.replace(b"document.main", b"template.main"), None, ".dotx"),
        (
            b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            None,
            "geen Word-document",
        ),
    ],
    ids=["docm", "docm-without-vba", "vba-in-docx", "dotx", "xlsx"],
)
def test_macro_enabled_and_other_office_types_are_refused(
    template_bytes, main_type, extra_member, fragment
):
    members = members_of(template_bytes)
    members["[Content_Types].xml"] = members["[Content_Types].xml"].replace(WORD_MAIN, main_type)
    if extra_member:
        members[extra_member] = b"\xd0\xcf\x11\xe0 pretend macro"
    assert_refused(zip_bytes(members), fragment)


def test_xml_with_entity_declarations_is_refused(template_bytes):
    members = members_of(template_bytes)
    members["word/document.xml"] = members["word/document.xml"].replace(
        b"?>", b'?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>', 1
    )
    assert_refused(zip_bytes(members), "beschadigd")


def test_a_password_protected_document_is_refused():
    encrypted = safety.OLE_SIGNATURE + b"\0" * 64 + "EncryptedPackage".encode("utf-16-le")
    assert_refused(encrypted, "wachtwoord")


def test_an_old_doc_file_is_refused():
    assert_refused(safety.OLE_SIGNATURE + b"\0" * 512, ".doc")


def test_only_the_first_hundred_points_are_taken():
    document = Document()
    document.add_heading("Wat werkt?", 1)
    for number in range(150):
        document.add_paragraph(f"Punt {number}", style="List Bullet")

    result = parse_docx(save(document))

    assert result.content["what_works"][-1] == "Punt 99"
    assert len(result.content["what_works"]) == build.MAX_ITEMS
    assert "Wat werkt?: alleen de eerste 100 punten zijn overgenomen." in result.warnings


def test_an_explanation_on_the_presence_line_is_kept(template_bytes):
    document = load(template_bytes)
    set_presence(document, TWIJFELS, "Ja, want ouders praten er open over.")

    result = parse_docx(save(document))

    assert result.content["elements"]["twijfels_normaal"] == {
        "present": True,
        "explanation": "want ouders praten er open over.",
    }


# Bounded in memory and time -------------------------------------------------------------------


def test_a_bomb_in_the_document_part_is_refused_before_parsing(template_bytes, monkeypatch):
    members = members_of(template_bytes)
    xml = members["word/document.xml"]
    # Valid XML, padded with whitespace to just over the part limit: tiny once compressed.
    members["word/document.xml"] = xml.replace(
        b"<w:body>", b"<w:body>" + b" " * (safety.MAX_PART_BYTES + 1), 1
    )
    data = zip_bytes(members)
    assert len(data) < 100_000

    def never(*args, **kwargs):
        raise AssertionError("python-docx must not open this file")

    monkeypatch.setattr(safety, "Document", never)
    assert_refused(data, "te veel tekst")


def many_paragraphs(template: bytes, count: int) -> bytes:
    document = load(template)
    for number in range(count):
        document.add_paragraph(f"Een gewone alinea met wat tekst, nummer {number}.")
    return save(document)


def test_a_huge_but_valid_document_is_stopped_by_the_time_budget(template_bytes):
    from voorbeeldenbank.submissions.docx.budget import TimeBudget

    clock = iter(range(1_000_000))
    budget = TimeBudget(seconds=500, clock=lambda: next(clock) / 1.0)
    with pytest.raises(DocxError) as caught:
        parse_docx(many_paragraphs(template_bytes, 2_000), budget=budget)
    assert "te lang om hier te lezen" in str(caught.value)


def test_a_long_valid_document_within_the_budget_is_read(template_bytes):
    named = filled(template_bytes, Naam_van_het_voorbeeld="Lange Leesclub")
    result = parse_docx(many_paragraphs(named, 2_000))
    assert result.content["title"] == "Lange Leesclub"


def test_the_time_budget_is_a_setting(template_bytes, settings):
    settings.SUBMISSION_DOCX_PARSE_SECONDS = 0
    assert_refused(many_paragraphs(template_bytes, 200), "te lang om hier te lezen")
