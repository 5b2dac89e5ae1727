"""Hostile or absurd input to every public endpoint gets an answer, never a server error."""

from urllib.parse import quote

import pytest

pytestmark = pytest.mark.django_db

NASTY = [
    "\x00",
    "%00",
    "'; DROP TABLE wagtailcore_page; --",
    "<script>alert(1)</script>",
    "ü" * 5000,
    "../../etc/passwd",
    "%ed%a0%80%ff",
    "9" * 5000,
    "",
]
PATHS = [
    "/voorbeelden/?q={v}",
    "/voorbeelden/?kind={v}&element={v}&age={v}&page={v}",
    "/en/voorbeelden/?topic={v}&place={v}&target={v}",
    "/vergelijk/?v={v}&v=pinkies",
    "/api/v1/examples/?q={v}",
    "/api/v1/examples/?element={v}&page_size={v}",
]


@pytest.mark.parametrize("template", PATHS)
@pytest.mark.parametrize("value", NASTY, ids=range(len(NASTY)))
def test_nasty_query_values_never_cause_a_server_error(demo_content, client, template, value):
    response = client.get(template.replace("{v}", quote(value, safe="%")))
    assert response.status_code < 500
    if response["Content-Type"].startswith("text/html"):
        assert b"<script>alert(1)</script>" not in response.content


@pytest.mark.parametrize("value", ["%00", "%ff%fe", "a" * 400, "..", "%2e%2e%2f"])
def test_nasty_slugs_answer_404(demo_content, client, value):
    assert client.get(f"/voorbeelden/{value}/").status_code == 404
    assert client.get(f"/api/v1/examples/{value}/").status_code == 404


def test_a_search_for_script_tags_is_shown_escaped(demo_content, client):
    response = client.get("/voorbeelden/", {"q": "<script>alert(1)</script>"})
    assert response.status_code == 200
    assert b"&lt;script&gt;" in response.content
