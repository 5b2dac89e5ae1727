"""Verb forms, split separable verbs, compounds with a term in front, and the words the check
must leave alone: the vision's element titles, allowed names and a word's plain sense."""

import pytest

from voorbeeldenbank.core.models import Element
from voorbeeldenbank.lexicon.check import check_text, get_index
from voorbeeldenbank.lexicon.check.index import build
from voorbeeldenbank.lexicon.check.verbs import conjugate, separable, stems
from voorbeeldenbank.lexicon.models import AllowedName


def found(index, text: str) -> list[tuple[str, str]]:
    return [(f.match, f.term) for f in check_text(text, index).findings]


def entry(term: str, variants: str = "", **extra) -> dict:
    return {
        "slug": term,
        "term": term,
        "category": "afstandelijk_jargon",
        "variants": variants,
        "alternatives": "iets gewoons",
        "explanation": "x",
        "match_compounds": True,
        **extra,
    }


@pytest.mark.parametrize(
    ("infinitive", "expected"),
    [
        ("schalen", {"schaal"}),
        ("leiden", {"leid"}),
        ("zeggen", {"zeg"}),
        ("verwijzen", {"verwijs"}),
        ("screenen", {"screen"}),
    ],
)
def test_stems_follow_dutch_spelling(infinitive, expected):
    assert expected <= stems(infinitive)


def test_a_regular_verb_gets_its_forms():
    assert {"toets", "toetst", "toetste", "toetsten", "getoetst"} <= conjugate("toetsen")
    assert {"afschaalt", "afschaalde", "afgeschaald"} <= conjugate("afschalen", "af")
    assert "behandeld" in conjugate("behandelen")  # no "ge-" after "be-"


def test_separable_verbs_are_recognised():
    assert separable("doorverwijzen") == ("door", "verwijzen")
    assert separable("toeleiden") == ("toe", "leiden")
    assert separable("behandelen") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We verwijzen het gezin door naar de huisarts.", [("verwijzen", "doorverwijzen")]),
        ("Zij verwees hem door.", [("verwees", "doorverwijzen")]),
        ("Verwijs het gezin door.", [("Verwijs", "doorverwijzen")]),
        ("We leiden gezinnen toe naar het aanbod.", [("leiden", "toeleiden")]),
        (
            "Om het gezin door te verwijzen is een brief nodig.",
            [("door te verwijzen", "doorverwijzen")],
        ),
    ],
)
def test_a_separable_verb_is_found_when_split(index, text, expected):
    assert found(index, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Het gezin werd verwezen door de huisarts.",  # "door" is a preposition here
        "We verwijzen door middel van een brief naar de website.",
        "We verwijzen naar de website. Door de drukte duurt het lang.",  # another sentence
        "In Leiden gaat de deur toe.",  # the city, not the verb
        "Ze leiden de vergadering.",
    ],
)
def test_a_verb_without_its_particle_is_not_the_separable_verb(index, text):
    assert found(index, text) == []


def test_a_participle_is_found(index):
    assert found(index, "Het kind wordt behandeld voor angst.") == [("behandeld", "behandeling")]
    assert found(index, "Het gezin is doorverwezen.") == [("doorverwezen", "doorverwijzen")]


def test_a_word_in_its_plain_sense_is_left_alone(index):
    assert found(index, "Het voorstel werd behandeld in de vergadering.") == []
    assert found(index, "We behandelen dit onderwerp.\nHet kind wordt behandeld.") == [
        ("behandeld", "behandeling")
    ]


def test_the_plain_sense_words_come_from_the_entry():
    rows = [entry("screenen", not_near="sollicitant")]
    index = build(1, rows)

    assert found(index, "We screenen elke sollicitant.") == []
    assert found(index, "We screenen elk gezin.") == [("screenen", "screenen")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("De probleemgezinnen-aanpak werkt.", [("probleemgezinnen-aanpak", "probleemgezin")]),
        ("De probleemgezinnenaanpak werkt.", [("probleemgezinnenaanpak", "probleemgezin")]),
        ("Het zorgmijdersbeleid.", [("zorgmijdersbeleid", "zorgmijder")]),
        ("Het hulpverlenersoverleg.", [("hulpverlenersoverleg", "hulpverlener")]),
        ("Het risicojongeren-project.", [("risicojongeren-project", "risicojongere")]),
    ],
)
def test_a_term_in_front_of_a_compound_is_found(index, text, expected):
    assert found(index, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Kwetsbaarheid hoort bij het leven.",  # a derived word, not a compound
        "Het hulpmiddel werkt.",  # "hulp" is too short to head a compound
        "Een minimaregeling.",  # "minima" does not take part in compounds
    ],
)
def test_a_term_does_not_head_a_derived_word(index, text):
    assert found(index, text) == []


