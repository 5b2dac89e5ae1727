"""One pass over a text: tokens with their offsets, lexicon hits, phrases and syllables.

After the pass, on the tokens kept from it: split separable verbs ("we verwijzen het gezin
door"), words in a protected phrase (an element title, an allowed name) and words whose entry
says a word in the same sentence shows their plain sense ("een onderwerp behandelen").
"""

import re
from dataclasses import dataclass
from typing import Final

from voorbeeldenbank.core.text import TOKEN_RE

from .forms import normalise
from .index import EntryInfo, LexiconIndex

# Words of a phrase are separated by spaces or one line break; a blank line ends a paragraph.
GAP = re.compile(r"[ \t\u00a0]*\r?\n[ \t\u00a0]*|[ \t\u00a0]+")
# What lies between two words of different sentences.
SENTENCE_GAP = re.compile(r"[.!?;:…]|\n\s*\n")
# A particle ends its clause, or is followed by a preposition or conjunction ("we verwijzen het
# gezin door naar de huisarts"); followed by an article it is a preposition ("door de school").
AFTER_PARTICLE = frozenset(
    "naar aan bij met voor om en of maar want omdat als zodat wanneer toen tot in op zodra dan "
    "nadat terwijl hoewel zodra".split()
)
# How far a particle may stand from its verb.
SPLIT_REACH = 14


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    entry: EntryInfo


# A token kept for the context rules, as a plain tuple (a long text has many):
# (start, end, normalised, sentence number, capitalised, separable verbs it may be).
Token = tuple[int, int, str, int, bool, tuple[tuple[str, EntryInfo], ...]]
START: Final = 0
END: Final = 1
WORD: Final = 2
SENTENCE: Final = 3
CAPITALISED: Final = 4
SEPARABLE: Final = 5


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


def _split_verbs(index: LexiconIndex, tokens: list[Token]) -> list[Hit]:
    """A finite verb whose particle follows in its sentence, or "door te verwijzen"."""
    hits = []
    for position, token in enumerate(tokens):
        if not token[SEPARABLE]:
            continue
        sentence_start = position == 0 or tokens[position - 1][SENTENCE] != token[SENTENCE]
        if token[CAPITALISED] and not sentence_start:
            continue  # a name such as "Leiden", not the verb "leiden"
        for particle, entry in token[SEPARABLE]:
            before = tokens[position - 2 : position]
            if (
                len(before) == 2
                and before[1][WORD] == "te"
                and before[0][WORD] == particle
                and token[WORD] in index.separable_bases
            ):
                hits.append(Hit(before[0][START], token[END], entry))
                break
            if _particle_follows(tokens, position, particle):
                hits.append(Hit(token[START], token[END], entry))
                break
    return hits


def _particle_follows(tokens: list[Token], position: int, particle: str) -> bool:
    sentence = tokens[position][SENTENCE]
    for offset in range(position + 1, min(len(tokens), position + SPLIT_REACH)):
        token = tokens[offset]
        if token[SENTENCE] != sentence:
            return False
        if token[WORD] != particle:
            continue
        following = tokens[offset + 1] if offset + 1 < len(tokens) else None
        if following is None or following[SENTENCE] != sentence:
            return True
        if following[WORD] in AFTER_PARTICLE:
            return True
    return False


def _protected_spans(index: LexiconIndex, tokens: list[Token]) -> list[tuple[int, int]]:
    spans = []
    for position, token in enumerate(tokens):
        for rest in index.protected.get(token[WORD], ()):
            following = tokens[position + 1 : position + 1 + len(rest)]
            # A title's own colon ("Ondersteuners/hulpverleners: oog voor ...") is part of it.
            if len(following) == len(rest) and all(
                word[WORD] in forms for word, forms in zip(following, rest, strict=True)
            ):
                spans.append((token[START], following[-1][END]))
    return spans


def _sentence_words(tokens: list[Token]) -> tuple[dict[int, int], dict[int, set[str]]]:
    """Which sentence each token starts, and the words of each sentence."""
    sentence_of: dict[int, int] = {}
    words: dict[int, set[str]] = {}
    for token in tokens:
        sentence_of[token[START]] = token[SENTENCE]
        words.setdefault(token[SENTENCE], set()).add(token[WORD])
    return sentence_of, words


def _context(index: LexiconIndex, hits: list[Hit], tokens: list[Token]) -> list[Hit]:
    hits = hits + _split_verbs(index, tokens)
    protected = _protected_spans(index, tokens) if index.protected else []
    plain_sense = any(hit.entry.not_near for hit in hits)
    sentence_of, sentence_words = _sentence_words(tokens) if plain_sense else ({}, {})
    kept = []
    for hit in hits:
        if any(start < hit.end and hit.start < end for start, end in protected):
            continue
        words = sentence_words.get(sentence_of.get(hit.start, -1), set())
        if hit.entry.not_near and not hit.entry.not_near.isdisjoint(words):
            continue  # "een onderwerp behandelen"
        kept.append(hit)
    return resolve_overlaps(kept)


def scan(index: LexiconIndex, text: str) -> Scan:
    hits: list[Hit] = []
    tokens: list[Token] = []
    words = 0
    syllable_total = 0
    sentence = 0
    previous_end = 0
    memo = index.memo
    phrases = index.phrases
    needs_context = False
    for match in TOKEN_RE.finditer(text):
        raw = match.group(0)
        info = memo.get(raw) or index.word(raw)
        words += 1
        syllable_total += info.syllables
        start = match.start()
        # Most words are one space apart; only a longer gap can end a sentence.
        if (start != previous_end + 1 or text[previous_end] != " ") and SENTENCE_GAP.search(
            text, previous_end, start
        ):
            sentence += 1
        previous_end = match.end()
        tokens.append(
            (start, match.end(), info.normalised, sentence, raw[:1].isupper(), info.separable)
        )
        if info.separable or info.normalised in index.protected:
            needs_context = True
        if info.entry is not None:
            hits.append(Hit(match.start(), match.end(), info.entry))
            needs_context = needs_context or bool(info.entry.not_near)
        if info.normalised in phrases:
            phrase = _phrase_end(index, text, info.normalised, match.end())
            if phrase is not None:
                hits.append(Hit(match.start(), phrase[1], phrase[0]))
                needs_context = True
    if needs_context:
        hits = _context(index, hits, tokens)
    return Scan(hits=hits, words=words, syllables=syllable_total)
