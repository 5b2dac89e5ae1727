"""On the English site the Dutch content is marked as Dutch (WCAG 3.1.2), element by element."""

import re

import pytest
from bs4 import BeautifulSoup

from voorbeeldenbank.examples.models import ExamplePage
from voorbeeldenbank.lexicon.models import LexiconEntry

pytestmark = pytest.mark.django_db


def language_of(node) -> str | None:
    """The language a screen reader uses for a text node: the nearest lang attribute."""
    for parent in node.parents:
        if parent.has_attr("lang"):
            return parent["lang"]
    return None


def languages_of(html: str, text: str) -> set[str | None]:
    soup = BeautifulSoup(html, "lxml")
    found = {
        language_of(node)
        for node in soup.body.find_all(string=lambda s: s and text in s)
        if node.parent.name not in {"script", "style", "title"}
    }
    assert found, f"{text!r} is not on the page"
    return found


@pytest.fixture
def example(demo_content) -> ExamplePage:
    return ExamplePage.objects.live().get(slug="ervaringscafe")


def dutch_parts(example: ExamplePage) -> list[str]:
    parts = [
        example.title,
        example.summary.split("\n")[0][:40],
        example.target_group[:30],
        example.what_works.first().text[:40],
    ]
    quote = example.quotes.first()
    if quote is not None:
        parts.append(quote.text[:40])
    link = example.example_elements.first()
    if link is not None and link.explanation:
        parts.append(link.explanation[:40])
    return [part for part in parts if part]


def test_an_examples_dutch_content_is_marked_dutch_on_the_english_site(client, example):
    html = client.get("/en/voorbeelden/ervaringscafe/").content.decode()

    for part in dutch_parts(example):
        assert languages_of(html, part) == {"nl"}, part
    # The interface around it stays English.
    assert languages_of(html, "In a nutshell") == {"en"}


def test_on_the_dutch_site_nothing_extra_is_marked(client, example):
    html = client.get("/voorbeelden/ervaringscafe/").content.decode()

    # Only the language switch names Dutch (as the name of a language).
    assert len(re.findall(r'\slang="nl"', html.split("<body", 1)[1])) == 1


@pytest.mark.parametrize(
    "path", ["/en/voorbeelden/", "/en/", "/en/kwadrant/", "/en/elementenmatrix/"]
)
def test_example_names_in_lists_and_tables_are_marked_dutch(client, example, path):
    soup = BeautifulSoup(client.get(path).content, "lxml")
    addresses = {page.url for page in ExamplePage.objects.live()} | {
        f"/en{page.url}" for page in ExamplePage.objects.live()
    }
    links = [
        link
        for link in soup.body.find_all("a", href=True)
        if link["href"].split("?")[0] in addresses and link.get_text(strip=True)
    ]

    assert links, "no example is listed"
    for link in links:
        text = next(node for node in link.find_all(string=True) if node.strip())
        assert language_of(text) == "nl", (link["href"], link.get_text(strip=True))


def test_lexicon_entries_are_marked_dutch_on_the_english_site(client, demo_content):
    entry = LexiconEntry.objects.order_by("term").first()
    html = client.get(f"/en/lexicon/{entry.slug}/").content.decode()

    assert languages_of(html, entry.explanation[:40]) == {"nl"}
    assert languages_of(html, entry.example_before[:30]) == {"nl"}


def test_an_element_without_an_english_summary_is_marked_dutch(client, demo_content):
    from voorbeeldenbank.core.models import Element

    element = Element.objects.first()
    element.summary_en = ""
    element.save()

    html = client.get("/en/").content.decode()

    assert languages_of(html, element.summary[:40]) == {"nl"}
