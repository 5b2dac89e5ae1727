"""The public lexicon: A–Z, per category, search and one page per entry."""

import pytest
from django.urls import reverse

URL = "/lexicon/"


def test_the_index_lists_every_entry_from_a_to_z(lexicon, client):
    response = client.get(URL)

    html = response.content.decode()
    assert response.status_code == 200
    assert f"{lexicon.count()} woorden in het lexicon." in html
    assert 'href="#letter-A"' in html
    assert 'id="letter-Z"' in html
    # Alphabetical, ignoring case and accents.
    assert html.index("achterstand<") < html.index("ADHD&#x27;er<") < html.index("zorgvrager<")
    assert 'id="probleemgezin"' in html  # each entry has an anchor
    assert 'href="/lexicon/probleemgezin/"' in html


def test_a_category_shows_only_its_entries(lexicon, client):
    html = client.get(URL, {"categorie": "medicaliserend"}).content.decode()

    assert ">stoornis<" in html
    assert ">probleemgezin<" not in html
    count = lexicon.filter(category="medicaliserend").count()
    assert f"{count} woorden in Medicaliserend." in html
    assert 'aria-current="page">Medicaliserend' in html


def test_an_unknown_category_shows_everything(lexicon, client):
    html = client.get(URL, {"categorie": "bestaat-niet"}).content.decode()

    assert f"{lexicon.count()} woorden in het lexicon." in html


@pytest.mark.parametrize(
    ("query", "term"),
    [
        ("gezin", "probleemgezin"),  # part of a term
        ("steuntje", "hulp"),  # an alternative
        ("zorgmijders", "zorgmijder"),  # an inflected form, via the check's index
        ("Gedragsstoornissen", "stoornis"),  # a compound
        ("PATIENT", "patiënt"),  # case and accents
    ],
)
def test_search_finds_entries(lexicon, client, query, term):
    html = client.get(URL, {"q": query}).content.decode()

    assert f">{term}<" in html


def test_search_without_results_says_so(lexicon, client):
    html = client.get(URL, {"q": "xyzzy"}).content.decode()

    assert "Geen woorden gevonden." in html
    assert "0 woorden" in html


def test_search_input_is_escaped(lexicon, client):
    html = client.get(URL, {"q": "<b>vet</b>"}).content.decode()

    assert "<b>vet</b>" not in html
    assert "&lt;b&gt;vet&lt;/b&gt;" in html


def test_an_entry_has_its_own_page(lexicon, client):
    response = client.get(reverse("lexicon:entry", args=["zorgmijder"]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>zorgmijder</h1>" in html
    assert "ouder die (nog) geen contact wil" in html
    assert "Deze moeder is een zorgmijder." in html  # example before
    assert "slechte ervaringen" in html  # example after
    assert "Stigmatiserend" in html


def test_an_unknown_entry_is_a_404(lexicon, client):
    assert client.get("/lexicon/bestaat-niet/").status_code == 404
