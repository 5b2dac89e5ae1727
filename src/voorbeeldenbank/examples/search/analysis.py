"""From text to search terms: lemmas, the parts of compounds, and the redactie's synonyms.

Documents and queries go through the same steps, so a compound in one meets its parts in the
other. In a query, a compound's parts and a synonym's words count for less than the words the
visitor typed: they widen the search without outranking what was asked.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from voorbeeldenbank.core.compounds import split_compound
from voorbeeldenbank.core.text import STOPWORDS, lemma, tokenize

MAX_QUERY_TERMS = 12
PART_WEIGHT = 0.5
SYNONYM_WEIGHT = 0.6


def _words(text: str) -> Iterator[str]:
    for token in tokenize(text):
        if token not in STOPWORDS and len(token) > 1:
            yield token


def _parts(token: str) -> list[str]:
    # "opvoed-" is a stem, not a word: its lemma is the verb it comes from.
    return [lemma(part) for part in split_compound(token.replace("-", ""))]


def document_lemmas(text: str) -> Iterator[str]:
    """Every lemma of a text for the index, each compound followed by its parts."""
    for token in _words(text):
        yield lemma(token)
        yield from _parts(token)


@dataclass(frozen=True)
class QueryTerm:
    lemma: str
    weight: float
    # "word" (typed), "part" (of a typed compound) or "synonym".
    source: str = "word"
    # Lemmas that must all occur in a document for this term to count there: the parts of a
    # compound, the words of a synonym phrase ("jong kind" is not any text with "jong").
    together: tuple[str, ...] = ()


Synonyms = tuple[tuple[tuple[str, ...], ...], ...]


def synonym_groups(groups: Iterable[Iterable[str]]) -> Synonyms:
    """The redactie's synonym groups as lemma sequences ("jong kind" -> ("jong", "kind"))."""
    table = []
    for group in groups:
        phrases = tuple(
            dict.fromkeys(phrase for text in group if (phrase := tuple(_lemmas_of(text))))
        )
        if len(phrases) > 1:
            table.append(phrases)
    return tuple(table)


def _lemmas_of(text: str) -> Iterator[str]:
    for token in _words(text):
        yield lemma(token)


def query_terms(q: str, synonyms: Synonyms = ()) -> list[QueryTerm]:
    """The weighted terms of a query, typed words first; at most MAX_QUERY_TERMS typed words."""
    typed = list(dict.fromkeys(lemma(token) for token in _words(q)))[:MAX_QUERY_TERMS]
    terms: dict[str, QueryTerm] = {word: QueryTerm(word, 1.0) for word in typed}
    for token in list(_words(q))[: MAX_QUERY_TERMS * 2]:
        parts = tuple(dict.fromkeys(_parts(token)))
        for part in parts:
            if part not in terms:
                terms[part] = QueryTerm(part, PART_WEIGHT, "part", parts)
    present = set(terms)
    for group in synonyms:
        if not any(set(phrase) <= present for phrase in group):
            continue
        for phrase in group:
            together = phrase if len(phrase) > 1 else ()
            for word in phrase:
                if word not in terms:
                    terms[word] = QueryTerm(word, SYNONYM_WEIGHT, "synonym", together)
    return list(terms.values())
