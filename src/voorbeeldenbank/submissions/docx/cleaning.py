"""Plain-text hygiene for uploaded text, and the matching key for headings and labels."""

from __future__ import annotations

import re
import unicodedata

# C0/C1 controls (not newline), zero-width and bidirectional overrides: invisible in the
# document, but able to hide or reorder text once it is shown on the site.
_INVISIBLE_RE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
_SPACE_RE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_PARENTHESES_RE = re.compile(r"\([^)]*\)|\[[^\]]*\]")
# Heading numbering as people type or Word generates it: "3.", "4.2", "a)", "(1)", "§ 2".
_NUMBERING_RE = re.compile(
    r"^\s*(?:§\s*)?(?:(?:\d{1,2}|[a-h])[.)]|\(\d{1,2}\)|\d{1,2}(?:\.\d{1,2})+)"
)
_NON_WORD_RE = re.compile(r"[\W_]+")


def clean_line(text: str) -> str:
    """One line of plain text: composed characters, no control characters, single spaces."""
    text = unicodedata.normalize("NFC", text).replace("\t", " ")
    text = _INVISIBLE_RE.sub("", text)
    return _SPACE_RE.sub(" ", text).strip()


def clean_lines(text: str) -> list[str]:
    """The non-empty lines of a paragraph (a soft line break starts a new line)."""
    lines = (clean_line(line) for line in re.split(r"[\n\r\v\f\u2028\u2029]", text))
    return [line for line in lines if line]


def label_key(text: str) -> str:
    """Compare headings and labels without case, accents, numbering, punctuation or spaces."""
    text = _PARENTHESES_RE.sub(" ", text)
    while True:
        stripped = _NUMBERING_RE.sub("", text, count=1)
        if stripped == text:
            break
        text = stripped
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(char for char in text if not unicodedata.combining(char))
    return _NON_WORD_RE.sub("", text)


def truncate(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