def test_an_allowed_name_is_never_reported(index):
    assert found(index, "De jeugdhulp en de jeugdhulpaanbieders in de regio.") == []
    assert found(index, "Zie de Databank Effectieve Jeugdinterventies.") == []
    # The word on its own is still found, and so is another compound.
    assert found(index, "Een interventie en opvoedhulp.") == [
        ("interventie", "interventie"),
        ("opvoedhulp", "hulp"),
    ]


def test_a_part_of_an_allowed_name_with_a_hyphen_is_left_alone(index):
    assert found(index, "Het jeugdhulp-aanbod.") == []


@pytest.mark.django_db
def test_the_element_titles_are_never_reported(lexicon, demo_content):
    elements = list(Element.objects.all())
    assert len(elements) == 8
    for element in elements:
        assert check_text(element.title).findings == [], element.title
        assert check_text(f"Over „{element.title}”: zie hieronder.").findings == []
    # Outside a title the same word is still a finding.
    assert [f.match for f in check_text("Vijf hulpverleners kwamen langs.").findings] == [
        "hulpverleners"
    ]


@pytest.mark.django_db
def test_a_changed_element_title_is_protected_at_the_next_check(lexicon, demo_content):
    element = Element.objects.get(key="steun_informeel")
    text = "Steun zonder diagnose vooraf"
    assert [f.match for f in check_text(text).findings] == ["diagnose"]

    element.title = text
    element.save()

    assert check_text(text).findings == []
    assert [f.match for f in check_text("Een diagnose vooraf.").findings] == ["diagnose"]


@pytest.mark.django_db
def test_an_allowed_name_added_by_the_redactie_applies_to_the_next_check(lexicon):
    text = "Stichting Zorgmijders Welkom helpt."
    assert check_text(text).findings
    old_index = get_index()

    AllowedName.objects.create(name="Stichting Zorgmijders Welkom", reason="Een naam.")

    assert get_index() is not old_index
    assert check_text(text).findings == []


def test_the_new_terms_are_found(index):
    assert found(index, "Er komt een MDO. We schalen op.") == [
        ("MDO", "MDO"),
        ("schalen", "opschalen"),
    ]
    assert found(index, "Er is opvoedingsonmacht; eerst het voorliggende veld.") == [
        ("opvoedingsonmacht", "opvoedingsonmacht"),
        ("voorliggende veld", "voorliggend veld"),
    ]
    assert found(index, "Hij draagt een zwaar rugzakje.") == [("rugzakje", "rugzakje")]
    assert found(index, "Neem een rugzakje mee met drinken.") == []


def test_a_verb_simplemma_reads_as_a_plural_still_gets_its_forms(index):
    # simplemma reads "monitoren" as the plural of "monitor"; "monitort" leads back to the verb.
    assert found(index, "Wij monitorden het gezin.") == [("monitorden", "monitoren")]
    assert found(index, "Twee therapeuten.") == [("therapeuten", "therapie")]


def test_a_plain_sense_word_counts_at_the_end_of_a_compound(index):
    assert found(index, "Het wetsvoorstel werd behandeld.") == []
    assert found(index, "Het kind werd behandeld.") == [("behandeld", "behandeling")]


def test_scaling_a_project_or_a_picture_is_not_scaling_care(index):
    assert found(index, "We schalen het project op naar drie wijken.") == []
    assert found(index, "Ze schaalde de foto af.") == []
    assert found(index, "Na de crisis schalen we de zorg af.") == [("schalen", "afschalen")]


def test_a_recognition_name_is_left_alone(index):
    assert found(index, "Het is een erkende interventie.") == []
    assert found(index, "Deze interventie duurt acht weken.") == [("interventie", "interventie")]
