"""Download links (CSV / JSON) and the content licence, for the catalogue and matrix pages."""

from typing import Any

from django import template
from django.http import QueryDict
from django.urls import reverse

from voorbeeldenbank.examples import catalogue

from ..responses import licence

register = template.Library()


def query_string(query: catalogue.CatalogueQuery | None) -> str:
    """The catalogue's filters as the page parsed them, not as typed: values the page ignored
    would make the strict download answer with an error instead of a file."""
    params = QueryDict(mutable=True)
    if query is not None:
        if query.q:
            params["q"] = query.q
        for name in catalogue.FACETS:
            if values := query.selected.get(name):
                params.setlist(name, values)
        if query.age is not None:
            params["age"] = str(query.age)
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else ""


def _links(url_name: str, suffix: str = "") -> dict[str, str]:
    return {
        extension: reverse(url_name, kwargs={"extension": extension}) + suffix
        for extension in ("csv", "json")
    }


@register.inclusion_tag("api/_downloads.html")
def catalogue_downloads(query: catalogue.CatalogueQuery | None = None) -> dict[str, Any]:
    return {
        "box_id": "catalogue-downloads",
        "subject": "catalogue",
        "links": _links("api:catalogue-download", query_string(query)),
        "licence": licence(),
    }


@register.inclusion_tag("api/_downloads.html")
def matrix_downloads() -> dict[str, Any]:
    return {
        "box_id": "matrix-downloads",
        "subject": "matrix",
        "links": _links("api:matrix-download"),
        "licence": licence(),
    }
