"""CSV and JSON downloads of the catalogue and the element matrix (/api/v1/{examples,matrix}.*)."""

import csv
import io
from datetime import date
from typing import Any

import pytest

from tests.factories import ExamplePageFactory
from voorbeeldenbank.api import downloads
from voorbeeldenbank.examples import tables

from . import demo_data
from .demo_data import DOWNLOAD_URLS, LIST_URL, MATRIX_URL

CATALOGUE_CSV, CATALOGUE_JSON = (
    DOWNLOAD_URLS["catalogue", "csv"],
    DOWNLOAD_URLS["catalogue", "json"],
)
MATRIX_CSV, MATRIX_JSON = DOWNLOAD_URLS["matrix", "csv"], DOWNLOAD_URLS["matrix", "json"]
CATALOGUE_COLUMNS = [
    "id",
    "slug",
    "name",
    "short_name",
    "kind",
    "formality",
    "scale",
    "since_year",
    "age_min",
    "age_max",
    "places",
    "target_groups",
    "topics",
    "elements",
    "element_count",
    "url",
    "api_url",
]


def read_csv(response) -> list[dict[str, str]]:
    assert response.status_code == 200, response.content
    assert response.content.startswith(b"\xef\xbb\xbf"), "no byte order mark"
    text = response.content.decode("utf-8-sig")
    assert not text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def header(response) -> list[str]:
    text = response.content.decode("utf-8-sig")
    return next(csv.reader(io.StringIO(text, newline="")))


def get_json(client, url: str, **params: Any) -> dict[str, Any]:
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()


# Files: type, name, licence ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "content_type", "name"),
    [
        (CATALOGUE_CSV, "text/csv; charset=utf-8", "voorbeeldenbank-catalogus-2026-11-29.csv"),
        (
            CATALOGUE_JSON,
            "application/json; charset=utf-8",
            "voorbeeldenbank-catalogus-2026-11-29.json",
        ),
        (MATRIX_CSV, "text/csv; charset=utf-8", "voorbeeldenbank-elementenmatrix-2026-11-29.csv"),
        (
            MATRIX_JSON,
            "application/json; charset=utf-8",
            "voorbeeldenbank-elementenmatrix-2026-11-29.json",
        ),
    ],
)
def test_it_sends_a_dated_file_with_the_licence_in_a_link_header(
    demo_content, client, monkeypatch, url, content_type, name
):
    monkeypatch.setattr(downloads.timezone, "localdate", lambda: date(2026, 11, 29))

    response = client.get(url)

    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'attachment; filename="{name}"'
    assert response["Link"] == f'<{demo_data.licence()["url"]}>; rel="license"'


def test_the_json_downloads_carry_the_licence(demo_content, client):
    assert get_json(client, CATALOGUE_JSON)["licence"] == demo_data.licence()
    assert get_json(client, MATRIX_JSON)["licence"] == demo_data.licence()


def test_the_licence_comes_from_the_settings(demo_content, client, settings):
    settings.CONTENT_LICENCE_NAME = "CC0 1.0"
    settings.CONTENT_LICENCE_URL = "https://creativecommons.org/publicdomain/zero/1.0/"
    expected = {"name": "CC0 1.0", "url": "https://creativecommons.org/publicdomain/zero/1.0/"}

    for url in (LIST_URL, MATRIX_URL, CATALOGUE_JSON, demo_data.detail_url("ease")):
        assert get_json(client, url)["licence"] == expected, url
    assert client.get(MATRIX_CSV)["Link"] == f'<{expected["url"]}>; rel="license"'


@pytest.mark.parametrize("url", DOWNLOAD_URLS.values())
def test_it_refuses_writes_and_answers_head(demo_content, client, url):
    refused = client.post(url)
    head = client.head(url)

    assert refused.status_code == 405
    assert refused["Allow"] == "GET, HEAD"
    assert refused.json() == {"errors": ["De methode POST is niet toegestaan; gebruik GET."]}
    assert head.status_code == 200
    assert head.content == b""


@pytest.mark.parametrize("url", ["/api/v1/examples.xml", "/api/v1/matrix.xlsx"])
def test_other_formats_are_not_found(demo_content, client, url):
    response = client.get(url, follow=True)

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json; charset=utf-8"


# The catalogue ----------------------------------------------------------------------------


def test_the_catalogue_csv_has_one_row_per_example_in_the_catalogues_order(demo_content, client):
    response = client.get(CATALOGUE_CSV)
    rows = read_csv(response)

    assert header(response) == CATALOGUE_COLUMNS
    listed = get_json(client, LIST_URL, page_size=100)["results"]
    assert [row["slug"] for row in rows] == [result["slug"] for result in listed]
    assert [int(row["id"]) for row in rows] == [result["id"] for result in listed]


def test_the_catalogue_csv_holds_the_facts_of_each_example(demo_content, client):
    rows = read_csv(client.get(CATALOGUE_CSV))

    for row in rows:
        data = demo_data.example(row["slug"])
        assert row["short_name"] == downloads.safe_cell(data["short_name"])
        assert (row["kind"], row["formality"], row["scale"]) == (
            data["kind"],
            data["formality"],
            data["scale"],
        )
        assert row["since_year"] == str(data.get("since_year") or "")
        assert row["age_min"] == str(data["age_min"] if data.get("age_min") is not None else "")
        assert row["age_max"] == str(data["age_max"] if data.get("age_max") is not None else "")
        assert sorted(row["places"].split("|")) == sorted(demo_data.place_keys(data))
        assert sorted(row["target_groups"].split("|")) == sorted(data["target_groups"])
        assert sorted(row["topics"].split("|")) == sorted(data["topics"])
        assert row["elements"].split("|") == demo_data.element_keys(data)
        assert row["element_count"] == str(len(data["elements"]))
        assert row["url"] == f"http://testserver/voorbeelden/{row['slug']}/"
        assert row["api_url"] == f"http://testserver/api/v1/examples/{row['slug']}/"


