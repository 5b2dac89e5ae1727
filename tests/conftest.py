"""Shared fixtures: the demo content, loaded once per test database, and the personas."""

from contextlib import contextmanager

import numpy as np
import pytest
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.test import Client
from django.utils import translation
from wagtail.signals import page_published

from voorbeeldenbank.core import demo
from voorbeeldenbank.core.ratelimit import store
from voorbeeldenbank.examples.models import ExamplePage
from voorbeeldenbank.publication.signals import queue_pdf_of_published_example


@pytest.hookimpl(wrapper=True)
def pytest_collection_modifyitems(items):
    """Browser tests run last. They use a transactional database, which Django empties after
    each test, groups and permissions from the migrations included; pytest's own reordering for
    Playwright's session fixtures can otherwise put them before tests that need those."""
    result = yield
    items.sort(key=lambda item: item.get_closest_marker("e2e") is not None)
    return result


@pytest.fixture(autouse=True)
def dutch_by_default():
    """A request under /en/ leaves English active in this thread; start every test in Dutch."""
    translation.activate("nl")
    yield
    translation.activate("nl")


@pytest.fixture(autouse=True)
def fresh_cache():
    """The default cache keeps menus and the like between requests (core/menus.py); a test's
    rolled-back pages must not show up in the next test's menus."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Rate-limit counters live in their own cache; every test starts with a clean slate."""
    store().clear()
    yield
    store().clear()


@contextmanager
def loading_demo():
    """Loading the demo publishes its examples, which queues their PDFs; with the test settings'
    immediate task backend that would render 13 PDFs (about a second each) on every load.
    tests/publication/test_example_pdf.py tests the queueing on publish."""
    page_published.disconnect(queue_pdf_of_published_example, sender=ExamplePage)
    try:
        yield
    finally:
        page_published.connect(queue_pdf_of_published_example, sender=ExamplePage)


@pytest.fixture(scope="session", autouse=True)
def _embeddings_once_per_text():
    """Publishing embeds an example's passages (with the immediate task backend, at once).
    The model takes tens of milliseconds per passage, and browser tests load the demo content
    anew for every test: each distinct text is embedded once per test session."""
    from voorbeeldenbank.core import embeddings

    original = embeddings.embed_passages
    known: dict[str, np.ndarray] = {}

    def embed_passages(texts: list[str]) -> np.ndarray:
        missing = [text for text in dict.fromkeys(texts) if text not in known]
        if missing:
            known.update(zip(missing, original(missing), strict=True))
        return np.vstack([known[text] for text in texts]) if texts else original([])

    embeddings.embed_passages = embed_passages
    yield
    embeddings.embed_passages = original


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), loading_demo():
        demo.load()


@pytest.fixture
def demo_content(db):
    """The vision and the 13 examples (reloaded if a transactional test flushed them)."""
    if not ExamplePage.objects.exists():
        with loading_demo():
            demo.load()
    return ExamplePage.objects.live().order_by("title")


@pytest.fixture
def transactional_demo_content(transactional_db):
    with loading_demo():
        demo.load()
    return ExamplePage.objects.live().order_by("title")


# Personas -----------------------------------------------------------------------------------


@pytest.fixture
def anonymous_client() -> Client:
    return Client()


@pytest.fixture
def redacteur(django_user_model):
    user = django_user_model.objects.create_user(
        username="redacteur", email="redactie@example.org", password="wachtwoord"
    )
    user.groups.add(Group.objects.get(name="Editors"))
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


@pytest.fixture
def beheerder(django_user_model):
    return django_user_model.objects.create_superuser(
        username="beheerder", email="beheer@example.org", password="wachtwoord"
    )


@pytest.fixture
def visitor_account(django_user_model):
    """A logged-in account without any editorial role (e.g. a submitter)."""
    return django_user_model.objects.create_user(
        username="bezoeker", email="bezoeker@example.org", password="wachtwoord"
    )


@pytest.fixture
def redacteur_client(redacteur) -> Client:
    client = Client()
    client.force_login(redacteur)
    return client


@pytest.fixture
def beheerder_client(beheerder) -> Client:
    client = Client()
    client.force_login(beheerder)
    return client


@pytest.fixture
def visitor_client(visitor_account) -> Client:
    client = Client()
    client.force_login(visitor_account)
    return client
