"""The spread per element as inline SVG: one stacked bar per element, a segment per scale point.
No average is drawn: the chart shows how far the team's answers lie apart."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from ..constants import DONT_KNOW_LABEL, SCALE

register = template.Library()

WIDTH = 560
ROW_HEIGHT = 44
BAR_HEIGHT = 18
BAR_MAX = 540
LEGEND_HEIGHT = 34
# From light to dark for "nooit" … "altijd", grey for "weet niet"; presentation attributes,
# because WeasyPrint does not apply the page's CSS to inline SVG.
COLOURS = ("#dbe6f3", "#a9c2e0", "#6f97c6", "#3a6ea5", "#1d4a7a", "#b7b7b7")
TEXT_COLOURS = ("#1b1b1f", "#1b1b1f", "#1b1b1f", "#ffffff", "#ffffff", "#1b1b1f")


def _labels() -> list[str]:
    return [str(label) for _value, label in SCALE] + [str(DONT_KNOW_LABEL)]


@register.simple_tag
def spread_chart(results: list, chart_id: str = "spread-chart") -> SafeString:
    """`results`: ElementResult objects (element, spread)."""
    labels = _labels()
    parts = []
    description = []
    for index, result in enumerate(results):
        top = LEGEND_HEIGHT + index * ROW_HEIGHT
        label = f"{index + 1}. {result.element.display_short_title}"
        parts.append(
            format_html(
                '<text x="0" y="{}" font-size="13" fill="#1b1b1f">{}</text>', top + 13, label
            )
        )
        counts = [*result.spread.counts, result.spread.dont_know]
        total = sum(counts)
        x = 0
        for point, count in enumerate(counts):
            if not count:
                continue
            width = round(BAR_MAX * count / total)
            parts.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="{}" stroke="#ffffff"/>'
                    '<text x="{}" y="{}" font-size="12" text-anchor="middle" fill="{}">{}</text>',
                    x,
                    top + 19,
                    width,
                    BAR_HEIGHT,
                    COLOURS[point],
                    x + width / 2,
                    top + 32,
                    TEXT_COLOURS[point],
                    count,
                )
            )
            x += width
        if not total:
            parts.append(
                format_html(
                    '<text x="0" y="{}" font-size="12" fill="#1b1b1f">{}</text>',
                    top + 32,
                    _("nog geen antwoorden"),
                )
            )
        spread = ", ".join(f"{name} {count}" for name, count in zip(labels, counts, strict=True))
        description.append(f"{label}: {spread}")
    legend = format_html_join(
        "",
        '<rect x="{}" y="4" width="14" height="14" fill="{}" stroke="#1b1b1f" stroke-width="0.5"/>'
        '<text x="{}" y="16" font-size="12" fill="#1b1b1f">{}</text>',
        ((i * 90, COLOURS[i], i * 90 + 18, name) for i, name in enumerate(labels)),
    )
    height = LEGEND_HEIGHT + ROW_HEIGHT * len(results) + 4
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" role="img" '
        'aria-labelledby="{}-title {}-desc">'
        '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>{}{}</svg>',
        WIDTH,
        height,
        chart_id,
        chart_id,
        chart_id,
        _("Spreiding van de antwoorden per element"),
        chart_id,
        "; ".join(description) + ".",
        legend,
        SafeString("".join(parts)),
    )
