"""The combined view: per element the spread of the answers, never just one number."""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import QuerySet

from voorbeeldenbank.core.models import Element

from .constants import SCALE
from .models import Answer, DiscussionQuestion, ElementNote, Response


@dataclass
class Spread:
    # counts[i] answers on scale point i + 1; dont_know apart.
    counts: list[int] = field(default_factory=lambda: [0] * len(SCALE))
    dont_know: int = 0

    def add(self, value: int | None, times: int = 1) -> None:
        if value is None:
            self.dont_know += times
        else:
            self.counts[value - 1] += times

    @property
    def answered(self) -> int:
        return sum(self.counts)

    @property
    def total(self) -> int:
        return self.answered + self.dont_know

    @property
    def average(self) -> float | None:
        if not self.answered:
            return None
        return round(sum((i + 1) * c for i, c in enumerate(self.counts)) / self.answered, 1)

    @property
    def points(self) -> list[tuple[int, str, int]]:
        return [
            (value, str(label), count)
            for (value, label), count in zip(SCALE, self.counts, strict=True)
        ]


@dataclass
class ElementResult:
    element: Element
    spread: Spread
    notes: list[str]
    questions: list[str]


def spreads(answers: QuerySet[Answer]) -> dict[int, Spread]:
    """Spread per element id."""
    found: dict[int, Spread] = {}
    counted = Counter(answers.values_list("statement__element_id", "value"))
    for (element_id, value), count in counted.items():
        found.setdefault(element_id, Spread()).add(value, count)
    return found


def element_results(responses: QuerySet[Response]) -> list[ElementResult]:
    by_element = spreads(Answer.objects.filter(response__in=responses))
    notes: dict[int, list[str]] = {}
    for element_id, text in (
        ElementNote.objects.filter(response__in=responses)
        .order_by("pk")
        .values_list("element_id", "text")
    ):
        notes.setdefault(element_id, []).append(text)
    questions: dict[int, list[str]] = {}
    for question in DiscussionQuestion.objects.all():
        questions.setdefault(question.element_id, []).append(question.text)
    return [
        ElementResult(
            element=element,
            spread=by_element.get(element.pk, Spread()),
            notes=notes.get(element.pk, []),
            questions=questions.get(element.pk, []),
        )
        for element in Element.objects.all()
    ]
