"""De-identification of interview reports: categories, consistency, what must stay."""

import json
from pathlib import Path

import pytest

from voorbeeldenbank.core.anonymise import Category, Mapping, anonymise
from voorbeeldenbank.core.anonymise.patterns import elfproef

DATA = Path(__file__).resolve().parents[2] / "benchmarks" / "data"


# One sentence per category; the identifying part in square brackets.
CASES = """
PERSOON    Het gesprek was met [Wendy Hoogland] over haar buurt.
LOCATIE    Ze verhuisde vorig jaar naar [Zoetermeer].
INSTELLING Hij werkt bij [Jeugdformaat] als ambulant hulpverlener.
DATUM      Het volgende gesprek is op [14 april].
DATUM      Het eerste gesprek was op [03-11-2023].
LEEFTIJD   Haar dochter is [13 jaar] en zit op de middelbare school.
LEEFTIJD   Ze heeft een zoon van [7] die graag tekent.
TELEFOON   Bel haar gerust op [06-29384756].
TELEFOON   Het kantoor is bereikbaar via [010 234 56 78].
TELEFOON   Zijn nummer is [+31 (0)6 1122 3344].
TELEFOON   Of via [0031 70 3456789] overdag.
EMAIL      Mail naar [contact@voorbeeld-stichting.nl] voor info.
BSN        In het formulier stond BSN [155386840].
POSTCODE   De postcode is [2595 BE], dat klopt.
POSTCODE   Ook [2595BE] werd genoemd.
ADRES      Ze woont op de [Fahrenheitstraat 204] sinds kort.
"""


def cases() -> list[tuple[str, str, Category]]:
    rows = []
    for line in CASES.strip().splitlines():
        category, marked = line.split(maxsplit=1)
        original = marked[marked.index("[") + 1 : marked.index("]")]
        rows.append((marked.replace(f"[{original}]", original), original, Category[category]))
    return rows


@pytest.mark.parametrize(("text", "original", "category"), cases())
def test_it_replaces_each_category_by_its_tag(text, original, category):
    result = anonymise(text)

    assert original not in result.text
    assert f"[{category.value}-1]" in result.text
    span = next(span for span in result.spans if span.category is category)
    assert text[span.start : span.end] == span.original
    assert span.tag == f"[{category.value}-1]"


@pytest.mark.parametrize(
    "text",
    [
        "In oktober start een nieuwe groep, op maandag is er inloop.",
        "De Jeugdwet en de Wmo geven gemeenten veel ruimte.",
        "Het CJG werkt samen met de JGZ en de GGD.",
        "Ouder en kind komen samen naar de ouderkamer.",
        "Moeders Informeren Moeders werkt met getrainde vrijwilligers.",
        "Volgens de respondent is de drempel laag.",
        "Op woensdag en in december is het drukker.",
        "We draaien dit project al 12 jaar met vrijwilligers.",
        "Kinderen tussen de 4 en 12 jaar zijn welkom.",
    ],
)
def test_it_leaves_ordinary_capitalised_words_and_durations(text):
    assert anonymise(text).text == text


def test_the_elfproef_decides_what_is_a_bsn():
    assert elfproef("155386840")
    assert not elfproef("123456789")
    assert not elfproef("000000000")

    result = anonymise("Nummers: 155386840 en 123456789.")

    assert result.text == "Nummers: [BSN-1] en 123456789."


def test_one_mapping_gives_the_same_person_the_same_tag_in_two_texts():
    mapping = Mapping()
    first = anonymise("Gesprek met Wendy Hoogland in Leiden.", mapping=mapping, places=["Leiden"])
    second = anonymise(
        "Later belde ook Joost Dekker; daarna sprak ik Wendy  Hoogland opnieuw.",
        mapping=mapping,
    )

    assert first.text == "Gesprek met [PERSOON-1] in [LOCATIE-1]."
    assert second.text == "Later belde ook [PERSOON-2]; daarna sprak ik [PERSOON-1] opnieuw."


