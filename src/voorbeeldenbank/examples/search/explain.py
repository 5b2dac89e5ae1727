"""The snippets that say why each result on a page of results was found."""

from ..bitmaps import Snapshot
from . import lexical
from .hybrid import Ranking
from .snippets import Passage, Snippet, idf_weights, lexical_snippet, semantic_snippet


def passages_for(page_ids: list[int]) -> dict[int, list[Passage]]:
    from ..models import Passage as PassageRow  # type: ignore[attr-defined]  # TODO(merge)

    found: dict[int, list[Passage]] = {page_id: [] for page_id in page_ids}
    rows = (
        PassageRow.objects.filter(page_id__in=page_ids)
        .order_by("page_id", "position")
        .values_list("page_id", "label", "text")
    )
    for page_id, label, text in rows:
        found[page_id].append(Passage(label, text))
    return found


def snippets(snapshot: Snapshot, ranking: Ranking, page_ids: list[int]) -> dict[int, Snippet]:
    """A snippet per result: its best lexical passage if the words matched, else the passage
    that was closest in meaning."""
    positions = snapshot.positions
    lexical_ids = [i for i in page_ids if positions.get(i) in ranking.lexical_ranks]
    texts = passages_for(lexical_ids) if lexical_ids else {}
    frequencies = lexical.document_frequencies(snapshot, [t.lemma for t in ranking.terms])
    idf = idf_weights(len(snapshot.ids), frequencies)
    found: dict[int, Snippet] = {}
    for page_id in page_ids:
        position = positions.get(page_id)
        snippet = None
        if page_id in texts:
            snippet = lexical_snippet(texts[page_id], ranking.terms, idf)
        closest = ranking.closest.get(position) if position is not None else None
        if snippet is None and closest is not None:
            snippet = semantic_snippet(Passage(closest.label, closest.text), ranking.terms)
        if snippet is not None:
            found[page_id] = snippet
    return found
