"""In the browser, on the English site, Dutch content reports Dutch as its language."""

import pytest
from playwright.sync_api import Page

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

LANGUAGE_OF = """(selector) => [...document.querySelectorAll(selector)].map(
    (element) => element.closest('[lang]').getAttribute('lang'))"""


def test_the_english_example_page_marks_its_dutch_content(page: Page, site):
    page.goto(f"{site}/en/voorbeelden/ervaringscafe/")

    # The example's own texts: Dutch.
    texts = ", ".join(
        [
            "h1",
            "#notendop ~ div p",
            "blockquote p",
            "ul.points li:not(:has(> span))",
            "ul.points li > span:first-child",
        ]
    )
    assert set(page.evaluate(LANGUAGE_OF, texts)) == {"nl"}
    # The interface around them: English.
    assert set(page.evaluate(LANGUAGE_OF, "h2, .site-nav a, .toc a")) == {"en"}


def test_the_dutch_site_needs_no_marks(page: Page, site):
    page.goto(f"{site}/voorbeelden/ervaringscafe/")

    assert set(page.evaluate(LANGUAGE_OF, "h1, #notendop ~ div p, h2")) == {"nl"}
    assert page.locator("main [lang]").count() == 0
