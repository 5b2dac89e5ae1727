"""Every text the parser accepts for a heading, table label, hint or presence line."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.utils import translation

from . import labels
from .cleaning import label_key
from .elements import ElementSpec

ELEMENT_PREFIX = "el_"


def row_bookmark(scope: str, key: str) -> str:
    return f"{scope}_{key}"


def _spellings(label: labels.Label) -> set[str]:
    texts = set(label.aliases)
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            texts.add(str(label.text))
    return {key for key in map(label_key, texts) if key}


class Vocabulary:
    def __init__(self, elements: Iterable[ElementSpec]) -> None:
        self.elements = list(elements)
        self.headings: dict[str, str] = {}
        self.inline: set[str] = set()
        for heading in labels.HEADINGS:
            for spelling in _spellings(heading):
                self.headings.setdefault(spelling, heading.key)
            if heading.inline:
                self.inline.add(heading.key)
        for element in self.elements:
            section = ELEMENT_PREFIX + element.key
            self.inline.add(section)
            for name in element.names:
                self.headings.setdefault(label_key(name), section)
        self.section_keys = set(self.headings.values())
        self.rows: dict[str, dict[str, str]] = {}
        self.row_bookmarks: dict[str, tuple[str, str]] = {}
        scopes = (
            (labels.FACTS.key, labels.FACT_ROWS),
            (labels.CONTACT.key, labels.CONTACT_ROWS),
            (labels.APPROVER.key, labels.APPROVER_ROWS),
        )
        for scope, rows in scopes:
            self.rows[scope] = {}
            for row in rows:
                self.row_bookmarks[row_bookmark(scope, row.key)] = (scope, row.key)
                for spelling in _spellings(row):
                    self.rows[scope].setdefault(spelling, row.key)
        self.present = _spellings(labels.PRESENT)
        self.hints: set[str] = set()
        for hint in labels.HINTS.values():
            for code, _name in settings.LANGUAGES:
                with translation.override(code):
                    self.hints.add(label_key(str(hint)))
        self.hints |= {label_key(text) for text in labels.FORMER_HINTS}
        self.hints |= {label_key(text) for element in self.elements for text in element.summaries}

    def heading(self, text: str, bookmarks: tuple[str, ...]) -> tuple[str, str] | None:
        """(section key, text after the heading) when this paragraph starts a section."""
        marked = next((b for b in bookmarks if b in self.section_keys), None)
        whole = label_key(text)
        if whole in self.headings:
            return (marked or self.headings[whole]), ""
        prefix, colon, rest = text.partition(":")
        section = self.headings.get(label_key(prefix)) if colon else None
        if section in self.inline and rest.strip():
            return (marked or section), rest.strip()
        if marked:
            # Someone rewrote a marked heading: keep long text as content, drop a new title.
            return marked, text if len(text) > 120 else ""
        return None

    def row(self, scope: str, label: str, bookmarks: tuple[str, ...] = ()) -> str | None:
        for bookmark in bookmarks:
            if bookmark in self.row_bookmarks and self.row_bookmarks[bookmark][0] == scope:
                return self.row_bookmarks[bookmark][1]
        return self.rows[scope].get(label_key(label))

    def is_hint(self, text: str) -> bool:
        return label_key(text) in self.hints

    def is_present_label(self, text: str) -> bool:
        return label_key(text) in self.present
