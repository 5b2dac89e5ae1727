"""The selection board: candidates and published examples on the quadrant, and the gaps."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q

from voorbeeldenbank.examples.constants import Formality, Scale
from voorbeeldenbank.examples.models import ExamplePage, Place, TargetGroup

from .constants import ACTIVE_STATES
from .models import Candidate, ResearchProject


@dataclass
class Cell:
    formality: str
    scale: str
    candidates: list[Candidate] = field(default_factory=list)
    examples: list[Any] = field(default_factory=list)

    @property
    def active_count(self) -> int:
        return sum(1 for candidate in self.candidates if candidate.state in ACTIVE_STATES)

    @property
    def is_gap(self) -> bool:
        return not self.examples and not self.active_count


@dataclass
class Row:
    formality: str
    label: Any
    cells: list[Cell]


@dataclass
class Spread:
    label: Any
    candidates: int
    examples: int


def grid(project: ResearchProject) -> list[Row]:
    cells: dict[tuple[str, str], Cell] = {
        (f, s): Cell(f, s) for f in Formality.values for s in Scale.values
    }
    for candidate in project.candidates.order_by("name", "pk"):
        cell = cells.get((candidate.formality, candidate.scale))
        if cell is not None:
            cell.candidates.append(candidate)
    examples = ExamplePage.objects.live().only("title", "formality", "scale").order_by("title")
    for example in examples:
        cell = cells.get((example.formality, example.scale))
        if cell is not None:
            cell.examples.append(example)
    return [Row(f, label, [cells[(f, s)] for s in Scale.values]) for f, label in Formality.choices]


Term = type[TargetGroup] | type[Place]


def _spread(model: Term, field: str, project: ResearchProject, only_used: bool) -> list[Spread]:
    """Active candidates of the project and published examples per term."""
    through = Candidate._meta.get_field(field).remote_field.through  # type: ignore[union-attr]
    column = f"{model._meta.model_name}_id"
    candidates = dict(
        through.objects.filter(candidate__project=project, candidate__state__in=ACTIVE_STATES)
        .values_list(column)
        .annotate(n=Count("candidate_id"))
        .values_list(column, "n")
    )
    examples = dict(
        model.objects.annotate(
            n=Count("examples", filter=Q(examples__live=True), distinct=True)
        ).values_list("pk", "n")
    )
    rows = []
    for term in model.objects.all():
        row = Spread(term.title, candidates.get(term.pk, 0), examples.get(term.pk, 0))
        if only_used and not row.candidates and not row.examples:
            continue
        rows.append(row)
    return rows


def target_group_spread(project: ResearchProject) -> list[Spread]:
    return _spread(TargetGroup, "target_groups", project, only_used=False)


def region_spread(project: ResearchProject) -> list[Spread]:
    return _spread(Place, "places", project, only_used=True)


def scale_labels() -> list[tuple[str, Any]]:
    return list(Scale.choices)
