"""The demo content against the report's facts (tests/examples/report_facts.json, from the seed)."""

import json
from pathlib import Path

import pytest

from voorbeeldenbank.core import demo
from voorbeeldenbank.core.models import Element
from voorbeeldenbank.examples.models import ExamplePage, InterviewRecord

FACTS = json.loads((Path(__file__).parent / "report_facts.json").read_text(encoding="utf-8"))
MODES = {"fysiek": "fysiek", "digitaal": "digitaal", "fysiek / digitaal": "beide"}

pytestmark = pytest.mark.django_db


def test_it_loads_the_thirteen_examples_of_the_report(demo_content):
    assert sorted(page.slug for page in demo_content) == sorted(FACTS)
    assert all(page.live for page in demo_content)


def test_it_loads_the_eight_elements_in_the_vision_order(demo_content):
    assert list(Element.objects.values_list("key", flat=True)) == [
        "twijfels_normaal",
        "steun_informeel",
        "toegang_laagdrempelig",
        "gelijkwaardigheid",
        "vraag_leidend",
        "brede_context",
        "positieve_zaken",
        "niet_problematiseren",
    ]
    assert all(element.summary and element.title_en for element in Element.objects.all())


@pytest.mark.parametrize("slug", sorted(FACTS))
def test_each_example_has_the_elements_of_its_own_list(demo_content, slug):
    page = ExamplePage.objects.get(slug=slug)
    keys = list(page.example_elements.values_list("element__key", flat=True))
    assert sorted(keys) == sorted(FACTS[slug]["elements"])
    assert len(keys) >= 5
    assert all(link.explanation.strip() for link in page.example_elements.all())


@pytest.mark.parametrize("slug", sorted(FACTS))
def test_each_example_sits_in_the_quadrant_cell_of_the_report(demo_content, slug):
    page = ExamplePage.objects.get(slug=slug)
    assert (page.formality, page.scale) == (FACTS[slug]["formality"], FACTS[slug]["scale"])


@pytest.mark.parametrize("slug", sorted(FACTS))
def test_each_example_fills_every_section_of_the_format(demo_content, slug):
    page = ExamplePage.objects.get(slug=slug)
    for field in ("summary", "deepening", "for_whom", "by_whom", "what_is_needed", "basis"):
        assert getattr(page, field).strip(), field
    assert 60 <= len(page.summary.split()) <= 200
    assert page.what_works.count() >= 1
    assert page.improvements.count() >= 1
    assert page.links.count() + page.contacts.count() >= 1
    assert page.quotes.count() == 0, "the demo content has no quotes"


@pytest.mark.parametrize("slug", sorted(FACTS))
def test_each_example_has_the_interview_mode_of_the_report(demo_content, slug):
    record = InterviewRecord.objects.get(example__slug=slug)
    assert record.mode == MODES[FACTS[slug]["interview_mode"]]
    assert record.roles


def test_pijnacker_nootdorp_is_policy_outside_the_quadrant(demo_content):
    page = ExamplePage.objects.get(slug="pijnacker-nootdorp")
    assert page.kind == "beleid"
    assert page.is_outside_quadrant
    assert InterviewRecord.objects.get(example=page).roles == ["beleid"]


def test_the_maatjesproject_discrepancy_is_kept_as_an_editorial_note(demo_content):
    page = ExamplePage.objects.get(slug="jong-perspectief-maatjesproject")
    assert page.example_elements.count() == 7
    assert FACTS[page.slug]["matrix_plus_count"] == 6
    notes = " ".join(note.text for note in page.editorial_notes.all())
    assert "6" in notes
    assert "7" in notes


def test_loading_twice_changes_nothing(demo_content):
    before = {
        "pages": ExamplePage.objects.count(),
        "elements": Element.objects.count(),
        "links": sum(page.example_elements.count() for page in ExamplePage.objects.all()),
        "records": InterviewRecord.objects.count(),
    }
    demo.load()
    after = {
        "pages": ExamplePage.objects.count(),
        "elements": Element.objects.count(),
        "links": sum(page.example_elements.count() for page in ExamplePage.objects.all()),
        "records": InterviewRecord.objects.count(),
    }
    assert after == before


def test_non_public_contacts_carry_no_personal_address_publicly(demo_content):
    for page in demo_content:
        for contact in page.contacts.filter(is_public=True):
            assert contact.email == "" or not contact.name, (
                f"{page.slug}: a named person's e-mail is marked public"
            )
