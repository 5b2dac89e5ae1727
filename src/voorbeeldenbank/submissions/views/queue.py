"""Filters of the review queue: by state and by how long a submission has waited."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from voorbeeldenbank.core.constants import EmailStatus
from voorbeeldenbank.core.models import OutgoingEmail

from ..constants import State
from ..models import Submission

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
