"""The overview across sessions whose leaders opted in, shown only from AGGREGATE_MIN_SESSIONS
contributing sessions on: fewer could let a reader recognise one team."""

from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from voorbeeldenbank.core.models import Element

from .constants import AGGREGATE_MIN_SESSIONS, OrganisationKind
from .models import Answer, ReflectionSession
from .results import Spread, spreads


@dataclass
class KindColumn:
    kind: str
    label: str
    sessions: int
    shown: bool
    spreads: dict[int, Spread]


@dataclass
class Row:
    element: Element
    overall: Spread
    # Per kind column; None where too few sessions of that kind contribute.
    by_kind: list[Spread | None]


@dataclass
class Overview:
    sessions: int
    shown: bool
    kinds: list[KindColumn]
    rows: list[Row]


def contributing() -> list[int]:
    """Closed sessions only: an open one's numbers still change while its team watches."""
    closed = Q(closed_on__isnull=False) | Q(closes_on__lt=timezone.localdate())
    return list(
        ReflectionSession.objects.filter(closed, in_overview=True, responses__isnull=False)
        .distinct()
        .values_list("pk", flat=True)
    )


def overview(minimum: int = AGGREGATE_MIN_SESSIONS) -> Overview:
    session_ids = contributing()
    answers = Answer.objects.filter(response__session_id__in=session_ids)
    shown = len(session_ids) >= minimum
    kinds = []
    if shown:
        for kind in OrganisationKind:
            of_kind = answers.filter(response__organisation_kind=kind.value)
            count = of_kind.values("response__session_id").distinct().count()
            kinds.append(
                KindColumn(
                    kind=kind.value,
                    label=str(kind.label),
                    sessions=count,
                    shown=count >= minimum,
                    spreads=spreads(of_kind) if count >= minimum else {},
                )
            )
    overall = spreads(answers) if shown else {}
    rows = (
        [
            Row(
                element=element,
                overall=overall.get(element.pk, Spread()),
                by_kind=[
                    column.spreads.get(element.pk, Spread()) if column.shown else None
                    for column in kinds
                ],
            )
            for element in Element.objects.all()
        ]
        if shown
        else []
    )
    return Overview(sessions=len(session_ids), shown=shown, kinds=kinds, rows=rows)
