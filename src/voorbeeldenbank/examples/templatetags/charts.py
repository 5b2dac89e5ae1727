"""Small charts drawn on the server as inline SVG: no JavaScript, printable, and accessible
through a <title>/<desc> text alternative (the same numbers are in the table beside them)."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

register = template.Library()

WIDTH = 520
ROW_HEIGHT = 46
LABEL_GAP = 6
BAR_HEIGHT = 16
BAR_MAX = 440


@register.simple_tag
def element_bar_chart(table_data: dict, chart_id: str = "element-chart") -> SafeString:
    """Bars per element: in how many of the examples the element is present."""
    elements = table_data["elements"]
    counts = table_data["column_counts"]
    total = table_data["total"] or 1
    height = ROW_HEIGHT * len(elements) + 4
    rows = []
    description = []
    for index, (element, count) in enumerate(zip(elements, counts, strict=True)):
        top = index * ROW_HEIGHT
        label = f"{index + 1}. {element.display_title}"
        bar = round(BAR_MAX * count / total)
        rows.append(
            (
                top + 14,
                label,
                top + 14 + LABEL_GAP,
                BAR_MAX,
                top + 14 + LABEL_GAP,
                bar,
                bar + 8,
                top + 14 + LABEL_GAP + BAR_HEIGHT - 3,
                count,
            )
        )
        description.append(
            _("%(label)s: %(count)s van %(total)s")
            % {"label": label, "count": count, "total": table_data["total"]}
        )
    # The presentation attributes repeat site.css: the site's CSS overrides them, but renderers
    # that do not apply the page's CSS to inline SVG (WeasyPrint, for PDF editions) need them.
    bars = format_html_join(
        "",
        '<text class="chart__label" x="0" y="{}" font-size="13" fill="#1b1b1f">{}</text>'
        '<rect class="chart__track" x="0" y="{}" width="{}" height="' + str(BAR_HEIGHT) + '" '
        'fill="#f1f4f8" stroke="#c5cdd8"/>'
        '<rect class="chart__bar" x="0" y="{}" width="{}" height="' + str(BAR_HEIGHT) + '" '
        'fill="#1d4a7a"/>'
        '<text class="chart__value" x="{}" y="{}" font-size="13" font-weight="700" '
        'fill="#1b1b1f">{}</text>',
        rows,
    )
    title = _("Aantal voorbeelden per element (van de %(total)s)") % {"total": table_data["total"]}
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" role="img" '
        'aria-labelledby="{}-title {}-desc">'
        '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>{}</svg>',
        WIDTH,
        height,
        chart_id,
        chart_id,
        chart_id,
        title,
        chart_id,
        "; ".join(description) + ".",
        bars,
    )
