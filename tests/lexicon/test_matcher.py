"""The matcher: inflections, compounds, phrases, overlaps, spans and near-misses."""

import pytest

from voorbeeldenbank.lexicon.check import check_text
from voorbeeldenbank.lexicon.check.highlight import highlight
from voorbeeldenbank.lexicon.check.index import build
from voorbeeldenbank.lexicon.check.matcher import Hit, resolve_overlaps


def found(index, text: str) -> list[tuple[str, str]]:
    return [(f.match, f.term) for f in check_text(text, index).findings]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Twee probleemgezinnen.", [("probleemgezinnen", "probleemgezin")]),  # plural -en
        ("De zorgmijders.", [("zorgmijders", "zorgmijder")]),  # plural -s
        ("Alle diagnoses.", [("diagnoses", "diagnose")]),
        ("Drie casussen.", [("casussen", "casus")]),  # doubled consonant
        ("De symptomen.", [("symptomen", "symptoom")]),  # undoubled vowel
        ("Het patiëntje.", [("patiëntje", "patiënt")]),  # diminutive
        ("Een casusje erbij.", []),
        ("De kwetsbare buurt.", [("kwetsbare", "kwetsbaar")]),  # inflected adjective
        ("Hij werd doorverwezen.", [("doorverwezen", "doorverwijzen")]),  # irregular participle
        ("Zij doorverwijst hem.", [("doorverwijst", "doorverwijzen")]),  # present tense
        ("Het escaleerde snel.", [("escaleerde", "escaleren")]),  # past tense
        ("Hij werd gescreend.", [("gescreend", "screening")]),
    ],
)
def test_it_finds_inflections(index, text, expected):
    assert found(index, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gedragsstoornissen komen voor.", [("Gedragsstoornissen", "stoornis")]),
        ("Een eetstoornis.", [("eetstoornis", "stoornis")]),
        ("Alle behandeltrajecten.", [("behandeltrajecten", "behandeltraject")]),
        ("Het leertraject.", [("leertraject", "traject")]),
        ("De opvoedhulp.", [("opvoedhulp", "hulp")]),
        ("Het casusoverleg.", [("casusoverleg", "casus")]),  # listed first part "casus-"
        ("Het behandelplan.", [("behandelplan", "behandeling")]),
        ("Een ex-patiënt.", [("ex-patiënt", "patiënt")]),  # hyphenated compound
        ("Het ADHD-kind.", [("ADHD-kind", "ADHD'er")]),
    ],
)
def test_it_finds_compounds(index, text, expected):
    assert found(index, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "In mijn kindertijd speelde ik buiten.",
        "We behandelen vandaag het onderwerp klimaat.",
        "Het onderwerp werd kort behandeld.",
        "Dit boek behandelt de geschiedenis.",
        "De behandelende arts.",  # a verb form after the listed first part "behandel-"
        "Met behulp van een tolk.",
        "Het hulpmiddel werkt.",
        "Het weer stoorde niet.",  # "gestoord" is listed, the verb "storen" is not
        "Een minimale kans.",  # "minima" does not head compounds
    ],
)
def test_near_misses_do_not_match(index, text):
    assert found(index, text) == []


def test_a_multi_word_term_is_found_with_inflections(index):
    assert found(index, "Kwetsbare gezinnen en het plan van aanpak.") == [
        ("Kwetsbare gezinnen", "kwetsbaar gezin"),
        ("plan van aanpak", "plan van aanpak"),
    ]


def test_a_phrase_across_a_line_break_is_found(index):
    assert found(index, "Hij lijdt\naan ADHD.") == [("lijdt\naan", "lijden aan")]


def test_overlapping_matches_resolve_to_the_longest(index):
    findings = check_text("Wij steunen kwetsbare gezinnen.", index).findings

    # "kwetsbare" alone is also an entry; the phrase covering it wins.
    assert [(f.match, f.term) for f in findings] == [("kwetsbare gezinnen", "kwetsbaar gezin")]


def test_resolve_overlaps_keeps_the_longest_and_the_order():
    a, b, c = (object() for _ in range(3))
    hits = [Hit(10, 19, a), Hit(0, 5, b), Hit(10, 28, c), Hit(20, 25, a), Hit(30, 35, b)]

    kept = resolve_overlaps(hits)  # type: ignore[arg-type]

    assert [(hit.start, hit.end) for hit in kept] == [(0, 5), (10, 28), (30, 35)]


@pytest.mark.parametrize(
    "prefix",
    ["", "Café ", "👩‍👧 Moeder en dochter: ", "Ĳsselmeer – ", "e\u0301e\u0301n ", "\n\n\t"],
)
def test_spans_point_at_the_match_also_after_accents_and_emoji(index, prefix):
    text = prefix + "de zorgmijders en de cliënten."
    findings = check_text(text, index).findings

    assert [f.match for f in findings] == ["zorgmijders", "cliënten"]
    for finding in findings:
        assert text[finding.start : finding.end] == finding.match


def test_case_and_curly_apostrophes_do_not_matter(index):
    assert found(index, "PROBLEEMGEZIN en ADHD’ers") == [
        ("PROBLEEMGEZIN", "probleemgezin"),
        ("ADHD’ers", "ADHD'er"),
    ]


def test_a_finding_carries_the_entry(index):
    finding = check_text("Het probleemgezin.", index).findings[0]

    assert finding.category == "stigmatiserend"
    assert finding.category_label == "Stigmatiserend"
    assert "gezin dat het even zwaar heeft" in finding.alternatives
    assert finding.explanation
    assert finding.slug == "probleemgezin"


def test_html_is_text_and_comes_out_escaped(index):
    text = '<script>alert("probleemgezin")</script> <b>zorgmijder</b>'
    result = check_text(text, index)

    html = highlight(text, result.findings)

    assert [f.match for f in result.findings] == ["probleemgezin", "zorgmijder"]
    assert "<script>" not in html
    assert "<b>" not in html
    assert "&lt;script&gt;" in html
    assert '<mark class="lexicon-mark lexicon-mark--stigmatiserend">probleemgezin</mark>' in html


@pytest.mark.parametrize("text", ["", "   \n\t", "1234 5678", "!!! ???"])
def test_empty_or_wordless_text_gives_no_findings(index, text):
    result = check_text(text, index)

    assert result.findings == []
    assert result.readability is None or result.readability.words > 0


def test_binary_garbage_does_not_break_the_check(index):
    garbage = bytes(range(256)).decode("latin-1") * 20 + "\x00\ufffd probleemgezin"

    assert [f.match for f in check_text(garbage, index).findings][-1] == "probleemgezin"


def test_an_entry_without_compounds_is_only_found_as_itself():
    rows = [
        {
            "slug": "minima",
            "term": "minima",
            "category": "labelend",
            "variants": "",
            "alternatives": "mensen met weinig geld",
            "explanation": "x",
            "match_compounds": False,
        }
    ]
    index = build(1, rows)

    assert [f.match for f in check_text("minima en minimagezinnen", index).findings] == ["minima"]
