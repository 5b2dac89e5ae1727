"""The REFI-QDA and CSV exports: valid against the standard's schemas, offsets that land on the
coded passage, only released and approved de-identified text, and only for project members."""

import csv
import io
import zipfile
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from lxml import etree

from voorbeeldenbank.examples.constants import InterviewMode, InterviewRole
from voorbeeldenbank.research import export
from voorbeeldenbank.research.models import CodeKind, ResearchLog

from .conftest import editor, logged_in
from .factories import (
    CandidateFactory,
    InterviewContactFactory,
    InterviewFactory,
    ProjectMemberFactory,
    ResearchProjectFactory,
)
from .factories_coding import CodeFactory, SegmentFactory, VerslagVersionFactory

pytestmark = pytest.mark.django_db

SCHEMAS = Path(__file__).parent / "data" / "refi-qda"
QDE = {"q": export.PROJECT_NS}
QDC = {"c": export.CODEBOOK_NS}

ORIGINAL = "Jolanda Verhoeven (06-12345678) vertelt over het moedercafé in Zwolle."
FIRST_TEXT = (
    "[PERSOON-1] vertelt over het moedercafé 👍 in [LOCATIE-1].\n"
    "Wat werkt: ouders komen elke week terug.\n"
    "Wat kan beter: de ruimte is te klein.\n"
    "=1+1 schreef iemand op het bord.\n"
)
SECOND_TEXT = "Tweede gesprek 😀😀: [PERSOON-2] zegt dat het helpt."
UNAPPROVED_TEXT = "Deze versie is nog niet goedgekeurd."

# Must never leave the platform: original text, the interviewee, the coders' names and
# accounts, the practice's name, a memo, and the text of a version that was not approved.
PLANTED = [
    "Jolanda",
    "Verhoeven",
    "06-12345678",
    "Zwolle",
    "jolanda@example.org",
    "Karin",
    "Smit",
    "ksmit",
    "Pieter",
    "pdevries",
    "De Linde",
    "Memo met een naam",
    "nog niet goedgekeurd",
]


def schema(name: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / name)))


def coder(django_user_model, project, username, first, last):
    user = editor(django_user_model, username)
    user.first_name, user.last_name = first, last
    user.save()
    ProjectMemberFactory(project=project, user=user, role="coder")
    return user


@pytest.fixture
def coded(project, django_user_model):
    karin = coder(django_user_model, project, "ksmit", "Karin", "Smit")
    pieter = coder(django_user_model, project, "pdevries", "Pieter", "de Vries")
    candidate = CandidateFactory(project=project, name="Moedercafé De Linde", akkoord=True)

    element = CodeFactory(
        project=project,
        kind=CodeKind.ELEMENT,
        key="element:twijfels_normaal",
        name="Twijfels zijn normaal",
        description="Ouders horen dat twijfel erbij hoort.",
        sort_order=1,
    )
    wat_beter = CodeFactory(
        project=project, kind=CodeKind.SECTION, key="onderdeel:wat_beter", name="Wat kan beter"
    )
    theme = CodeFactory(
        project=project,
        kind=CodeKind.THEME,
        key="thema:ruimte",
        name="Ruimte",
        parent=wat_beter,
    )
    free = CodeFactory(project=project, key="vrij:bord", name="Het bord")

    first_interview = InterviewFactory(
        candidate=candidate, role=InterviewRole.PROFESSIONAL, mode=InterviewMode.DIGITAAL
    )
    InterviewContactFactory(
        interview=first_interview, name="Jolanda Verhoeven", email="jolanda@example.org"
    )
    first = VerslagVersionFactory(
        verslag__interview=first_interview,
        number=1,
        original_text=ORIGINAL,
        anonymised_text=FIRST_TEXT,
        codable=True,
    )
    second = VerslagVersionFactory(
        verslag__interview=InterviewFactory(candidate=candidate),
        number=1,
        original_text="Pieter de Vries uit Zwolle zegt dat het helpt.",
        anonymised_text=SECOND_TEXT,
        codable=True,
    )
    unapproved = VerslagVersionFactory(
        verslag=second.verslag,
        number=2,
        original_text=ORIGINAL,
        anonymised_text=UNAPPROVED_TEXT,
        released=True,
    )
    live = [
        SegmentFactory(
            version=first,
            code=element,
            coder=karin,
            passage="ouders komen elke week terug",
            is_quote=True,
            memo="Memo met een naam: Jolanda.",
        ),
        SegmentFactory(version=first, code=theme, coder=pieter, passage="de ruimte is te klein"),
        SegmentFactory(
            version=first, code=wat_beter, coder=karin, passage="Wat kan beter: de ruimte"
        ),
        SegmentFactory(version=first, code=free, coder=pieter, passage="=1+1 schreef iemand"),
        SegmentFactory(version=second, code=free, coder=None, passage="het helpt"),
    ]
    removed = SegmentFactory(
        version=first, code=free, coder=karin, passage="moedercafé", removed_at=timezone.now()
    )
    not_codable = SegmentFactory(version=unapproved, code=free, coder=karin, passage="Deze")
    return {
        "codes": {"element": element, "wat_beter": wat_beter, "theme": theme, "free": free},
        "versions": [first, second],
        "unapproved": unapproved,
        "live": live,
        "left_out": [removed, not_codable],
    }


