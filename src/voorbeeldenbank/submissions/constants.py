"""Workflow states, actors and the transition table: the single source of who may do what."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class State(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    INGEDIEND = "ingediend", _("Ingediend")
    IN_BEHANDELING = "in_behandeling", _("In behandeling")
    AANVULLING_GEVRAAGD = "aanvulling_gevraagd", _("Aanvulling gevraagd")
    AKKOORD_REDACTIE = "akkoord_redactie", _("Akkoord redactie")
    TER_GOEDKEURING = "ter_goedkeuring", _("Ter goedkeuring bij contactpersoon")
    GOEDGEKEURD = "goedgekeurd", _("Goedgekeurd")
    GEPUBLICEERD = "gepubliceerd", _("Gepubliceerd")
    AFGEWEZEN = "afgewezen", _("Afgewezen")


class Actor(models.TextChoices):
    SUBMITTER = "indiener", _("Indiener")
    REDACTIE = "redactie", _("Redactie")
    CONTACT = "contactpersoon", _("Contactpersoon")
    SYSTEM = "systeem", _("Systeem")


# (from, to) -> the actors that may make that move. Anything not listed is refused.
TRANSITIONS: dict[tuple[str, str], frozenset[str]] = {
    (State.CONCEPT, State.INGEDIEND): frozenset({Actor.SUBMITTER}),
    (State.INGEDIEND, State.IN_BEHANDELING): frozenset({Actor.REDACTIE}),
    (State.INGEDIEND, State.AFGEWEZEN): frozenset({Actor.REDACTIE}),
    (State.IN_BEHANDELING, State.AANVULLING_GEVRAAGD): frozenset({Actor.REDACTIE}),
    (State.IN_BEHANDELING, State.AKKOORD_REDACTIE): frozenset({Actor.REDACTIE}),
    (State.IN_BEHANDELING, State.AFGEWEZEN): frozenset({Actor.REDACTIE}),
    (State.AANVULLING_GEVRAAGD, State.INGEDIEND): frozenset({Actor.SUBMITTER}),
    (State.AANVULLING_GEVRAAGD, State.AFGEWEZEN): frozenset({Actor.REDACTIE}),
    (State.AKKOORD_REDACTIE, State.TER_GOEDKEURING): frozenset({Actor.REDACTIE}),
    (State.AKKOORD_REDACTIE, State.IN_BEHANDELING): frozenset({Actor.REDACTIE}),
    (State.AKKOORD_REDACTIE, State.AFGEWEZEN): frozenset({Actor.REDACTIE}),
    # The contact person approves or asks for changes; the redactie may withdraw a round.
    (State.TER_GOEDKEURING, State.GOEDGEKEURD): frozenset({Actor.CONTACT}),
    (State.TER_GOEDKEURING, State.AKKOORD_REDACTIE): frozenset({Actor.CONTACT, Actor.REDACTIE}),
    # Changing the text after approval needs a new approval round.
    (State.GOEDGEKEURD, State.AKKOORD_REDACTIE): frozenset({Actor.REDACTIE}),
    (State.GOEDGEKEURD, State.GEPUBLICEERD): frozenset({Actor.SYSTEM}),
}

# The submitter may change the content only in these states.
EDITABLE_STATES = frozenset({State.CONCEPT, State.AANVULLING_GEVRAAGD})
# The redactie may change the content (before it became a page) in these states.
REVIEW_EDITABLE_STATES = frozenset(
    {State.INGEDIEND, State.IN_BEHANDELING, State.AANVULLING_GEVRAAGD}
)
FINAL_STATES = frozenset({State.GEPUBLICEERD, State.AFGEWEZEN})
