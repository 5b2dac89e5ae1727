"""Template helpers for the parts of an edition's PDF."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

# Characters that may stand as they are inside a quoted CSS string; everything else is escaped.
CSS_SAFE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,-")


@register.filter
def css_string(value: object) -> SafeString:
    """A quoted CSS string for any text, safe inside <style>: no quote, backslash or `</style>`
    can break out, because everything but letters, digits and a few marks is a hex escape."""
    escaped = "".join(c if c in CSS_SAFE else f"\\{ord(c):06x}" for c in str(value))
    return mark_safe(f'"{escaped}"')


@register.simple_tag(takes_context=True)
def page_attr(context: template.Context, anchor: str) -> str:
    """` data-page="N"` for a contents entry when the page numbers are known, else nothing."""
    numbers = context.get("page_numbers")
    if not numbers or anchor not in numbers:
        return ""
    return format_html(' data-page="{}"', numbers[anchor])
