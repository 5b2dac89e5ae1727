"""The catalogue's facets as the filter form shows them.

An option that would give no results is shown disabled (with its "(0)") unless it is chosen, so
that it can still be unticked. A long facet shows its options with the most results first and
keeps the rest behind "meer tonen" (a <details> element: it works without JavaScript and under
the strict Content-Security-Policy). Places are listed alphabetically, whatever order the
redactie or a submission's mapping gave them.
"""

from typing import TypedDict

from . import catalogue
from .collation import sort_key

# A facet with more options than this folds the rest away; it then shows this many (at least).
COLLAPSE_OVER = 8
VISIBLE_OPTIONS = 5
# Facets whose options are names, listed alphabetically rather than in the editors' order.
ALPHABETICAL = {"place"}


class FacetOption(TypedDict):
    value: str
    label: str
    count: int
    selected: bool
    disabled: bool


class FacetGroup(TypedDict):
    name: str
    label: str
    # Every option, in display order (the active filters and the counts' updates read these).
    options: list[FacetOption]
    # The same options split into those always shown and those behind "meer tonen".
    visible: list[FacetOption]
    more: list[FacetOption]


def _split(options: list[FacetOption]) -> tuple[list[FacetOption], list[FacetOption]]:
    if len(options) <= COLLAPSE_OVER:
        return options, []
    shown = {option["value"] for option in options if option["selected"]}
    by_count = sorted(options, key=lambda option: -option["count"])
    for option in by_count:
        if len(shown) >= VISIBLE_OPTIONS:
            break
        shown.add(option["value"])
    visible = [option for option in options if option["value"] in shown]
    more = [option for option in options if option["value"] not in shown]
    return visible, more


def facet_groups(
    query: catalogue.CatalogueQuery,
    result: catalogue.CatalogueResult,
    vocabularies: dict[str, list[tuple[str, str]]],
) -> list[FacetGroup]:
    groups: list[FacetGroup] = []
    for name in catalogue.FACETS:
        selected = set(query.selected.get(name, []))
        terms = vocabularies[name]
        if name in ALPHABETICAL:
            terms = sorted(terms, key=lambda term: sort_key(term[1]))
        options: list[FacetOption] = []
        for value, label in terms:
            count = result.counts[name].get(value, 0)
            chosen = value in selected
            options.append(
                {
                    "value": value,
                    "label": label,
                    "count": count,
                    "selected": chosen,
                    "disabled": count == 0 and not chosen,
                }
            )
        visible, more = _split(options)
        groups.append(
            {
                "name": name,
                "label": str(catalogue.FACET_LABELS[name]),
                "options": options,
                "visible": visible,
                "more": more,
            }
        )
    return groups
