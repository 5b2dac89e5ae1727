"""The example page: recognition badge, dates, a citation with a permanent address per version."""

import re

import pytest

from voorbeeldenbank.examples.constants import EffectivenessLevel
from voorbeeldenbank.examples.models import ExamplePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def giz(demo_content) -> ExamplePage:
    return ExamplePage.objects.live().get(slug="giz")


def test_a_recognised_example_shows_its_level_near_the_top(client, giz):
    html = client.get(giz.url).content.decode()

    header = html.split('<header class="example-header">')[1].split("</header>")[0]
    assert "badge--effectiveness" in header
    assert "Goed onderbouwd" in header


def test_an_example_without_a_rating_shows_no_badge(client, demo_content):
    page = ExamplePage.objects.live().filter(effectiveness_level="").first()

    assert "badge--effectiveness" not in client.get(page.url).content.decode()


def test_the_page_shows_its_publication_update_and_check_dates(client, giz):
    giz.last_checked = giz.first_published_at.date()
    giz.save_revision().publish()
    giz.refresh_from_db()
    html = client.get(giz.url).content.decode()

    dates = html.split('<dl class="example-dates">')[1].split("</dl>")[0]
    assert "Gepubliceerd" in dates
    assert "Bijgewerkt" in dates
    assert "Laatst gecontroleerd" in dates
    assert "onbekend" not in dates


def test_the_catalogue_filters_on_recognition(client, giz):
    html = client.get("/voorbeelden/?effectiveness=goed_onderbouwd").content.decode()
    titles = re.findall(r'<h3[^>]*><a href="[^"]+">([^<]+)</a></h3>', html)
    rated = ExamplePage.objects.live().filter(
        effectiveness_level=EffectivenessLevel.GOED_ONDERBOUWD
    )

    assert sorted(titles) == sorted(page.title for page in rated)
    assert (
        'name="effectiveness" value="goed_onderbouwd"'
        in client.get("/voorbeelden/").content.decode()
    )


def test_the_api_filters_on_recognition_and_shows_the_level(client, giz):
    listed = client.get("/api/v1/examples/?effectiveness=goed_onderbouwd").json()
    detail = client.get("/api/v1/examples/giz/").json()

    assert {item["slug"] for item in listed["results"]} >= {"giz"}
    assert detail["effectiveness_level"] == "goed_onderbouwd"


def citation_url(html: str) -> str:
    section = html.split('id="citation-heading"')[1]
    return re.search(r'<a href="(http[^"]+/versies/\d+/)">', section).group(1)


def test_the_citation_links_the_version_shown_and_it_stays_after_an_update(client, giz):
    first = citation_url(client.get(giz.url).content.decode())
    old_summary = giz.summary
    giz.summary = "Een bijgewerkte samenvatting voor deze test."
    giz.save_revision().publish()

    second = citation_url(client.get(giz.url).content.decode())
    assert second != first
    cited = client.get(path_of(first))
    cited_html = cited.content.decode()
    assert cited.status_code == 200
    assert old_summary.split("\n")[0][:40] in cited_html
    assert "Sindsdien is de tekst bijgewerkt." in cited_html
    assert cited["X-Robots-Tag"] == "noindex"


def path_of(url: str) -> str:
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def test_a_draft_revision_or_a_withdrawn_example_has_no_version_address(client, giz):
    draft = giz.save_revision()
    assert client.get(f"/versies/{draft.pk}/").status_code == 404

    live = giz.live_revision_id
    assert client.get(f"/versies/{live}/").status_code == 200
    giz.unpublish()
    assert client.get(f"/versies/{live}/").status_code == 404


def test_a_cited_version_never_shows_contact_details(client, giz):
    contact = giz.contacts.first()
    contact.is_public = True
    contact.email = "bereikbaar@example.org"
    contact.save()
    giz.save_revision().publish()
    giz.refresh_from_db()

    assert "bereikbaar@example.org" in client.get(giz.url).content.decode()
    cited = client.get(f"/versies/{giz.live_revision_id}/").content.decode()
    assert "bereikbaar@example.org" not in cited