def read_qdpx(content: bytes):
    archive = zipfile.ZipFile(io.BytesIO(content))
    return archive, etree.fromstring(archive.read("project.qde"))


def source_text(archive, source) -> str:
    path = source.get("plainTextPath")
    assert path.startswith("internal://")
    return archive.read("sources/" + path.removeprefix("internal://")).decode("utf-8")


def test_the_codebook_validates_and_puts_themes_under_wat_beter(project, coded):
    content = export.codebook_qdc(project)
    document = etree.fromstring(content)
    schema("Codebook.xsd").assertValid(document)

    wat_beter = document.find(".//c:Code[@name='Wat kan beter']", QDC)
    assert [c.get("name") for c in wat_beter.findall("c:Code", QDC)] == ["Ruimte"]
    top = [c.get("name") for c in document.findall("c:Codes/c:Code", QDC)]
    assert sorted(top) == ["Het bord", "Twijfels zijn normaal", "Wat kan beter"]
    element = document.find(".//c:Code[@name='Twijfels zijn normaal']", QDC)
    assert element.findtext("c:Description", namespaces=QDC) == (
        "Ouders horen dat twijfel erbij hoort."
    )
    assert all(c.get("isCodable") == "true" for c in document.iter(f"{{{export.CODEBOOK_NS}}}Code"))


def test_a_codes_guid_follows_its_key_and_project_not_its_row(project, coded):
    def guids(of_project):
        document = etree.fromstring(export.codebook_qdc(of_project))
        return {
            c.get("name"): c.get("guid") for c in document.iter(f"{{{export.CODEBOOK_NS}}}Code")
        }

    before = guids(project)
    free = coded["codes"]["free"]
    free.segments.all().delete()
    free.delete()
    CodeFactory(project=project, key="vrij:bord", name="Het bord")
    assert guids(project) == before

    other = ResearchProjectFactory()
    CodeFactory(project=other, key="vrij:bord", name="Het bord")
    assert guids(other)["Het bord"] != before["Het bord"]


def test_the_project_file_validates_against_the_project_schema(project, coded):
    content, _material = export.project_qdpx(project)
    archive, document = read_qdpx(content)
    schema("Project.xsd").assertValid(document)
    assert archive.testzip() is None

    sources = document.findall("q:Sources/q:TextSource", QDE)
    assert len(sources) == 2
    names = {source.get("name") for source in sources}
    first_interview = coded["versions"][0].verslag.interview
    assert f"Interview {first_interview.pk} – Professional – versie 1" in names
    users = [user.get("name") for user in document.findall("q:Users/q:User", QDE)]
    assert users == ["Codeur 1", "Codeur 2"]
    codebook = document.findall(".//q:CodeBook//q:Code", QDE)
    assert len(codebook) == 4


def test_offsets_land_on_the_coded_passage_counted_in_unicode_characters(project, coded):
    content, _material = export.project_qdpx(project)
    archive, document = read_qdpx(content)
    by_guid = {export.guid(project.pk, "segment", s.pk): s for s in coded["live"]}
    seen = set()
    past_an_emoji = False
    for source in document.findall("q:Sources/q:TextSource", QDE):
        text = source_text(archive, source)
        for selection in source.findall("q:PlainTextSelection", QDE):
            segment = by_guid[selection.get("guid")]
            start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
            assert text[start:end] == segment.snippet
            reference = selection.find("q:Coding/q:CodeRef", QDE)
            assert reference.get("targetGUID") == export.code_guid(segment.code)
            past_an_emoji |= any(ord(char) > 0xFFFF for char in text[:start])
            seen.add(segment.pk)
    assert seen == {segment.pk for segment in coded["live"]}
    # Characters outside the BMP before a passage: UTF-16 or byte offsets would miss it.
    assert past_an_emoji


def test_the_quote_mark_and_the_coder_go_with_the_selection(project, coded):
    content, _material = export.project_qdpx(project)
    _archive, document = read_qdpx(content)
    users = {u.get("name"): u.get("guid") for u in document.findall("q:Users/q:User", QDE)}
    quote = coded["live"][0]
    selection = document.find(
        f".//q:PlainTextSelection[@guid='{export.guid(project.pk, 'segment', quote.pk)}']", QDE
    )
    assert selection.findtext("q:Description", namespaces=QDE) == "Citaat"
    assert selection.get("creatingUser") == users["Codeur 1"]
    uncoded = coded["live"][-1]
    selection = document.find(
        f".//q:PlainTextSelection[@guid='{export.guid(project.pk, 'segment', uncoded.pk)}']", QDE
    )
    assert selection.get("creatingUser") is None
    assert selection.find("q:Description", QDE) is None


