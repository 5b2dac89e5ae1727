"""Publishing purges the page cache: the page and every address that shows it, after commit."""

import threading
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.test import override_settings

from voorbeeldenbank.core import frontend_cache
from voorbeeldenbank.examples.models import ExamplePage
from voorbeeldenbank.publication.models import Edition

pytestmark = pytest.mark.django_db


class FakeCache:
    """An HTTP listener that answers PURGE requests like nginx's cache_purge module."""

    def __init__(self) -> None:
        self.purged: list[tuple[str, str]] = []
        self.status = 200
        cache = self

        class Handler(BaseHTTPRequestHandler):
            def do_PURGE(self) -> None:
                cache.purged.append((self.headers["Host"], self.path))
                self.send_response(cache.status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.location = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def paths(self) -> set[str]:
        return {path for _host, path in self.purged}


@pytest.fixture
def fake_cache():
    cache = FakeCache()
    settings = {
        "nginx": {
            "BACKEND": "voorbeeldenbank.core.frontend_cache.HTTPPurgeBackend",
            "LOCATION": cache.location,
        }
    }
    with override_settings(WAGTAILFRONTENDCACHE=settings):
        yield cache
    cache.server.shutdown()


@pytest.fixture
def retries(monkeypatch) -> list:
    """The retries a purge schedules, as (urls, attempt)."""
    scheduled: list = []
    monkeypatch.setattr(
        frontend_cache, "enqueue_later", lambda task, when, *args: scheduled.append(args)
    )
    return scheduled


@pytest.fixture
def example(demo_content) -> ExamplePage:
    return ExamplePage.objects.live().get(slug="ervaringscafe")


def test_publishing_an_example_purges_it_and_every_page_that_shows_it(
    fake_cache, example, django_capture_on_commit_callbacks
):
    example.summary = "Een nieuwe samenvatting."
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        example.save_revision().publish()
    assert fake_cache.purged == [], "nothing may be purged before the change commits"

    for callback in callbacks:
        callback()

    paths = fake_cache.paths()
    assert {"/voorbeelden/ervaringscafe/", "/en/voorbeelden/ervaringscafe/"} <= paths
    assert {"/", "/en/", "/voorbeelden/", "/en/voorbeelden/"} <= paths
    assert {"/kwadrant/", "/elementenmatrix/", "/interviews/", "/vergelijk/"} <= paths
    assert {"/voorbeelden.atom", "/en/voorbeelden.atom", "/sitemap.xml"} <= paths
    assert {
        "/api/v1/examples/",
        "/api/v1/examples/ervaringscafe/",
        "/api/v1/matrix/",
        "/api/v1/examples.csv",
        "/api/v1/examples.json",
        "/api/v1/matrix.csv",
        "/api/v1/matrix.json",
    } <= paths
    # The cache is asked with the site's own host name, as its cache key holds it.
    hosts = {host for host, _path in fake_cache.purged}
    assert hosts == {"localhost"}


def test_unpublishing_purges_the_same_addresses(
    fake_cache, example, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        example.unpublish()

    assert {"/voorbeelden/ervaringscafe/", "/voorbeelden/", "/api/v1/examples/"} <= (
        fake_cache.paths()
    )


def test_a_page_that_is_not_an_example_purges_only_itself(
    fake_cache, demo_content, django_capture_on_commit_callbacks
):
    from voorbeeldenbank.core.models import TablePage

    table = TablePage.objects.live().get(slug="kwadrant")
    with django_capture_on_commit_callbacks(execute=True):
        table.save_revision().publish()

    assert fake_cache.paths() == {"/kwadrant/", "/en/kwadrant/"}


def test_a_moved_example_is_purged_at_its_old_address(
    fake_cache, example, django_capture_on_commit_callbacks
):
    example.slug = "ervaringscafe-nieuw"
    with django_capture_on_commit_callbacks(execute=True):
        example.save_revision().publish()

    assert {"/voorbeelden/ervaringscafe-nieuw/", "/voorbeelden/"} <= fake_cache.paths()


def test_a_new_edition_purges_the_editions_page(
    fake_cache, demo_content, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        Edition.objects.create(
            number=1,
            published_on=date(2026, 12, 1),
            pdf="edities/1.pdf",
            html="edities/1.html",
            pdf_size=1,
            page_count=1,
            checksum="0" * 64,
            example_count=13,
            manifest=[],
            changes=[],
        )

    assert {"/edities/", "/en/edities/"} <= fake_cache.paths()
    assert Edition.objects.count() == 1


@pytest.mark.parametrize("configured", [False, True])
def test_purges_are_queued_only_when_a_cache_is_configured(
    configured, example, monkeypatch, request
):
    if configured:
        request.getfixturevalue("fake_cache")
    queued = []
    monkeypatch.setattr(
        frontend_cache, "enqueue_on_commit", lambda task, *args: queued.append(args)
    )

    example.save_revision().publish()

    assert bool(queued) is configured


def test_a_failed_purge_is_tried_again_later_with_only_what_failed(fake_cache, retries):
    fake_cache.status = 502

    frontend_cache.purge_urls.call(["http://localhost/voorbeelden/"], 0)

    assert retries == [(["http://localhost/voorbeelden/"], 1)]


def test_the_last_failure_is_logged_and_given_up(fake_cache, retries, caplog):
    fake_cache.status = 502

    attempts = len(frontend_cache.RETRY_DELAYS)
    frontend_cache.purge_urls.call(["http://localhost/voorbeelden/"], attempts)

    assert retries == []
    assert "Gave up purging 1 address" in caplog.text


def test_not_in_the_cache_counts_as_purged(fake_cache, retries):
    fake_cache.status = 404

    frontend_cache.purge_urls.call(["http://localhost/voorbeelden/"], 0)

    assert fake_cache.paths() == {"/voorbeelden/"}
    assert retries == []


def test_an_unreachable_cache_is_a_failure_to_retry(retries):
    closed = {
        "nginx": {
            "BACKEND": "voorbeeldenbank.core.frontend_cache.HTTPPurgeBackend",
            "LOCATION": "http://127.0.0.1:9",
        }
    }
    with override_settings(WAGTAILFRONTENDCACHE=closed):
        frontend_cache.purge_urls.call(["http://localhost/"], 0)

    assert retries == [(["http://localhost/"], 1)]
