"""Public pages describe themselves to search engines and link previews; private ones do not."""

import xml.etree.ElementTree as ET

import pytest
from django.utils.html import escape

pytestmark = pytest.mark.django_db

SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.mark.parametrize(
    ("path", "canonical"),
    [
        ("/", "http://localhost/"),
        ("/voorbeelden/?q=gezin", "http://localhost/voorbeelden/"),
        ("/voorbeelden/ervaringscafe/", "http://localhost/voorbeelden/ervaringscafe/"),
        ("/en/voorbeelden/ervaringscafe/", "http://localhost/en/voorbeelden/ervaringscafe/"),
        ("/kwadrant/", "http://localhost/kwadrant/"),
        ("/taalcheck/", "http://localhost/taalcheck/"),
        ("/edities/", "http://localhost/edities/"),
        ("/insturen/", "http://localhost/insturen/"),
    ],
)
def test_public_pages_have_a_description_a_canonical_address_and_a_sharing_card(
    client, demo_content, path, canonical
):
    html = client.get(path).content.decode()

    assert '<meta name="description" content="' in html
    assert f'<link rel="canonical" href="{canonical}">' in html
    assert f'<meta property="og:url" content="{canonical}">' in html
    assert '<meta property="og:title" content="' in html
    assert 'hreflang="nl"' in html
    assert 'hreflang="en"' in html


def test_an_examples_description_is_its_summary_and_its_card_an_article(client, demo_content):
    from voorbeeldenbank.examples.models import ExamplePage

    example = ExamplePage.objects.get(slug="ervaringscafe")
    html = client.get("/voorbeelden/ervaringscafe/").content.decode()

    first_words = escape(" ".join(example.summary.split()[:8]))
    assert f'<meta name="description" content="{first_words}' in html
    assert '<meta property="og:type" content="article">' in html
    assert f'<meta property="og:title" content="{escape(example.title)}">' in html


def test_a_submitters_private_pages_get_no_canonical_address(client, demo_content):
    from tests.submissions.factories import SubmissionFactory

    token = SubmissionFactory().raw_token
    response = client.get(f"/insturen/{token}/", follow=True)
    html = response.content.decode()

    assert response.status_code == 200
    assert token not in html.split("<body")[0], "the private link may not appear in the head"
    assert 'rel="canonical"' not in html


def test_the_sitemap_lists_public_pages_in_both_languages_and_no_private_ones(client, demo_content):
    from voorbeeldenbank.examples.models import ExamplePage

    hidden = ExamplePage.objects.get(slug="ervaringscafe")
    hidden.unpublish()

    response = client.get("/sitemap.xml")
    root = ET.fromstring(response.content)
    locations = {node.text for node in root.findall("s:url/s:loc", SITEMAP)}

    assert response.status_code == 200
    assert {"http://localhost/", "http://localhost/en/"} <= locations
    assert "http://localhost/voorbeelden/ease/" in locations
    assert "http://localhost/en/voorbeelden/ease/" in locations
    assert {"http://localhost/taalcheck/", "http://localhost/lexicon/"} <= locations
    assert "http://localhost/edities/" in locations
    assert not any("ervaringscafe" in location for location in locations)
    assert not any("/admin/" in location or "/insturen/" in location for location in locations)
    alternates = root.findall("s:url/x:link", SITEMAP)
    assert {link.get("hreflang") for link in alternates} == {"nl", "en"}


def test_robots_txt_names_the_sitemap_and_keeps_out_of_the_admin(client):
    text = client.get("/robots.txt").content.decode()

    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_the_feed_lists_examples_newest_change_first(client, demo_content):
    from voorbeeldenbank.examples.models import ExamplePage

    changed = ExamplePage.objects.get(slug="pinkies")
    changed.save_revision().publish()

    response = client.get("/voorbeelden.atom")
    root = ET.fromstring(response.content)
    atom = {"a": "http://www.w3.org/2005/Atom"}
    entries = root.findall("a:entry", atom)

    assert response["Content-Type"].startswith("application/atom+xml")
    assert len(entries) == ExamplePage.objects.live().public().count()
    assert entries[0].find("a:title", atom).text == changed.title
    assert entries[0].find("a:link", atom).get("href").endswith("/voorbeelden/pinkies/")
    assert entries[0].find("a:summary", atom).text == changed.summary


def test_the_catalogue_links_the_feed(client, demo_content):
    html = client.get("/voorbeelden/").content.decode()

    assert 'type="application/atom+xml" href="/voorbeelden.atom"' in html
