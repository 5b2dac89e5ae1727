"""Template helpers for example cards, catalogue links, the home page and the overview tables."""

import random
from typing import Any

from django import template
from django.http import QueryDict
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from .. import related as related_module
from .. import tables
from ..models import ExampleIndexPage, ExamplePage
from ..versions import version_url

register = template.Library()


@register.simple_tag
def home_examples() -> dict[str, Any]:
    """What the home page shows of the examples: the catalogue, the newest, one at random."""
    examples = ExamplePage.objects.live().public()
    ids = list(examples.values_list("pk", flat=True))
    return {
        "catalogue": ExampleIndexPage.objects.live().first(),
        "newest": examples.order_by("-first_published_at", "-pk").first(),
        "random_example": examples.filter(pk=random.choice(ids)).first() if ids else None,
        "example_count": len(ids),
    }


@register.simple_tag
def overview_table(name: str) -> dict[str, Any]:
    """One of the report's overview tables (quadrant, matrix, interviews), computed live."""
    return tables.BUILDERS[name]()


@register.simple_tag(takes_context=True)
def citation(context) -> dict[str, Any]:
    """The permanent address and date of the version shown: the cited one, or the live one."""
    cited = context.get("cited_revision")
    if cited is not None:
        return {"url": context["citation_url"], "date": cited.created_at}
    page = context["page"]
    if page.live_revision_id is None:
        return {"url": page.full_url, "date": page.last_published_at}
    return {"url": version_url(page.live_revision_id), "date": page.last_published_at}


@register.simple_tag(takes_context=True)
def example_url(context, page) -> str:
    """Link to an example that remembers the current results page, so the example can link back."""
    request = context.get("request")
    url = page.get_url(request)
    if request is None:
        return url
    return f"{url}?{urlencode({'terug': request.get_full_path()})}"


@register.simple_tag(takes_context=True)
def without_filter(context, name: str, value: str = "") -> str:
    """The current catalogue URL with one filter value (or the whole parameter) removed."""
    request = context["request"]
    params: QueryDict = request.GET.copy()
    params.pop("page", None)
    if value:
        params.setlist(name, [v for v in params.getlist(name) if v != value])
    else:
        params.pop(name, None)
    query = params.urlencode()
    return f"{request.path}?{query}" if query else request.path


@register.filter
def lookup(mapping, key):
    """mapping[key] in a template, or an empty list when the key is missing."""
    if not mapping:
        return []
    return mapping.get(key, [])


@register.filter
def element_quotes_key(element) -> str:
    """The key under which the detail view groups quotes that belong to an element."""
    return f"element:{element.pk}"


@register.filter
def quadrant_label(page) -> str:
    """Short position in the quadrant, e.g. 'Informeel · Individueel'."""
    if page.is_outside_quadrant:
        return _("Buiten het kwadrant")
    return f"{page.get_formality_display()} · {page.get_scale_display()}"


@register.simple_tag
def selected_labels(facet_groups) -> list[dict]:
    """The chosen facet values with their labels, for the list of active filters."""
    return [
        {"name": group["name"], "value": option["value"], "label": option["label"]}
        for group in facet_groups
        for option in group["options"]
        if option["selected"]
    ]


@register.simple_tag
def related_examples(page: ExamplePage, limit: int = 5) -> list[related_module.Related]:
    """ "Lijkt op": the live, public examples most like this one."""
    return related_module.related(page.pk, limit=limit)
