import pytest
from benchmarks.taalcheck_eval import starter_index

from voorbeeldenbank.lexicon.demo import load_lexicon
from voorbeeldenbank.lexicon.models import LexiconEntry


@pytest.fixture(scope="session")
def index():
    """The check's index built from the starter lexicon file, without a database."""
    return starter_index()


@pytest.fixture
def lexicon(db):
    """The starter lexicon in the database (reloaded if a transactional test flushed it)."""
    if not LexiconEntry.objects.exists():
        load_lexicon()
    return LexiconEntry.objects.all()
