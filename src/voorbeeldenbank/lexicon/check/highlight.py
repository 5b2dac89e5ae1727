"""The checked text as HTML: escaped, with each finding in a <mark> and a numbered link."""

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _


def highlight(text: str, findings: list) -> SafeString:
    parts: list[str] = []
    position = 0
    for number, finding in enumerate(findings, start=1):
        parts.append(escape(text[position : finding.start]))
        parts.append(
            format_html(
                '<mark class="lexicon-mark lexicon-mark--{}">{}</mark>'
                '<sup class="lexicon-ref"><a href="#bevinding-{}" aria-label="{}">{}</a></sup>',
                finding.category,
                finding.match,
                number,
                _("Bevinding %(number)s: %(term)s") % {"number": number, "term": finding.term},
                number,
            )
        )
        position = finding.end
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # every part above is escaped or built by format_html