def test_removed_segments_and_unapproved_versions_stay_behind(project, coded):
    content, _material = export.project_qdpx(project)
    archive, document = read_qdpx(content)
    exported = {s.get("guid") for s in document.iter(f"{{{export.PROJECT_NS}}}PlainTextSelection")}
    for segment in coded["left_out"]:
        assert export.guid(project.pk, "segment", segment.pk) not in exported
    assert len([n for n in archive.namelist() if n.startswith("sources/")]) == 2

    csv_content, _material = export.segments_csv(project)
    assert len(csv_content.decode("utf-8-sig").strip().splitlines()) == 1 + len(coded["live"])


def every_exported_text(project) -> str:
    qdpx, _material = export.project_qdpx(project)
    archive = zipfile.ZipFile(io.BytesIO(qdpx))
    parts = [archive.read(name).decode("utf-8") for name in archive.namelist()]
    parts.append(export.codebook_qdc(project).decode("utf-8"))
    parts.append(export.segments_csv(project)[0].decode("utf-8-sig"))
    return "\n".join(parts)


def test_no_original_text_names_or_memos_in_any_exported_file(project, coded):
    text = every_exported_text(project)
    assert "ouders komen elke week terug" in text
    for planted in PLANTED:
        assert planted not in text, planted


def test_the_csv_opens_in_excel_and_does_not_run_formulas(project, coded):
    content, _material = export.segments_csv(project)
    assert content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    header, body = rows[0], rows[1:]
    assert header[5] == "codesleutel"
    assert header[9] == "fragment"
    by_key = {}
    for row in body:
        by_key.setdefault(row[5], []).append(row)
    (quote,) = by_key["element:twijfels_normaal"]
    assert quote[3:5] == ["Professional", "Digitaal"]
    assert quote[9] == "ouders komen elke week terug"
    assert quote[10] == "ja"
    assert quote[11] == "Codeur 1"
    assert {row[9] for row in by_key["vrij:bord"]} == {"'=1+1 schreef iemand", "het helpt"}
    for row in body:
        assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row)


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_that_would_be_a_formula_gets_an_apostrophe(start):
    assert export.safe_cell(f"{start}HYPERLINK(1)") == f"'{start}HYPERLINK(1)"


def test_ordinary_cells_and_numbers_stay_as_they_are():
    assert export.safe_cell("Wat werkt") == "Wat werkt"
    assert export.safe_cell("a=b") == "a=b"
    assert export.safe_cell(12) == 12


DOWNLOADS = [
    "research_project:export",
    "research_project:export_codebook",
    "research_project:export_project",
    "research_project:export_segments",
]


@pytest.mark.parametrize("view", DOWNLOADS)
@pytest.mark.parametrize("persona", ["anonymous", "visitor", "outsider", "member", "beheerder"])
def test_only_members_and_beheer_export_a_project(
    project, coded, member, outsider, visitor_account, beheerder, persona, view
):
    users = {
        "visitor": visitor_account,
        "outsider": outsider,
        "member": member,
        "beheerder": beheerder,
    }
    client = Client() if persona == "anonymous" else logged_in(users[persona])
    response = client.get(reverse(view, args=[project.pk]))
    if persona in ("anonymous", "visitor"):
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]
    elif persona == "outsider":
        assert response.status_code == 404
    else:
        assert response.status_code == 200
        if view != "research_project:export":
            assert response["Content-Disposition"].startswith("attachment;")
            assert {"no-store", "private"} <= set(response["Cache-Control"].split(", "))


def test_the_export_page_counts_what_goes_out_and_links_the_files(project, coded, member_client):
    response = member_client.get(reverse("research_project:export", args=[project.pk]))
    summary = response.content.decode()
    assert "4 codes" in summary
    assert "2 verslagen" in summary
    assert "5 gecodeerde fragmenten" in summary
    assert reverse("research_project:export_project", args=[project.pk]) in summary


def test_a_download_is_logged_with_counts_only(project, coded, member, member_client):
    member_client.get(reverse("research_project:export_project", args=[project.pk]))
    entry = ResearchLog.objects.filter(project=project, object_type="export").get()
    assert entry.actor == member
    assert entry.detail == {"format": "qdpx", "versions": 2, "segments": 5}


def test_an_empty_project_gets_a_message_instead_of_a_file(project, member_client):
    for view in ("research_project:export_project", "research_project:export_codebook"):
        response = member_client.get(reverse(view, args=[project.pk]), follow=True)
        assert response.redirect_chain[-1][0] == reverse(
            "research_project:export", args=[project.pk]
        )
        assert list(response.context["messages"])
    assert not ResearchLog.objects.filter(object_type="export").exists()
