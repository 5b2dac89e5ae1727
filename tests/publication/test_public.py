"""The public "Edities" page and the downloads of each edition."""

import pytest
from django.core.files.storage import default_storage

from tests.factories import ExamplePageFactory
from tests.publication.fakes import FAKE_PDF, build_edition_now, use_fake_renderer
from voorbeeldenbank.examples.models import ExamplePage
from voorbeeldenbank.publication.models import Edition

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_editions(demo_content, monkeypatch) -> list[Edition]:
    use_fake_renderer(monkeypatch)
    first = build_edition_now().edition
    page = ExamplePage.objects.get(slug="pinkies")
    page.summary = "Een andere korte beschrijving."
    page.save_revision().publish()
    ExamplePageFactory(title="Buurtmoeders")
    second = build_edition_now().edition
    return [first, second]


def test_the_page_says_when_there_are_no_editions_yet(demo_content, client):
    response = client.get("/edities/")

    assert response.status_code == 200
    assert "Er is nog geen editie verschenen." in response.content.decode()


def test_the_page_lists_all_editions_newest_first(two_editions, client):
    body = client.get("/edities/").content.decode()

    assert body.index("Editie 2 van") < body.index("Editie 1 van")
    for edition in two_editions:
        assert edition.checksum in body
        assert f"/edities/{edition.number}/pdf/" in body
        assert f'href="/edities/{edition.number}/"' in body
    assert "Dit is de eerste editie." in body
    assert "1 voorbeeld toegevoegd:" in body
    assert "Buurtmoeders" in body
    assert "Pinkies (In een notendop)" in body


def test_the_page_is_in_the_site_navigation(two_editions, client):
    body = client.get("/voorbeelden/").content.decode()
    assert '<a href="/edities/">Edities</a>' in body

    body = client.get("/edities/").content.decode()
    assert '<a href="/edities/" aria-current="page">Edities</a>' in body


def test_the_page_has_an_english_version(two_editions, client):
    response = client.get("/en/edities/")

    assert response.status_code == 200
    assert 'lang="en"' in response.content.decode()


def test_the_pdf_downloads_as_an_attachment(two_editions, client):
    edition = two_editions[1]

    response = client.get("/edities/2/pdf/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="voorbeeldenbank-editie-2.pdf"'
    content = b"".join(response.streaming_content)
    assert content == FAKE_PDF
    assert content.startswith(b"%PDF-")
    assert response["ETag"] == f'"{edition.checksum}"'


def test_old_editions_stay_downloadable(two_editions, client):
    response = client.get("/edities/1/pdf/")

    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('"voorbeeldenbank-editie-1.pdf"')


def test_the_web_version_is_the_stored_html(two_editions, client):
    response = client.get("/edities/1/")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert b"".join(response.streaming_content) == two_editions[0].html.read()


@pytest.mark.parametrize(
    "path", ["/edities/3/", "/edities/3/pdf/", "/edities/0/pdf/", "/edities/een/", "/edities/1/x/"]
)
def test_unknown_editions_are_not_found(two_editions, client, path):
    assert client.get(path).status_code == 404


def test_a_missing_file_is_not_found_rather_than_an_error(two_editions, client):
    default_storage.delete(two_editions[0].pdf.name)

    assert client.get("/edities/1/pdf/").status_code == 404
