"""One pass over a text: tokens with their offsets, lexicon hits, phrases and syllables."""

import re
from dataclasses import dataclass

from voorbeeldenbank.core.text import TOKEN_RE

from .forms import normalise
from .index import EntryInfo, LexiconIndex

# Words of a phrase are separated by spaces or one line break; a blank line ends a paragraph.
GAP = re.compile(r"[ \t\u00a0]*\r?\n[ \t\u00a0]*|[ \t\u00a0]+")


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    entry: EntryInfo


@dataclass
class Scan:
    hits: list[Hit]
    words: int
    syllables: int


def _phrase_end(
    index: LexiconIndex, text: str, first: str, end: int
) -> tuple[EntryInfo, int] | None:
    """The longest phrase starting with this word that continues in the text, if any."""
    best: tuple[EntryInfo, int] | None = None
    for phrase in index.phrases[first]:
        position = end
        for forms in phrase.rest:
            gap = GAP.match(text, position)
            token = TOKEN_RE.match(text, gap.end()) if gap else None
            if token is None or normalise(token.group(0)) not in forms:
                break
            position = token.end()
        else:
            if best is None or position > best[1]:
                best = (phrase.entry, position)
    return best


def resolve_overlaps(hits: list[Hit]) -> list[Hit]:
    """Keep the longest of overlapping hits; at equal length the first one."""
    ordered = sorted(hits, key=lambda hit: (hit.start, -(hit.end - hit.start)))
    kept: list[Hit] = []
    last_end = -1
    for hit in ordered:
        if hit.start >= last_end:
            kept.append(hit)
            last_end = hit.end
    return kept


def scan(index: LexiconIndex, text: str) -> Scan:
    hits: list[Hit] = []
    words = 0
    syllable_total = 0
    memo = index.memo
    phrases = index.phrases
    overlapping = False
    for match in TOKEN_RE.finditer(text):
        raw = match.group(0)
        info = memo.get(raw) or index.word(raw)
        words += 1
        syllable_total += info.syllables
        if info.entry is not None:
            hits.append(Hit(match.start(), match.end(), info.entry))
        if info.normalised in phrases:
            phrase = _phrase_end(index, text, info.normalised, match.end())
            if phrase is not None:
                hits.append(Hit(match.start(), phrase[1], phrase[0]))
                overlapping = True
    if overlapping:
        hits = resolve_overlaps(hits)
    return Scan(hits=hits, words=words, syllables=syllable_total)
