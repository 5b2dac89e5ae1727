"""Who may see what: the personas against the public site and the editorial admin."""

import pytest

from tests.factories import ExamplePageFactory
from voorbeeldenbank.examples.models import ExampleContact, ExamplePage

pytestmark = pytest.mark.django_db

INTERVIEWS_ADMIN = "/admin/snippets/examples/interviewrecord/"


def test_anonymous_visitors_are_sent_to_the_login_for_the_admin(demo_content, anonymous_client):
    response = anonymous_client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_an_account_without_a_role_cannot_use_the_admin(demo_content, visitor_client):
    response = visitor_client.get("/admin/")
    assert response.status_code in (302, 403)
    assert visitor_client.get(INTERVIEWS_ADMIN).status_code in (302, 403)


def test_the_redactie_sees_the_interview_records(demo_content, redacteur_client):
    response = redacteur_client.get(INTERVIEWS_ADMIN)
    assert response.status_code == 200
    assert "Pijnacker" in response.content.decode()


def test_the_redactie_can_edit_an_example(demo_content, redacteur_client):
    page = ExamplePage.objects.get(slug="pinkies")
    assert redacteur_client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200


def test_beheer_reaches_the_admin(demo_content, beheerder_client):
    assert beheerder_client.get("/admin/").status_code == 200
    assert beheerder_client.get(INTERVIEWS_ADMIN).status_code == 200


def test_a_draft_is_not_public(demo_content, anonymous_client):
    draft = ExamplePageFactory(title="Nog niet klaar", draft=True)
    assert anonymous_client.get(f"/voorbeelden/{draft.slug}/").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/voorbeelden/bestaat-niet/",
        "/voorbeelden/%00/",
        "/voorbeelden/" + "a" * 300 + "/",
        "/voorbeelden/..%2F..%2Fetc/",
    ],
)
def test_unknown_or_malformed_slugs_answer_404(demo_content, anonymous_client, path):
    assert anonymous_client.get(path).status_code == 404


def test_editorial_notes_and_private_contacts_stay_off_the_public_page(demo_content, client):
    page = ExamplePage.objects.get(slug="jong-perspectief-maatjesproject")
    ExampleContact.objects.create(
        page=page, name="Privé Persoon", email="prive.persoon@example.org", is_public=False
    )
    body = client.get(page.url).content.decode()
    assert "prive.persoon@example.org" not in body
    for note in page.editorial_notes.all():
        assert note.text[:60] not in body
