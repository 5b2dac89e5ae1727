"""The snippets that say why each result on a page of results was found."""

from django.db.models import Q
from django.utils.translation import get_language

from ..bitmaps import Snapshot
from ..models import Passage as PassageRow
from . import lexical
from .hybrid import Ranking
from .snippets import (
    Passage,
    Snippet,
    idf_weights,
    lemma_table,
    lexical_snippet,
    semantic_snippet,
)


def _passages(page_ids: list[int], passage_ids: list[int]) -> tuple[dict, dict]:
    """All passages of these pages, and these passages by id, in one query."""
    by_page: dict[int, list[Passage]] = {page_id: [] for page_id in page_ids}
    by_id: dict[int, Passage] = {}
    rows = (
        PassageRow.objects.filter(Q(page_id__in=page_ids) | Q(pk__in=passage_ids))
        .order_by("page_id", "position")
        .values_list("pk", "page_id", "label", "label_en", "text", "lemmas")
    )
    english = get_language() == "en"
    for pk, page_id, label, label_en, text, lemmas in rows:
        passage = Passage(
            label_en if english and label_en else label,
            text,
            frozenset(lemmas.split()) if lemmas else None,
        )
        by_id[pk] = passage
        if page_id in by_page:
            by_page[page_id].append(passage)
    return by_page, by_id


def snippets(snapshot: Snapshot, ranking: Ranking, page_ids: list[int]) -> dict[int, Snippet]:
    """A snippet per result: its best lexical passage if the words matched, else the passage
    that was closest in meaning."""
    positions = snapshot.positions
    lexical_ids = [i for i in page_ids if ranking.found_by_words(positions.get(i))]
    closest = {
        page_id: nearest
        for page_id in page_ids
        if (nearest := ranking.closest.get(positions.get(page_id, -1))) is not None
    }
    if not lexical_ids and not closest:
        return {}
    texts, by_id = _passages(lexical_ids, [c.passage_id for c in closest.values()])
    frequencies = lexical.document_frequencies(snapshot, [t.lemma for t in ranking.terms])
    idf = idf_weights(len(snapshot.ids), frequencies)
    table = lemma_table()
    found: dict[int, Snippet] = {}
    for page_id in page_ids:
        snippet = None
        if page_id in texts:
            snippet = lexical_snippet(texts[page_id], ranking.terms, idf, table)
        nearest = closest.get(page_id)
        if snippet is None and nearest is not None and nearest.passage_id in by_id:
            snippet = semantic_snippet(by_id[nearest.passage_id], ranking.terms, table)
        if snippet is not None:
            found[page_id] = snippet
    return found
