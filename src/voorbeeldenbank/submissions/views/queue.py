"""Filters of the review queue: by state and by how long a submission has waited."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from voorbeeldenbank.core.constants import EmailStatus
from voorbeeldenbank.core.models import OutgoingEmail

from ..constants import REDACTIE_TURN_STATES, State
from ..models import Submission, Transition

AGES = [
    ("", _("Elke wachttijd")),
    ("7", _("Ouder dan een week")),
    ("30", _("Ouder dan 30 dagen")),
    ("90", _("Ouder dan 90 dagen")),
]
# Drafts belong to the submitter; the queue starts at "ingediend" unless asked otherwise.
DEFAULT_STATES = [
    s for s in State.values if s not in (State.CONCEPT, State.GEPUBLICEERD, State.AFGEWEZEN)
]


def filtered(state: str, age: str) -> QuerySet[Submission]:
    submissions = Submission.objects.all()
    if state in State.values:
        submissions = submissions.filter(state=state)
    elif state != "alle":
        submissions = submissions.filter(state__in=DEFAULT_STATES)
    if age.isdigit():
        cutoff = timezone.now() - timedelta(days=int(age))
        submissions = submissions.filter(submitted_at__lte=cutoff)
    undelivered = OutgoingEmail.objects.filter(
        content_type=ContentType.objects.get_for_model(Submission),
        object_id=OuterRef("pk"),
        status=EmailStatus.FAILED,
    )
    return submissions.annotate(has_undelivered_email=Exists(undelivered)).order_by(
        "submitted_at", "created"
    )


def waiting_by_state(per_state: int = 5) -> list[dict]:
    """The open states with how many wait in each and the longest waiting first.

    A submission waits from the moment it entered its state, not from its last edit.
    """
    entered = Transition.objects.filter(
        submission=OuterRef("pk"), to_state=OuterRef("state")
    ).order_by("-created", "-pk")
    open_ones = Submission.objects.filter(state__in=DEFAULT_STATES).annotate(
        entered=Subquery(entered.values("created")[:1])
    )
    groups = []
    for state in DEFAULT_STATES:
        in_state = open_ones.filter(state=state)
        count = in_state.count()
        if count:
            groups.append(
                {
                    "state": state,
                    "label": State(state).label,
                    "count": count,
                    "redactie_turn": state in REDACTIE_TURN_STATES,
                    "oldest": list(in_state.order_by("entered", "created")[:per_state]),
                }
            )
    return groups


def redactie_turn_count() -> int:
    return Submission.objects.filter(state__in=REDACTIE_TURN_STATES).count()
