"""The starter lexicon: size, coverage and the loader."""

from voorbeeldenbank.lexicon.constants import Category
from voorbeeldenbank.lexicon.demo import load_lexicon, read_rows
from voorbeeldenbank.lexicon.models import LexiconEntry, LexiconState

REQUIRED_TERMS = {
    # labels for families and young people
    "probleemgezin",
    "multiprobleemgezin",
    "risicojongere",
    "zorgmijder",
    "kansarm",
    # medical framing of ordinary life
    "stoornis",
    "behandeling",
    "diagnose",
    "patiënt",
    "symptoom",
    # system jargon
    "casus",
    "cliënt",
    "traject",
    "interventie",
    "doorverwijzen",
    "hulpverlening",
    # identity-first labels
    "autist",
    "ADHD'er",
}


def test_the_starter_lexicon_is_large_and_covers_the_themes():
    rows = read_rows()
    terms = {row["term"] for row in rows}

    assert len(rows) >= 80
    assert len(terms) == len(rows)
    assert terms >= REQUIRED_TERMS
    assert {row["category"] for row in rows} == set(Category.values)


def test_every_entry_is_complete():
    for row in read_rows():
        assert row["alternatives"], row["term"]
        assert row["explanation"].strip(), row["term"]
        assert row["example_before"].strip(), row["term"]
        assert row["example_after"].strip(), row["term"]
        assert row["example_before"] != row["example_after"], row["term"]


def test_the_demo_content_includes_the_lexicon(demo_content):
    assert LexiconEntry.objects.count() == len(read_rows())


def test_loading_twice_changes_nothing(lexicon):
    version = LexiconState.current_version()
    revisions = {entry.pk: entry.revisions.count() for entry in LexiconEntry.objects.all()}

    load_lexicon()

    assert LexiconState.current_version() == version
    assert {entry.pk: entry.revisions.count() for entry in LexiconEntry.objects.all()} == (
        revisions
    )


def test_loading_restores_a_changed_entry_with_a_new_revision(lexicon):
    entry = LexiconEntry.objects.get(term="casus")
    entry.alternatives = "iets anders"
    entry.save()
    before = entry.revisions.count()

    load_lexicon()

    entry.refresh_from_db()
    assert "situatie" in entry.alternative_list
    assert entry.revisions.count() == before + 1
