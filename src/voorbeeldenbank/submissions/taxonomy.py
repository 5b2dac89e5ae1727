"""A submission's free-text places and target group, mapped to the bank's vocabularies.

Submitters write places and target groups in their own words. A name matches a term when
they are the same apart from case, accents and spacing ("den haag", "Dén Haag"); names that
match nothing are proposals, which the redactie confirms on the submission screen before
they become places. Target groups are found in the submitter's description of them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import F
from django.utils.text import slugify

from voorbeeldenbank.examples.models import Place, TargetGroup

from .draft import SubmissionContent


def folded(text: str) -> str:
    """Lower case, without accents, single spaces: the form names are compared in."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.casefold().split())


@dataclass
class PlaceMapping:
    keys: list[str] = field(default_factory=list)
    proposals: list[str] = field(default_factory=list)


def _names(term: Place | TargetGroup) -> set[str]:
    return {folded(name) for name in (term.title, term.title_en, term.key) if name}


def map_places(names: list[str]) -> PlaceMapping:
    """Known places by key, in the submitter's order; unknown names as proposals."""
    known = {name: place.key for place in Place.objects.all() for name in _names(place)}
    mapping = PlaceMapping()
    for name in names:
        name = " ".join(str(name).split())[:120]
        if not name:
            continue
        key = known.get(folded(name))
        if key is None:
            if folded(name) not in {folded(p) for p in mapping.proposals}:
                mapping.proposals.append(name)
        elif key not in mapping.keys:
            mapping.keys.append(key)
    return mapping


def target_group_keys(draft: SubmissionContent) -> list[str]:
    """The target groups named in the submitter's description, as whole words."""
    text = folded(draft.target_group)
    keys = []
    for group in TargetGroup.objects.all():
        for name in _names(group):
            # "ouders" also finds "ouder"; a name of a few letters must match as it is.
            forms = {name, name[:-1]} if name.endswith("s") and len(name) > 4 else {name}
            if any(re.search(rf"\b{re.escape(form)}\b", text) for form in forms):
                keys.append(group.key)
                break
    return keys


@transaction.atomic
def create_places(names: list[str]) -> list[Place]:
    """The places the redactie confirmed, each put where it belongs alphabetically."""
    created = []
    for name in names:
        name = " ".join(str(name).split())[:120]
        if not name or map_places([name]).keys:
            continue
        created.append(_insert_place(name))
    return created


def _insert_place(name: str) -> Place:
    key = base = (slugify(name) or "plaats")[:55]
    n = 2
    while Place.objects.filter(key=key).exists():
        key, n = f"{base}-{n}", n + 1
    after = [
        p for p in Place.objects.order_by("sort_order", "title") if folded(p.title) > folded(name)
    ]
    if after:
        position = after[0].sort_order
        # Make room: everything from that place on moves one down, keeping its own order.
        Place.objects.filter(sort_order__gte=position).update(sort_order=F("sort_order") + 1)
    else:
        last = Place.objects.order_by("-sort_order").first()
        position = last.sort_order + 1 if last is not None else 0
    return Place.objects.create(key=key, title=name, sort_order=position)