def test_the_catalogue_json_has_the_same_rows_with_real_lists(demo_content, client):
    body = get_json(client, CATALOGUE_JSON)
    rows = read_csv(client.get(CATALOGUE_CSV))

    assert set(body) == {"count", "results", "licence"}
    assert body["count"] == 13 == len(body["results"])
    for entry, row in zip(body["results"], rows, strict=True):
        assert list(entry) == CATALOGUE_COLUMNS
        assert entry["slug"] == row["slug"]
        assert entry["elements"] == row["elements"].split("|")
        assert isinstance(entry["id"], int)
    ease = next(entry for entry in body["results"] if entry["slug"] == "ease")
    assert (ease["since_year"], ease["age_min"], ease["age_max"]) == (2018, 12, 25)


@pytest.mark.parametrize(
    "params",
    [
        {"kind": "beleid"},
        {"element": ["brede_context", "niet_problematiseren"]},
        {"target": "jongeren", "age": "16"},
        {"q": "vrijwilligers"},
        {"q": "ouders", "formality": "informeel"},
        {"place": "leiden"},
    ],
)
def test_the_catalogue_downloads_apply_the_catalogues_filters(demo_content, client, params):
    listed = get_json(client, LIST_URL, **params, page_size=100)["results"]
    expected = [result["slug"] for result in listed]

    rows = read_csv(client.get(CATALOGUE_CSV, params))
    body = get_json(client, CATALOGUE_JSON, **params)

    assert expected
    assert [row["slug"] for row in rows] == expected
    assert [entry["slug"] for entry in body["results"]] == expected
    assert body["count"] == len(expected)


@pytest.mark.parametrize("url", DOWNLOAD_URLS.values())
def test_a_download_with_an_unknown_filter_value_gets_a_json_400(demo_content, client, url):
    response = client.get(url, {"topic": "ruimtevaart"})

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert "Content-Disposition" not in response
    assert response.json() == {"errors": ["Het filter 'topic' kent de waarde 'ruimtevaart' niet."]}


# The matrix -------------------------------------------------------------------------------


def test_the_matrix_csv_has_a_0_1_column_per_element(demo_content, client):
    response = client.get(MATRIX_CSV)
    rows = read_csv(response)
    keys = list(demo_data.vision_order())

    assert header(response) == ["id", "slug", "name", *keys, "element_count"]
    website = tables.matrix()
    assert [row["slug"] for row in rows] == [row["example"].slug for row in website["rows"]]
    for row in rows:
        data = demo_data.example(row["slug"])
        assert {key for key in keys if row[key] == "1"} == set(demo_data.element_keys(data))
        assert all(row[key] in {"0", "1"} for key in keys)
        assert row["element_count"] == str(len(data["elements"]))
    counts = [sum(int(row[key]) for row in rows) for key in keys]
    assert counts == website["column_counts"]


def test_the_matrix_json_is_the_matrix_endpoint_as_a_file(demo_content, client):
    assert get_json(client, MATRIX_JSON) == get_json(client, MATRIX_URL)
    assert get_json(client, MATRIX_JSON, kind="beleid") == get_json(
        client, MATRIX_URL, kind="beleid"
    )


def test_the_matrix_csv_applies_filters(demo_content, client):
    rows = read_csv(client.get(MATRIX_CSV, {"element": "toegang_laagdrempelig"}))

    expected = demo_data.slugs_where(lambda d: "toegang_laagdrempelig" in demo_data.element_keys(d))
    assert {row["slug"] for row in rows} == expected
    assert all(row["toegang_laagdrempelig"] == "1" for row in rows)


# CSV injection ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+31 70 123", "'+31 70 123"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tverborgen", "'\tverborgen"),
        ("Gewoon", "Gewoon"),
        ("a=b", "a=b"),
        ("", ""),
        (None, ""),
        (7, 7),
        (True, 1),
    ],
)
def test_safe_cell_defuses_formulas(value, written):
    assert downloads.safe_cell(value) == written


def test_a_name_that_looks_like_a_formula_is_written_as_text(demo_content, client):
    ExamplePageFactory(
        title='=HYPERLINK("https://example.org","klik")',
        short_name="-1+1",
        slug="formule",
        elements=("brede_context",),
    )

    catalogue = {row["slug"]: row for row in read_csv(client.get(CATALOGUE_CSV))}
    matrix = {row["slug"]: row for row in read_csv(client.get(MATRIX_CSV))}

    assert catalogue["formule"]["name"] == '\'=HYPERLINK("https://example.org","klik")'
    assert catalogue["formule"]["short_name"] == "'-1+1"
    assert matrix["formule"]["name"] == '\'=HYPERLINK("https://example.org","klik")'
    # The demo's own "@ease" starts with an @ too; JSON keeps every value as it is.
    assert catalogue["ease"]["name"] == "'@ease"
    entries = {e["slug"]: e for e in get_json(client, CATALOGUE_JSON)["results"]}
    assert entries["formule"]["name"] == '=HYPERLINK("https://example.org","klik")'
    assert entries["ease"]["name"] == "@ease"


def test_commas_quotes_and_line_breaks_survive_the_round_trip(demo_content, client):
    title = 'Ouders, "samen" sterk\nin de wijk'
    ExamplePageFactory(title=title, slug="komma", short_name="Komma; punt")

    row = next(r for r in read_csv(client.get(CATALOGUE_CSV)) if r["slug"] == "komma")

    assert row["name"] == title
    assert row["short_name"] == "Komma; punt"
