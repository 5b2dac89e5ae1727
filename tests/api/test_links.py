"""The cheap absolute addresses of the open data equal what Wagtail and reverse() would give."""

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from tests.factories import ExamplePageFactory
from voorbeeldenbank.api.links import Links
from voorbeeldenbank.api.serializers import page_url
from voorbeeldenbank.examples.models import ExamplePage


def row(page: ExamplePage) -> dict:
    return {"id": page.pk, "slug": page.slug, "url_path": page.url_path}


@pytest.fixture
def request_():
    return RequestFactory().get("/api/v1/matrix/")


@pytest.mark.parametrize("language", ["nl", "en"])
def test_page_urls_equal_wagtails(demo_content, request_, language):
    ExamplePageFactory(title="Één café", slug="één-café")
    with translation.override(language):
        links = Links(request_)
        for page in ExamplePage.objects.all():
            assert links.page_url(row(page)) == page_url(page, request_), page.slug


def test_api_urls_equal_reverse(demo_content, request_):
    links = Links(request_)

    for slug in ("ease", "één-café", "a_b-c"):
        expected = request_.build_absolute_uri(reverse("api:example-detail", args=[slug]))
        assert links.api_url(slug) == expected


def test_it_asks_wagtail_once_per_parent(demo_content, request_, django_assert_num_queries):
    pages = list(ExamplePage.objects.all())
    links = Links(request_)
    links.page_url(row(pages[0]))  # the parent's prefix, and Wagtail's site root paths

    with django_assert_num_queries(0):
        urls = [links.page_url(row(page)) for page in pages]

    assert all(url and url.startswith("http://testserver/voorbeelden/") for url in urls)


def test_an_unusual_url_path_falls_back_to_wagtail(demo_content, request_):
    page = ExamplePage.objects.get(slug="ease")
    odd = {**row(page), "url_path": "/elders/iets-anders/"}

    assert Links(request_).page_url(odd) == page_url(page, request_)
