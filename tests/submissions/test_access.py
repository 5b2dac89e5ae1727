"""Who may see what: the five personas against every submission view."""

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from .actions import step_data
from .factories import SubmissionFactory

pytestmark = pytest.mark.django_db

PERSONAS = ["visitor", "submitter", "contact", "redacteur", "beheerder"]


@pytest.fixture
def world(contact_person, redacteur, beheerder):
    """One submission held by a submitter, one round held by a contact person, and clients."""
    mine = SubmissionFactory(submitted=True, content={"title": "Van de indiener"})
    clients = {
        "visitor": Client(),
        "submitter": Client(),
        "contact": contact_person.client,
        "redacteur": Client(),
        "beheerder": Client(),
    }
    clients["redacteur"].force_login(redacteur)
    clients["beheerder"].force_login(beheerder)
    return {"submission": mine, "round": contact_person, "clients": clients}


ADMIN_VIEWS = ["index", "detail", "edit"]


def admin_url(name: str, submission) -> str:
    if name == "index":
        return reverse("submissions_admin:index")
    return reverse(f"submissions_admin:{name}", kwargs={"pk": submission.pk})


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("view", ADMIN_VIEWS)
def test_only_the_redactie_and_beheer_reach_the_review_queue(world, persona, view):
    response = world["clients"][persona].get(admin_url(view, world["submission"]))
    if persona in ("redacteur", "beheerder"):
        assert response.status_code == 200
        assert "Van de indiener" in response.content.decode() or view == "index"
    else:
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("view", ["transition", "note", "new_link"])
def test_only_the_redactie_can_act_on_a_submission(world, persona, view):
    submission = world["submission"]
    response = world["clients"][persona].post(
        admin_url(view, submission),
        {**step_data(submission, "in_behandeling"), "text": "notitie"},
    )
    submission.refresh_from_db()
    if persona in ("redacteur", "beheerder"):
        assert response.status_code == 302
        assert "/admin/login/" not in response["Location"]
    else:
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]
        assert submission.state == "ingediend"
        assert not submission.editor_notes.exists()


def test_an_admin_account_without_the_review_permission_is_refused(django_user_model):
    user = django_user_model.objects.create_user("fotograaf", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client = Client()
    client.force_login(user)
    submission = SubmissionFactory(submitted=True)
    # Wagtail turns PermissionDenied into a redirect to the dashboard with a message.
    for url in (reverse("submissions_admin:index"), admin_url("detail", submission)):
        response = client.get(url)
        assert (response.status_code, response["Location"]) == (302, "/admin/")
    client.post(admin_url("note", submission), {"text": "mag niet"})
    assert not submission.editor_notes.exists()


@pytest.mark.parametrize("persona", PERSONAS)
def test_a_submission_is_reachable_only_with_its_token(world, persona):
    """Without the token nobody, not even an editor, gets the submitter's pages."""
    submission = world["submission"]
    client = world["clients"][persona]
    for name in ("status", "review", "upload"):
        with_token = client.get(
            reverse(f"submissions:{name}", kwargs={"token": submission.raw_token})
        )
        assert with_token.status_code in (200, 302)
        guessed = client.get(reverse(f"submissions:{name}", kwargs={"token": "A" * 43}))
        assert guessed.status_code == 404
    status = client.get(reverse("submissions:status", kwargs={"token": submission.raw_token}))
    assert "Van de indiener" in status.content.decode()


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_contact_page_opens_with_the_signed_link_for_anyone_holding_it(world, persona):
    contact = world["round"]
    client = world["clients"][persona]
    assert client.get(contact.url).status_code == 200
    assert client.get("/insturen/goedkeuren/zonder-handtekening/").status_code == 404


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_start_page_is_public(world, persona):
    assert world["clients"][persona].get("/insturen/").status_code == 200


def test_the_navigation_links_to_the_start_page(anonymous_client, demo_content):
    home = anonymous_client.get("/").content.decode()
    assert 'href="/insturen/"' in home
    assert "Voorbeeld insturen" in home


def test_csrf_is_enforced_on_the_public_forms(demo_content):
    client = Client(enforce_csrf_checks=True)
    submission = SubmissionFactory()
    response = client.post("/insturen/", {"name": "x", "email": "x@example.org", "consent": "on"})
    assert response.status_code == 403
    response = client.post(reverse("submissions:submit", kwargs={"token": submission.raw_token}))
    assert response.status_code == 403
    submission.refresh_from_db()
    assert submission.state == "concept"


def test_the_start_page_and_private_pages_exist_in_english(demo_content):
    from django.utils import translation

    submission = SubmissionFactory()
    client = Client()
    assert client.get("/en/insturen/").status_code == 200
    with translation.override("en"):
        url = reverse("submissions:status", kwargs={"token": submission.raw_token})
    assert url.startswith("/en/insturen/")
    assert client.get(url).status_code == 200
