"""Sentences with their character spans in the original text, and windows of sentences.

The spans point into the text exactly as it was given (no normalising first), so that a client
can mark text[start:end] in what the user typed.
"""

import re

# A sentence ends at . ! ? (with closing quotes or brackets) before white space, or at a blank line.
_END = re.compile(r"[.!?]+[\"'’”)\]]*(?=\s|$)|\n\s*\n")
# Five: a paragraph as the model learnt it (the training paragraphs have two to six sentences and
# are scored whole). With three, a paragraph of four to six sentences was scored by its parts
# and paragraphs without any element got a "yes" far more often (labelled set by author: 59 %
# of them kept clean against 76 % with five; four to seven alike).
WINDOW = 5
MIN_CHARS = 12


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, white space trimmed; fragments shorter than MIN_CHARS
    (a heading's number, a lone word) are left out."""
    spans = []
    start = 0
    for match in _END.finditer(text):
        spans.append((start, match.end()))
        start = match.end()
    spans.append((start, len(text)))
    trimmed = []
    for begin, end in spans:
        piece = text[begin:end]
        stripped = piece.strip()
        if len(stripped) < MIN_CHARS:
            continue
        begin += len(piece) - len(piece.lstrip())
        trimmed.append((begin, begin + len(stripped)))
    return trimmed


def windows(count: int, size: int = WINDOW) -> list[tuple[int, int]]:
    """Index ranges of `size` consecutive sentences (one range for a short text)."""
    if count <= size:
        return [(0, count)] if count else []
    return [(start, start + size) for start in range(count - size + 1)]
