"""What the catalogue offers when a search finds nothing: the results without the filter
that emptied the list, a spelling the bank knows, and the examples closest in meaning."""

from dataclasses import dataclass

from django.http import HttpRequest, QueryDict
from django.utils.translation import gettext as _

from voorbeeldenbank.core.text import TOKEN_RE, lemma

from .. import catalogue, semantic
from ..models import ExamplePage
from ..search import suggestions

CLOSEST = 3


@dataclass(frozen=True)
class Option:
    label: str
    count: int
    url: str


def _url(request: HttpRequest, params: QueryDict) -> str:
    params.pop("page", None)
    query = params.urlencode()
    return f"{request.path}?{query}" if query else request.path


def _label(constraint: catalogue.Constraint, vocabularies) -> str:
    if constraint.name == "age":
        return _("Leeftijd: %(age)s jaar") % {"age": constraint.values[0]}
    labels = dict(vocabularies[constraint.name])
    values = ", ".join(labels.get(value, value) for value in constraint.values)
    return f"{catalogue.FACET_LABELS[constraint.name]}: {values}"


def without_filters(request, query, result, vocabularies) -> list[Option]:
    options = []
    for constraint, count in catalogue.counts_without_each_filter(query, result):
        if not count:
            continue
        params = request.GET.copy()
        if constraint.name == "element":
            params.setlist(
                "element", [v for v in params.getlist("element") if v != constraint.values[0]]
            )
        else:
            params.pop(constraint.name, None)
        options.append(Option(_label(constraint, vocabularies), count, _url(request, params)))
    return options


def spelling(request, query, result) -> Option | None:
    """The query with each word the bank does not know replaced by the closest one it knows."""
    if result.ranking is None:
        return None
    replacements = suggestions.spelling(result.snapshot, result.ranking.terms)
    if not replacements:
        return None

    def replace(match) -> str:
        word = match.group(0)
        return replacements.get(lemma(word), word)

    suggested = TOKEN_RE.sub(replace, query.q)
    params = request.GET.copy()
    params["q"] = suggested
    return Option(suggested, 0, _url(request, params))


def closest(query) -> list[ExamplePage]:
    """The examples closest in meaning to the search words, whatever the filters."""
    hits = semantic.rank(query.q, limit=CLOSEST)
    pages = ExamplePage.objects.live().public().in_bulk([hit.page_id for hit in hits])
    return [pages[hit.page_id] for hit in hits if hit.page_id in pages]


def advice(request, query, result, vocabularies) -> dict[str, object]:
    if result.total or query.is_empty:
        return {}
    return {
        "without_filters": without_filters(request, query, result, vocabularies),
        "spelling": spelling(request, query, result),
        "closest": closest(query) if query.q else [],
    }
