"""The starter lexicon: size, coverage, the loader and the reviewed content."""

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


def test_each_entry_finds_its_own_example_and_not_its_rewrite(index):
    from voorbeeldenbank.lexicon.check import check_text

    for row in read_rows():
        before = [f.term for f in check_text(row["example_before"], index).findings]
        after = [f.match for f in check_text(row["example_after"], index).findings]
        assert row["term"] in before, row["term"]
        assert after == [], (row["term"], after)


def test_the_reviewed_entries_keep_the_meaning():
    rows = {row["term"]: row for row in read_rows()}

    # "meer steun inzetten" is the opposite of "afschalen"; it belongs to "opschalen".
    assert "meer steun inzetten" not in rows["afschalen"]["alternatives"]
    assert "opschalen" not in rows["afschalen"]["variants"]
    assert "meer steun inzetten" in rows["opschalen"]["alternatives"]
    # ADHD is not "a lot of energy".
    assert all("energie" not in alternative for alternative in rows["ADHD'er"]["alternatives"])
    assert {"MDO", "opvoedingsonmacht", "voorliggend veld", "rugzakje"} <= set(rows)


def test_an_advice_only_entry_says_why_there_is_no_replacement():
    advice_only = [row for row in read_rows() if row.get("advice_only")]

    assert advice_only
    for row in advice_only:
        assert len(row["explanation"]) > 60, row["term"]
