"""Two editors on one example page: the second save is refused with a message, nothing is lost."""

import html

import pytest

from tests.factories import ExamplePageFactory
from tests.submissions.pages import editor_post_data

pytestmark = pytest.mark.django_db


def edit_url(page) -> str:
    return f"/admin/pages/{page.pk}/edit/"


@pytest.fixture
def page(demo_content, redacteur):
    page = ExamplePageFactory(draft=True)
    page.save_revision(user=redacteur)
    return page


def test_a_save_on_top_of_a_newer_revision_is_refused_and_keeps_the_text(
    page, redacteur, redacteur_client, beheerder
):
    stale = editor_post_data(page, redacteur, summary="Tekst van de eerste redacteur")
    page.summary = "Tekst van de tweede redacteur"
    page.save_revision(user=beheerder)

    response = redacteur_client.post(edit_url(page), stale)

    assert response.status_code == 200
    body = html.unescape(response.content.decode())
    assert "heeft deze pagina opgeslagen nadat u hem opende" in body
    assert "beheerder" in body
    # What the first editor typed is still in the form.
    assert "Tekst van de eerste redacteur" in body
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().summary == "Tekst van de tweede redacteur"


def test_saving_again_after_the_warning_replaces_the_newer_revision(
    page, redacteur, redacteur_client, beheerder
):
    page.summary = "Tekst van de tweede redacteur"
    page.save_revision(user=beheerder)
    # The re-rendered form is based on the latest revision: a deliberate second save.
    again = editor_post_data(page, redacteur, summary="Tekst van de eerste redacteur")

    response = redacteur_client.post(edit_url(page), again)

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().summary == "Tekst van de eerste redacteur"


def test_an_ordinary_save_is_not_affected(page, redacteur, redacteur_client):
    data = editor_post_data(page, redacteur, summary="Nieuwe samenvatting")

    response = redacteur_client.post(edit_url(page), data)

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().summary == "Nieuwe samenvatting"
