"""One pass over a text: tokens with their offsets, lexicon hits, phrases and syllables.

After the pass, around the few words that need it: split separable verbs ("we verwijzen het gezin
door"), words in a protected phrase (an element title, an allowed name) and words whose entry
says a word in the same sentence shows their plain sense ("een onderwerp behandelen").
"""

import re
from dataclasses import dataclass

from voorbeeldenbank.core.text import TOKEN_RE

from .forms import normalise
from .index import EntryInfo, LexiconIndex, WordInfo

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
# A plain-sense word this long also counts at the end of a compound.
MIN_PLAIN_TAIL = 5
# How far back a sentence is looked for (in characters); longer sentences are cut there.
SENTENCE_REACH = 2000


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


# A token the context rules look at: (start, end, normalised form).
Token = tuple[int, int, str]
# A separable verb the pass met: the token, the two tokens before it, and whether it starts
# a sentence.
Candidate = tuple[Token, tuple[Token, ...], bool, str, WordInfo]


def _following(index: LexiconIndex, text: str, position: int, limit: int) -> list[Token]:
    """Up to `limit` tokens after `position` in the same sentence."""
    tokens: list[Token] = []
    previous_end = position
    for match in TOKEN_RE.finditer(text, position):
        if len(tokens) >= limit or SENTENCE_GAP.search(text, previous_end, match.start()):
            break
        raw = match.group(0)
        info = index.memo.get(raw) or index.word(raw)
        tokens.append((match.start(), match.end(), info.normalised))
        previous_end = match.end()
    return tokens


def _particle_follows(index: LexiconIndex, text: str, end: int, particle: str) -> bool:
    following = _following(index, text, end, SPLIT_REACH + 1)
    for offset, token in enumerate(following[:SPLIT_REACH]):
        if token[2] != particle:
            continue
        after = following[offset + 1] if offset + 1 < len(following) else None
        if after is None or after[2] in AFTER_PARTICLE:
            return True
    return False


def _split_verbs(index: LexiconIndex, text: str, candidates: list[Candidate]) -> list[Hit]:
    """A finite verb whose particle follows in its sentence, or "door te verwijzen"."""
    hits = []
    for token, before, sentence_start, raw, info in candidates:
        if raw[:1].isupper() and not sentence_start:
            continue  # a name such as "Leiden", not the verb "leiden"
        for particle, entry in info.separable:
            if (
                len(before) == 2
                and before[1][2] == "te"
                and before[0][2] == particle
                and token[2] in index.separable_bases
            ):
                hits.append(Hit(before[0][0], token[1], entry))
                break
            if _particle_follows(index, text, token[1], particle):
                hits.append(Hit(token[0], token[1], entry))
                break
    return hits


def _protected_spans(index: LexiconIndex, text: str, starts: list[Token]) -> list[tuple[int, int]]:
    spans = []
    for token in starts:
        for rest in index.protected[token[2]]:
            # Not cut at a sentence end: a title's own colon ("Ondersteuners/hulpverleners:
            # oog voor ...") is part of it.
            following: list[tuple[int, str]] = []
            for match in TOKEN_RE.finditer(text, token[1]):
                if len(following) == len(rest):
                    break
                raw = match.group(0)
                info = index.memo.get(raw) or index.word(raw)
                following.append((match.end(), info.normalised))
            if len(following) == len(rest) and all(
                word in forms for (_end, word), forms in zip(following, rest, strict=True)
            ):
                spans.append((token[0], following[-1][0]))
    return spans


def _sentence_words(index: LexiconIndex, text: str, hit: Hit) -> set[str]:
    """The normalised words of the sentence the hit is in."""
    start = max(0, hit.start - SENTENCE_REACH)
    for boundary in SENTENCE_GAP.finditer(text, start, hit.start):
        start = boundary.end()
    words = set()
    for token in _following(index, text, start, 10_000):
        words.add(token[2])
    return words


def _plain_sense(not_near: frozenset[str], index: LexiconIndex, text: str, hit: Hit) -> bool:
    """A plain-sense word is in the hit's sentence, also as the end of a compound
    ("wetsvoorstel" for "voorstel")."""
    words = _sentence_words(index, text, hit)
    if not not_near.isdisjoint(words):
        return True
    tails = [word for word in not_near if len(word) >= MIN_PLAIN_TAIL]
    return any(word.endswith(tail) for word in words for tail in tails)


def _context(
    index: LexiconIndex,
    text: str,
    hits: list[Hit],
    candidates: list[Candidate],
    protected_starts: list[Token],
) -> list[Hit]:
    hits = hits + _split_verbs(index, text, candidates)
    protected = _protected_spans(index, text, protected_starts)
    kept = []
    for hit in hits:
        if any(start < hit.end and hit.start < end for start, end in protected):
            continue
        if hit.entry.not_near and _plain_sense(hit.entry.not_near, index, text, hit):
            continue  # "een onderwerp behandelen"
        kept.append(hit)
    return resolve_overlaps(kept)


def scan(index: LexiconIndex, text: str) -> Scan:
    hits: list[Hit] = []
    candidates: list[Candidate] = []
    protected_starts: list[Token] = []
    words = 0
    syllable_total = 0
    memo = index.memo
    phrases = index.phrases
    protected = index.protected
    needs_context = False
    # The two tokens before this one, for "door te verwijzen" and the start of a sentence.
    before_1: Token | None = None
    before_2: Token | None = None
    for match in TOKEN_RE.finditer(text):
        raw = match.group(0)
        info = memo.get(raw) or index.word(raw)
        words += 1
        syllable_total += info.syllables
        start, end = match.span()
        token = (start, end, info.normalised)
        if info.separable:
            sentence_start = before_1 is None or bool(SENTENCE_GAP.search(text, before_1[1], start))
            before = tuple(t for t in (before_2, before_1) if t is not None)
            candidates.append((token, before, sentence_start, raw, info))
            needs_context = True
        if info.normalised in protected:
            protected_starts.append(token)
            needs_context = True
        if info.entry is not None:
            hits.append(Hit(start, end, info.entry))
            needs_context = needs_context or bool(info.entry.not_near)
        if info.normalised in phrases:
            phrase = _phrase_end(index, text, info.normalised, end)
            if phrase is not None:
                hits.append(Hit(start, phrase[1], phrase[0]))
                needs_context = True
        before_2, before_1 = before_1, token
    if needs_context:
        hits = _context(index, text, hits, candidates, protected_starts)
    return Scan(hits=hits, words=words, syllables=syllable_total)


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
