"""The selection board: candidates and published examples per cell of the quadrant, the gaps,
and the spread over target groups and regions."""

import pytest
from django.urls import reverse

from tests.factories import ExamplePageFactory
from voorbeeldenbank.examples.constants import Formality, Scale
from voorbeeldenbank.examples.models import ExamplePage, Place, TargetGroup
from voorbeeldenbank.research import board

from .factories import CandidateFactory

pytestmark = pytest.mark.django_db


def cell(rows, formality, scale):
    for row in rows:
        for found in row.cells:
            if (found.formality, found.scale) == (formality, scale):
                return found
    raise AssertionError((formality, scale))


def test_the_grid_has_every_combination_of_both_dimensions(project, demo_content):
    rows = board.grid(project)
    assert [row.formality for row in rows] == list(Formality.values)
    assert all([c.scale for c in row.cells] == list(Scale.values) for row in rows)


def test_published_examples_sit_in_their_cell(project, demo_content):
    rows = board.grid(project)
    for example in demo_content:
        placed_here = cell(rows, example.formality, example.scale).examples
        assert example.title in {e.title for e in placed_here}
    placed = sum(len(c.examples) for row in rows for c in row.cells)
    assert placed == ExamplePage.objects.live().count()


def test_a_cell_without_examples_or_active_candidates_is_a_gap(project, demo_content):
    empty = [
        (f, s)
        for f in Formality.values
        for s in Scale.values
        if not ExamplePage.objects.live().filter(formality=f, scale=s).exists()
    ]
    assert empty, "the demo content fills every cell; pick another combination"
    formality, scale = empty[0]
    CandidateFactory(project=project, formality=formality, scale=scale, afgevallen=True)
    assert cell(board.grid(project), formality, scale).is_gap
    CandidateFactory(project=project, formality=formality, scale=scale, benaderd=True)
    filled = cell(board.grid(project), formality, scale)
    assert not filled.is_gap
    assert filled.active_count == 1
    assert len(filled.candidates) == 2


def test_drafts_do_not_count_as_examples(project, demo_content):
    draft = ExamplePageFactory(
        draft=True, title="Conceptvoorbeeld", formality=Formality.MIX, scale=Scale.MIX
    )
    rows = board.grid(project)
    assert draft.title not in {e.title for e in cell(rows, Formality.MIX, Scale.MIX).examples}


def test_the_spread_counts_active_candidates_and_live_examples(project, demo_content):
    group = TargetGroup.objects.first()
    place = Place.objects.first()
    active = CandidateFactory(project=project)
    active.target_groups.add(group)
    active.places.add(place)
    dropped = CandidateFactory(project=project, afgevallen=True)
    dropped.target_groups.add(group)
    groups = {row.label: row for row in board.target_group_spread(project)}
    assert groups[group.title].candidates == 1
    assert groups[group.title].examples == group.examples.live().count()
    regions = {row.label: row for row in board.region_spread(project)}
    assert regions[place.title].candidates == 1


def test_the_board_page_is_a_table_with_headers_and_marks_gaps(
    member_client, project, demo_content
):
    CandidateFactory(project=project, name="Opvoedsteunpunt Oost", formality="formeel", scale="mix")
    response = member_client.get(reverse("research_project:board", args=[project.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('<th scope="col">') >= len(Scale.values)
    assert html.count('<th scope="row">') >= len(Formality.values)
    assert "Opvoedsteunpunt Oost" in html
    gaps = sum(c.is_gap for row in board.grid(project) for c in row.cells)
    assert html.count("research-board__cell--gap") == gaps
    assert "style=" not in html.split("<main", 1)[-1]
    assert "<script>" not in html.split("<main", 1)[-1]
