"""The catalogue's facet options and their counts, rendered in Python.

A catalogue page has about a hundred options, each with a count that htmx updates out of band;
as template includes they took a third of the page's rendering time. The markup is the same
as a template would give: examples/facets.py builds the options, tests/examples/test_facets.py
and the browser tests read this markup.
"""

from collections.abc import Iterable

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from ..facets import FacetGroup, FacetOption

register = template.Library()


def _count(group: FacetGroup, option: FacetOption, oob: bool = False) -> SafeString:
    return format_html(
        '<span class="count" id="count-{}-{}" data-count="{}"{}>({})</span>',
        group["name"],
        option["value"],
        option["count"],
        mark_safe(' hx-swap-oob="true"') if oob else "",
        option["count"],
    )


def _option(group: FacetGroup, option: FacetOption) -> SafeString:
    field_id = f"f-{group['name']}-{option['value']}"
    return format_html(
        '<div class="checkbox">\n  <input type="checkbox" id="{}" name="{}" value="{}"{}{}>\n'
        '  <label for="{}">{} {}</label>\n</div>',
        field_id,
        group["name"],
        option["value"],
        mark_safe(" checked") if option["selected"] else "",
        mark_safe(" disabled") if option["disabled"] else "",
        field_id,
        option["label"],
        _count(group, option),
    )


@register.simple_tag
def facet_options(group: FacetGroup, options: Iterable[FacetOption]) -> SafeString:
    """A checkbox with its label and count for each option of the group."""
    return format_html_join("\n", "{}", ((_option(group, option),) for option in options))


@register.simple_tag
def facet_counts_oob(groups: Iterable[FacetGroup]) -> SafeString:
    """Every option's count, as htmx out-of-band updates for the form beside the results."""
    return format_html_join(
        "",
        "{}",
        ((_count(group, option, oob=True),) for group in groups for option in group["options"]),
    )
