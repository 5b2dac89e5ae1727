"""Search and facets of the catalogue, shared by the web pages and the API.

Facets combine: every selected element must be present; within any other facet the selected
values are alternatives, and different facets must all hold. Counts per facet value are taken
over the results of all *other* facets (so a chosen kind does not hide the other kinds' counts);
for elements, over the current results. The work is done on in-memory bitmaps (bitmaps.py).
"""

from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from voorbeeldenbank.core.models import Element

from . import bitmaps
from .constants import AGE_MAX, AGE_MIN, EffectivenessLevel, Formality, Kind, Scale
from .models import Place, TargetGroup, Topic
from .search import hybrid, synonyms
from .search.hybrid import DEFAULT_MODE, MODES

SORTS = ("relevance", "newest", "az")
MODE_LABELS = {
    "hybrid": gettext_lazy("Woorden en betekenis"),
    "lexical": gettext_lazy("Alleen de woorden"),
    "semantic": gettext_lazy("Alleen de betekenis"),
}
SORT_LABELS = {
    "relevance": gettext_lazy("Best passend"),
    "newest": gettext_lazy("Nieuwste eerst"),
    "az": gettext_lazy("Naam (A–Z)"),
}
ALL_OF = ("element",)
ANY_OF = ("formality", "scale", "kind", "effectiveness", "target", "topic", "place")
FACETS = ALL_OF + ANY_OF
FACET_LABELS = {
    "element": gettext_lazy("Elementen (alle gekozen aanwezig)"),
    "formality": gettext_lazy("Informeel of formeel"),
    "scale": gettext_lazy("Individueel of collectief"),
    "kind": gettext_lazy("Soort"),
    "effectiveness": gettext_lazy("Erkenning als effectief"),
    "target": gettext_lazy("Doelgroep"),
    "topic": gettext_lazy("Onderwerp"),
    "place": gettext_lazy("Plaats"),
}


def facet_vocabularies() -> dict[str, list[tuple[str, str]]]:
    """Allowed values per facet, with their labels in the active language, in display order."""
    return {
        "element": [(e.key, e.display_short_title) for e in Element.objects.all()],
        "formality": [(value, str(label)) for value, label in Formality.choices],
        "scale": [(value, str(label)) for value, label in Scale.choices],
        "kind": [(value, str(label)) for value, label in Kind.choices],
        "effectiveness": [(value, str(label)) for value, label in EffectivenessLevel.choices],
        "target": [(t.key, t.display_title) for t in TargetGroup.objects.all()],
        "topic": [(t.key, t.display_title) for t in Topic.objects.all()],
        "place": [(t.key, t.display_title) for t in Place.objects.all()],
    }


@dataclass
class CatalogueQuery:
    q: str = ""
    selected: dict[str, list[str]] = field(default_factory=dict)
    age: int | None = None
    mode: str = DEFAULT_MODE
    # "" means the default: by relevance with search words, by name without.
    sort: str = ""
    errors: list[str] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.q and self.age is None and not any(self.selected.values())

    @property
    def effective_sort(self) -> str:
        if self.sort == "relevance" and not self.q:
            return "az"
        return self.sort or ("relevance" if self.q else "az")


def parse_query(
    params: QueryDict, vocabularies: dict[str, list[tuple[str, str]]]
) -> CatalogueQuery:
    """Read the catalogue's filters from a query string; drop unknown values with a message."""
    query = CatalogueQuery()
    raw_q = " ".join(params.get("q", "").split())
    limit = settings.SEARCH_MAX_QUERY_LENGTH
    if len(raw_q) > limit:
        query.errors.append(
            _("Uw zoekopdracht was langer dan %(limit)s tekens en is ingekort.") % {"limit": limit}
        )
        raw_q = raw_q[:limit]
    query.q = raw_q
    for name in FACETS:
        allowed = {value for value, _label in vocabularies[name]}
        chosen: list[str] = []
        for value in params.getlist(name):
            if value in allowed and value not in chosen:
                chosen.append(value)
            elif value not in allowed:
                query.errors.append(
                    _("Het filter '%(facet)s' kent de waarde '%(value)s' niet; het is genegeerd.")
                    % {"facet": FACET_LABELS[name], "value": value[:40]}
                )
        query.selected[name] = chosen
    mode = params.get("mode", "")
    if mode in MODES:
        query.mode = mode
    elif mode:
        query.errors.append(
            _("De zoekwijze '%(value)s' bestaat niet; er is gezocht op woorden en betekenis.")
            % {"value": mode[:40]}
        )
    sort = params.get("sort", "")
    if sort in SORTS:
        query.sort = sort
    elif sort:
        query.errors.append(
            _("De sortering '%(value)s' bestaat niet; de standaardvolgorde is gebruikt.")
            % {"value": sort[:40]}
        )
    raw_age = params.get("age", "").strip()
    if raw_age:
        # isascii + length: int() refuses "²" and strings over 4300 digits (a 500 otherwise).
        is_number = raw_age.isascii() and raw_age.isdigit() and len(raw_age) <= 3
        if is_number and AGE_MIN <= int(raw_age) <= AGE_MAX:
            query.age = int(raw_age)
        else:
            query.errors.append(
                _("Leeftijd moet een heel getal zijn van %(min)s tot en met %(max)s.")
                % {"min": AGE_MIN, "max": AGE_MAX}
            )
    return query


