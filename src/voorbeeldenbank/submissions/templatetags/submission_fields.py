"""Rendering a form field so that its hint and its error are tied to it for assistive technology.

Django adds `aria-describedby="<id>_helptext"` on its own, also for widgets whose hint our
templates render elsewhere or not at all; here the attribute names only ids the page holds.
"""

from __future__ import annotations

from django import forms, template
from django.utils.safestring import SafeString

register = template.Library()


def hint_id(field: forms.BoundField) -> str:
    return f"{field.auto_id}_helptext"


def error_id(field: forms.BoundField) -> str:
    return f"{field.auto_id}_error"


@register.filter
def description_ids(field: forms.BoundField) -> str:
    """The ids of the hint and the error that `_field.html` renders for this field."""
    ids = []
    if field.help_text:
        ids.append(hint_id(field))
    if field.errors:
        ids.append(error_id(field))
    return " ".join(ids)


@register.filter
def described_widget(field: forms.BoundField) -> SafeString:
    ids = description_ids(field)
    # An empty value stops Django from adding its own reference to a hint id.
    attrs: dict[str, str | bool] = {"aria-describedby": ids}
    html = field.as_widget(attrs=attrs)
    return SafeString(html.replace(' aria-describedby=""', ""))


@register.filter
def target_id(field: forms.BoundField) -> str:
    """Where a link to the field's error goes: the input, or the first of a group of radios."""
    if field.widget_type == "radioselect":
        return f"{field.auto_id}_0"
    return field.id_for_label or field.auto_id


@register.filter
def summary_label(field: forms.BoundField) -> str:
    """The field's name in the error summary; fields that share a label there say whose it is."""
    return str(getattr(field.field, "summary_label", "") or field.label)
