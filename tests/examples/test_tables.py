import pytest

from tests.factories import ExamplePageFactory
from voorbeeldenbank.examples import tables
from voorbeeldenbank.examples.constants import Formality, Scale

pytestmark = pytest.mark.django_db


def cell(data, scale, formality):
    row = next(r for r in data["rows"] if r["scale"] == scale)
    return {e.slug for c in row["cells"] if c["formality"] == formality for e in c["examples"]}


def test_the_quadrant_places_every_example_once(demo_content):
    data = tables.quadrant()
    placed = [e.slug for row in data["rows"] for c in row["cells"] for e in c["examples"]]
    placed += [e.slug for e in data["outside"]]
    assert sorted(placed) == sorted(p.slug for p in demo_content)
    assert [e.slug for e in data["outside"]] == ["pijnacker-nootdorp"]


def test_the_quadrant_cells_match_the_report(demo_content):
    data = tables.quadrant()
    assert cell(data, Scale.COLLECTIEF, Formality.INFORMEEL) == {"ervaringscafe", "ouderkamer"}
    assert cell(data, Scale.COLLECTIEF, Formality.FORMEEL) == {"het-begint-bij-mij"}
    assert cell(data, Scale.INDIVIDUEEL, Formality.FORMEEL) == {
        "ease",
        "giz",
        "pinkies",
        "duo-coaching",
    }


def test_a_mix_example_gets_its_own_row_only_when_there_is_one(demo_content):
    assert all(row["scale"] != Scale.MIX for row in tables.quadrant()["rows"])
    ExamplePageFactory(title="Gemengd", formality=Formality.MIX, scale=Scale.MIX)
    data = tables.quadrant()
    assert Formality.MIX in data["columns"]
    assert cell(data, Scale.MIX, Formality.MIX)


def test_the_matrix_counts_rows_and_columns(demo_content):
    data = tables.matrix()
    assert len(data["rows"]) == 13
    by_slug = {row["example"].slug: row for row in data["rows"]}
    assert by_slug["pinkies"]["count"] == 5
    assert by_slug["jong-perspectief-maatjesproject"]["count"] == 7
    assert all(row["meets_threshold"] for row in data["rows"])
    for i, element in enumerate(data["elements"]):
        assert data["column_counts"][i] == element.example_links.filter(page__live=True).count()


def test_the_matrix_flags_an_example_below_five(demo_content):
    ExamplePageFactory(title="Weinig elementen", elements=("gelijkwaardigheid", "vraag_leidend"))
    row = next(r for r in tables.matrix()["rows"] if r["example"].title == "Weinig elementen")
    assert row["count"] == 2
    assert not row["meets_threshold"]


def test_the_interviews_table_counts_roles_and_modes(demo_content):
    data = tables.interviews()
    assert len(data["rows"]) == 13
    beleid = [r["example"].slug for r in data["rows"] if r["marks"][-1]]
    assert "pijnacker-nootdorp" in beleid
    assert data["total_interviews"] == sum(r["count"] for r in data["rows"])
    assert sum(n for _label, n in data["mode_counts"]) == 13


def test_drafts_stay_out_of_every_table(demo_content):
    ExamplePageFactory(title="Concept", draft=True, elements=("gelijkwaardigheid",))
    assert all(r["example"].title != "Concept" for r in tables.matrix()["rows"])
    assert tables.quadrant()["total"] == 13


def test_short_names_are_written_out_in_the_tables(client, demo_content):
    from django.utils.html import escape

    from voorbeeldenbank.examples import tables

    for path, data in [("/kwadrant/", tables.quadrant()), ("/elementenmatrix/", tables.matrix())]:
        assert data["abbreviated"], path
        html = client.get(path).content.decode()
        legend = html.split('id="short-names-heading"')[1]
        for page in data["abbreviated"]:
            abbr = f'<abbr title="{escape(page.title)}">{escape(page.short_name)}</abbr>'
            assert abbr in html, (path, page)
            assert escape(page.title) in legend, (path, page)