def test_the_mapping_ignores_case_whitespace_titles_and_possessives():
    mapping = Mapping()

    tags = {
        mapping.tag(Category.PERSOON, form)
        for form in (
            "Wendy Hoogland",
            "WENDY  hoogland",
            "mevrouw Wendy Hoogland",
            "Wendy Hoogland's",
        )
    }

    assert tags == {"[PERSOON-1]"}
    assert mapping.tag(Category.PERSOON, "Wendy") == "[PERSOON-1]"
    assert mapping.tag(Category.PERSOON, "Joost") == "[PERSOON-2]"
    assert mapping.tag(Category.POSTCODE, "2595 be") == mapping.tag(Category.POSTCODE, "2595BE")


def test_a_stored_mapping_keeps_the_numbering():
    mapping = Mapping()
    anonymise("Bel 06-29384756 of mail a.b@voorbeeld.nl.", mapping=mapping)

    restored = Mapping.from_json(json.loads(json.dumps(mapping.to_json())))
    result = anonymise("Nieuw nummer: 06 4455 6677, oud: +31 6 29384756.", mapping=restored)

    assert result.text == "Nieuw nummer: [TELEFOON-2], oud: [TELEFOON-1]."
    assert json.loads(restored.to_json())["entries"]["TELEFOON"] == {
        "0629384756": 1,
        "0644556677": 2,
    }


def test_known_names_are_found_in_every_form_with_one_tag():
    text = "Anouk de Wit vertelde veel. Anouks zoon belde A. de Wit; mevrouw De Wit lachte."

    result = anonymise(text, known_names=["Anouk de Wit"])

    assert result.text == (
        "[PERSOON-1] vertelde veel. [PERSOON-1] zoon belde [PERSOON-1]; mevrouw [PERSOON-1] lachte."
    )


def test_a_known_first_name_is_found_without_deduce():
    result = anonymise(
        "Daarna sprak Jorien over haar werk.", known_names=["Jorien"], use_deduce=False
    )

    assert result.text == "Daarna sprak [PERSOON-1] over haar werk."


def test_places_and_organisations_of_the_bank_are_passed_in():
    text = "Ze werkt bij Stichting Kernkracht in Waddinxveen."

    result = anonymise(
        text, places=["Waddinxveen"], organisations=["Stichting Kernkracht"], use_deduce=False
    )

    assert result.text == "Ze werkt bij [INSTELLING-1] in [LOCATIE-1]."


def test_it_keeps_the_line_structure():
    text = "Gesprek met Wendy Hoogland\n\n  op 14 april in Zoetermeer,\r\nbel 06-29384756\n"

    result = anonymise(text)

    assert result.text.split("\n")[1] == ""
    assert result.text.count("\n") == text.count("\n")
    assert result.text.endswith("[TELEFOON-1]\n")
    assert "\r\n" in result.text
    assert [line.startswith("  ") for line in result.text.split("\n")] == [
        line.startswith("  ") for line in text.split("\n")
    ]


def test_spans_give_each_proposal_with_its_place_in_the_original():
    text = "Bel Wendy Hoogland op 06-29384756."

    result = anonymise(text, known_names=["Wendy Hoogland"], use_deduce=False)

    assert [span.to_dict() for span in result.spans] == [
        {
            "start": 4,
            "end": 18,
            "category": "PERSOON",
            "original": "Wendy Hoogland",
            "tag": "[PERSOON-1]",
        },
        {
            "start": 22,
            "end": 33,
            "category": "TELEFOON",
            "original": "06-29384756",
            "tag": "[TELEFOON-1]",
        },
    ]


def test_the_labelled_sets_are_consistent():
    for name, minimum, clean in (
        ("anonymise_sentences.json", 150, 30),
        ("anonymise_heldout.json", 40, 5),
    ):
        data = json.loads((DATA / name).read_text(encoding="utf-8"))
        sentences = data["sentences"]
        assert len(sentences) >= minimum
        assert sum(1 for row in sentences if not row["spans"]) >= clean
        for row in sentences:
            for span in row["spans"]:
                assert row["text"][span["start"] : span["end"]] == span["text"]
                assert span["category"] in Category.__members__
                if span["category"] == "BSN":
                    assert elfproef(span["text"].replace(".", "").replace(" ", ""))
