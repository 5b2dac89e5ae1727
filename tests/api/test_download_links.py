"""The download links and the licence on the catalogue page and the element matrix page."""

import html
import re

from .demo_data import licence

CATALOGUE = "/voorbeelden/"
MATRIX_PAGE = "/elementenmatrix/"


def downloads_box(content: str, box_id: str) -> str:
    match = re.search(rf'<div id="{box_id}".*?</div>', content, re.S)
    assert match, f"no #{box_id}"
    return match.group(0)


def hrefs(box: str) -> list[str]:
    return [html.unescape(href) for href in re.findall(r'href="([^"]*)"', box)]


def test_the_catalogue_links_to_both_downloads_with_the_licence(demo_content, client):
    response = client.get(CATALOGUE)

    box = downloads_box(response.content.decode(), "catalogue-downloads")
    assert "Download deze resultaten als" in box
    assert hrefs(box) == ["/api/v1/examples.csv", "/api/v1/examples.json", licence()["url"]]
    assert 'rel="license"' in box
    assert licence()["name"] in box


def test_the_catalogue_links_keep_the_current_filters(demo_content, client):
    params = {
        "q": "ouders wijk",
        "kind": "programma",
        "age": "4",
        "element": ["brede_context", "positieve_zaken"],
    }
    response = client.get(CATALOGUE, params)

    csv_link, json_link, _licence = hrefs(
        downloads_box(response.content.decode(), "catalogue-downloads")
    )
    expected = "?q=ouders+wijk&element=brede_context&element=positieve_zaken&kind=programma&age=4"
    assert csv_link == f"/api/v1/examples.csv{expected}"
    assert json_link == f"/api/v1/examples.json{expected}"
    assert client.get(csv_link).status_code == 200


def test_the_links_leave_out_values_the_catalogue_ignored(demo_content, client):
    """The page ignores an unknown value; the strict download would refuse it."""
    response = client.get(CATALOGUE, {"kind": ["circus", "beleid"], "page": "2"})

    csv_link = hrefs(downloads_box(response.content.decode(), "catalogue-downloads"))[0]
    assert csv_link == "/api/v1/examples.csv?kind=beleid"
    assert client.get(csv_link).status_code == 200


def test_the_links_follow_filters_chosen_with_htmx(demo_content, client):
    """htmx swaps the results region only; the links are inside it, so they follow."""
    response = client.get(CATALOGUE, {"topic": "eenzaamheid"}, headers={"HX-Request": "true"})

    content = response.content.decode()
    assert "<html" not in content
    assert "/api/v1/examples.csv?topic=eenzaamheid" in hrefs(
        downloads_box(content, "catalogue-downloads")
    )


def test_there_are_no_links_when_nothing_is_found(demo_content, client):
    response = client.get(CATALOGUE, {"q": "xylofoonbouwer"})

    assert 'id="catalogue-downloads"' not in response.content.decode()


def test_the_matrix_page_links_to_both_downloads_with_the_licence(demo_content, client):
    response = client.get(MATRIX_PAGE)

    assert response.status_code == 200
    box = downloads_box(response.content.decode(), "matrix-downloads")
    assert "Download de matrix als" in box
    assert hrefs(box) == ["/api/v1/matrix.csv", "/api/v1/matrix.json", licence()["url"]]
    assert licence()["name"] in box
