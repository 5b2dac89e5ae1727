"""Submissions in every state, with traits: `SubmissionFactory(submitted=True)` and so on.

States from "akkoord redactie" on get their draft example page, made the way the workflow makes it.
"""

import secrets

import factory
from django.utils import timezone

from voorbeeldenbank.core.constants import ELEMENT_KEYS
from voorbeeldenbank.submissions.constants import State
from voorbeeldenbank.submissions.models import Submission
from voorbeeldenbank.submissions.tokens import hash_token, token_expiry

PAGE_STATES = {
    State.AKKOORD_REDACTIE,
    State.TER_GOEDKEURING,
    State.GOEDGEKEURD,
    State.GEPUBLICEERD,
}


def complete_content(elements: int = 6) -> dict:
    keys = ELEMENT_KEYS
    return {
        "title": "Koffieochtend voor nieuwe ouders",
        "short_name": "Koffieochtend",
        "kind": "initiatief",
        "since_year": 2020,
        "places": ["Zoetermeer"],
        "organisations": ["Buurthuis De Linde"],
        "target_group": "Ouders met een baby in de wijk",
        "age_min": 0,
        "age_max": 4,
        "formality": "informeel",
        "scale": "collectief",
        "summary": "Elke week drinken ouders samen koffie en praten over wat ze tegenkomen.",
        "for_whom": "Voor ouders van jonge kinderen.",
        "by_whom": "Vrijwilligers uit de buurt, met een jeugdverpleegkundige op afroep.",
        "what_is_needed": "Een ruimte, koffie en twee vrijwilligers.",
        "deepening": "Ouders komen binnenlopen wanneer het hun uitkomt.",
        "elements": {
            key: {"present": True, "explanation": f"Zo zie je {key} terug."}
            for key in keys[:elements]
        },
        "what_works": ["Geen aanmelding nodig"],
        "improvements": ["Vaders bereiken"],
        "links": [{"title": "Buurthuis", "url": "https://example.org/buurthuis"}],
        "contact": {"name": "Buurthuis De Linde", "email": "info@example.org"},
        "approver": {"name": "Carla Contact", "email": "carla@example.org"},
    }


def at(state: str) -> factory.Trait:
    """A trait for a submission that has been submitted and is now in `state`."""
    return factory.Trait(state=state, submitted_at=factory.LazyFunction(timezone.now))


class SubmissionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Submission

    submitter_name = "Ivo Indiener"
    submitter_email = factory.Sequence(lambda n: f"indiener{n}@example.org")
    consent_at = factory.LazyFunction(timezone.now)
    privacy_version = "2026-1"
    token_expires = factory.LazyFunction(token_expiry)
    content = factory.LazyFunction(complete_content)
    state = State.CONCEPT

    class Params:
        submitted = at(State.INGEDIEND)
        in_review = at(State.IN_BEHANDELING)
        more_info = at(State.AANVULLING_GEVRAAGD)
        accepted = at(State.AKKOORD_REDACTIE)
        awaiting_contact = at(State.TER_GOEDKEURING)
        approved = at(State.GOEDGEKEURD)
        rejected = at(State.AFGEWEZEN)
        few_elements = factory.Trait(content=factory.LazyFunction(lambda: complete_content(3)))

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        token = secrets.token_urlsafe(32)
        kwargs["token_hash"] = hash_token(token)
        submission = super()._create(model_class, *args, **kwargs)
        submission.raw_token = token
        if submission.state in PAGE_STATES and submission.example_page is None:
            from voorbeeldenbank.submissions.conversion import create_draft_page

            submission.example_page = create_draft_page(submission, None)
            submission.save(update_fields=["example_page"])
        return submission
