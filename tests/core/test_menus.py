"""The menu and footer links are kept in the cache and replaced when a page changes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from voorbeeldenbank.core import menus
from voorbeeldenbank.core.models import InfoPage


def footer_labels(html: str) -> str:
    """The footer's list of service pages, or "" when there is none."""
    start = html.find('class="site-footer__service"')
    return html[start:] if start >= 0 else ""


def queries_for(client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured.captured_queries)


def test_a_second_page_view_looks_the_menus_up_no_more(demo_content, client):
    first = queries_for(client, "/lexicon/")
    second = queries_for(client, "/lexicon/")
    assert second < first


def test_a_published_service_page_appears_in_the_footer_at_once(demo_content, client):
    client.get("/lexicon/")  # the menus are now kept
    info = InfoPage.objects.live().first()
    assert info is not None, "the demo content has an about page"
    info.title = "Over deze bank, opnieuw"
    info.show_in_menus = True
    info.save_revision().publish()

    html = client.get("/lexicon/").content.decode()
    assert "Over deze bank, opnieuw" in footer_labels(html)


def test_an_unpublished_page_leaves_the_menu(demo_content, client):
    html = client.get("/lexicon/").content.decode()
    info = InfoPage.objects.live().in_menu().first()
    assert info is not None
    assert info.title in footer_labels(html)
    info.unpublish()
    assert info.title not in footer_labels(client.get("/lexicon/").content.decode())


def test_links_are_kept_per_language(demo_content, client):
    dutch = client.get("/lexicon/").content.decode()
    english = client.get("/en/lexicon/").content.decode()
    assert 'href="/voorbeelden/"' in dutch
    assert 'href="/en/voorbeelden/"' in english


@pytest.mark.django_db(transaction=True)
def test_the_version_changes_again_after_the_commit(demo_content):
    from django.db import transaction

    with transaction.atomic():
        menus.bump_now_and_after_commit()
        inside = menus.version()
        assert inside != 0
    assert menus.version() != inside
