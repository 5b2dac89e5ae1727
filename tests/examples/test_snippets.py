"""Snippets: the passage that explains a result, with the query's words marked."""

from voorbeeldenbank.examples.search.analysis import query_terms
from voorbeeldenbank.examples.search.snippets import (
    WINDOW_WORDS,
    Passage,
    lexical_snippet,
    semantic_snippet,
)


def marked(snippet) -> list[str]:
    return [snippet.text[start:end] for start, end in snippet.highlights]


def test_the_passage_holding_most_query_words_is_chosen():
    passages = [
        Passage("Voor wie?", "Voor gezinnen in de wijk."),
        Passage("Wat werkt?", "Gezinnen vinden steun bij buren in de wijk, dichtbij huis."),
        Passage("Door wie?", "Vrijwilligers."),
    ]
    snippet = lexical_snippet(passages, query_terms("steun gezin wijk"), {})
    assert snippet.label == "Wat werkt?"
    assert marked(snippet) == ["Gezinnen", "steun", "wijk"]


def test_rare_words_decide_between_passages():
    passages = [Passage("A", "Ouders en ouders."), Passage("B", "Ouders en de moestuin.")]
    idf = {"ouder": 0.1, "moestuin": 3.0}
    assert lexical_snippet(passages, query_terms("ouders moestuin"), idf).label == "B"


def test_a_compound_is_marked_for_a_query_on_its_part():
    snippet = lexical_snippet(
        [Passage("Notendop", "Gezinsondersteuning door buren.")], query_terms("ondersteuning"), {}
    )
    assert marked(snippet) == ["Gezinsondersteuning"]


def test_no_passage_with_a_query_word_gives_no_lexical_snippet():
    assert lexical_snippet([Passage("A", "Iets anders.")], query_terms("moestuin"), {}) is None


def test_a_long_passage_is_cut_around_the_matches_and_escaped():
    before = " ".join(f"woord{n}" for n in range(60))
    after = " ".join(f"slot{n}" for n in range(60))
    text = f"{before} <b>moestuin</b> hier {after}"
    snippet = lexical_snippet([Passage("A", text)], query_terms("moestuin"), {})
    assert len(snippet.text.split()) <= WINDOW_WORDS + 2
    assert snippet.leading
    assert snippet.trailing
    html = str(snippet.html())
    assert "<mark>moestuin</mark>" in html
    assert "<b>" not in html
    assert html.startswith("… ")


def test_a_semantic_snippet_keeps_its_passage_and_marks_shared_words():
    snippet = semantic_snippet(Passage("Elementen", "Buren helpen elkaar."), query_terms("buren"))
    assert snippet.kind == "semantic"
    assert marked(snippet) == ["Buren"]