@dataclass
class CatalogueResult:
    ids: list[int]
    counts: dict[str, Counter]
    # The ranking behind a search (None without search words): why each result was found.
    ranking: hybrid.Ranking | None = None
    # The positions the search found before any filter, as a bitmap: the zero-results page
    # counts what each filter would leave.
    found: int = 0
    # The facet snapshot the result was computed on (positions in `ranking` refer to it).
    index: bitmaps.Snapshot | None = None

    @property
    def total(self) -> int:
        return len(self.ids)

    @property
    def snapshot(self) -> bitmaps.Snapshot:
        return self.index or bitmaps.current()


def run(query: CatalogueQuery) -> CatalogueResult:
    index = bitmaps.current()
    ranking = None
    base = index.everything
    if query.q:
        ranking = hybrid.rank(index, query.q, query.mode, synonyms.current(index.version))
    if ranking is not None and not ranking.terms and not ranking.names:
        # Only stop words ("de het een"): nothing to search for, so everything is shown.
        ranking = None
    if ranking is not None:
        base = index.bitmap_of_positions(ranking.positions)
    found = base
    if query.age is not None:
        base &= index.ages.get(query.age, 0)
    for key in query.selected.get("element", []):
        base &= index.posting(f"element:{key}")

    # One bitmap per facet in use: the examples that satisfy that facet.
    satisfied = {
        name: _union(index, name, values) for name in ANY_OF if (values := query.selected.get(name))
    }
    results = base
    for bitmap in satisfied.values():
        results &= bitmap

    counts: dict[str, Counter] = {}
    for name in FACETS:
        # A facet's counts ignore its own selection, so alternatives stay visible.
        scope = base
        for other, bitmap in satisfied.items():
            if other != name:
                scope &= bitmap
        counts[name] = Counter(
            {
                key.partition(":")[2]: (scope & bitmap).bit_count()
                for key, bitmap in index.postings.items()
                if key.startswith(f"{name}:")
            }
        )

    order = _ordered(index, results, query, ranking)
    return CatalogueResult(
        ids=[index.ids[position] for position in order],
        counts=counts,
        ranking=ranking,
        found=found,
        index=index,
    )


def _ordered(
    index: bitmaps.Snapshot, results: int, query: CatalogueQuery, ranking: hybrid.Ranking | None
) -> list[int]:
    sort = query.effective_sort
    if sort == "relevance" and ranking is not None:
        return [p for p in ranking.positions if results >> p & 1]
    if sort == "newest":
        return [p for p in index.newest if results >> p & 1]
    return index.positions_of(results)


def _union(index: bitmaps.Snapshot, name: str, values: list[str]) -> int:
    bitmap = 0
    for value in values:
        bitmap |= index.posting(f"{name}:{value}")
    return bitmap


@dataclass(frozen=True)
class Constraint:
    """One filter in use: a facet (with its chosen values), one element, or the age."""

    name: str
    values: tuple[str, ...]
    bitmap: int


def constraints(query: CatalogueQuery, index: bitmaps.Snapshot) -> list[Constraint]:
    found: list[Constraint] = []
    for key in query.selected.get("element", []):
        found.append(Constraint("element", (key,), index.posting(f"element:{key}")))
    for name in ANY_OF:
        if values := query.selected.get(name):
            found.append(Constraint(name, tuple(values), _union(index, name, values)))
    if query.age is not None:
        found.append(Constraint("age", (str(query.age),), index.ages.get(query.age, 0)))
    return found


def counts_without_each_filter(
    query: CatalogueQuery, result: CatalogueResult
) -> list[tuple[Constraint, int]]:
    """For each filter in use: how many results there would be without it, most first."""
    active = constraints(query, result.snapshot)
    counted = []
    for left_out in active:
        bitmap = result.found if result.ranking is not None else result.snapshot.everything
        for other in active:
            if other is not left_out:
                bitmap &= other.bitmap
        counted.append((left_out, bitmap.bit_count()))
    return sorted(counted, key=lambda item: -item[1])
