"""From accepted submission to draft page to published example, found in the catalogue."""

import re

import pytest
from django.core import mail
from django.http import QueryDict

from voorbeeldenbank.examples import catalogue
from voorbeeldenbank.examples.models import ExamplePage
from voorbeeldenbank.submissions.constants import State
from voorbeeldenbank.submissions.models import Submission
from voorbeeldenbank.submissions.workflow import accept

from .factories import SubmissionFactory, complete_content
from .pages import editor_post_data

pytestmark = pytest.mark.django_db


def test_accepting_makes_a_draft_page_with_the_format_filled_in(redacteur, demo_content):
    submission = SubmissionFactory(in_review=True)
    accept(submission, redacteur, "Mooi voorbeeld")
    submission.refresh_from_db()
    page = submission.example_page
    assert page is not None
    assert page.live is False
    assert page.get_parent().specific_class.__name__ == "ExampleIndexPage"
    assert page.submission == submission
    assert (page.title, page.short_name, page.kind) == (
        "Koffieochtend voor nieuwe ouders",
        "Koffieochtend",
        "initiatief",
    )
    assert (page.since_year, page.age_min, page.age_max) == (2020, 0, 4)
    assert (page.formality, page.scale) == ("informeel", "collectief")
    assert page.by_whom.startswith("Vrijwilligers")
    assert [o.name for o in page.organisations.all()] == ["Buurthuis De Linde"]
    assert [p.title for p in page.places.all()] == ["Zoetermeer"]
    assert len(page.example_elements.all()) == 6
    assert page.example_elements.first().explanation.startswith("Zo zie je")
    assert [w.text for w in page.what_works.all()] == ["Geen aanmelding nodig"]
    assert [i.text for i in page.improvements.all()] == ["Vaders bereiken"]
    assert [(li.title, li.url) for li in page.links.all()] == [
        ("Buurthuis", "https://example.org/buurthuis")
    ]
    contact = page.contacts.get()
    assert contact.email == "info@example.org"
    assert contact.is_public is False
    # Wagtail revisions from now on, made by the editor who accepted.
    assert page.revisions.count() == 1
    assert page.latest_revision.user == redacteur


def test_an_existing_place_is_reused_not_duplicated(redacteur, demo_content):
    from voorbeeldenbank.examples.models import Place

    existing = Place.objects.first()
    submission = SubmissionFactory(in_review=True)
    submission.content["places"] = [existing.title.upper(), "Nieuwe Plaats"]
    submission.save()
    # A new place is made only once the redactie has confirmed it.
    from voorbeeldenbank.submissions.taxonomy import create_places

    create_places(["Nieuwe Plaats"])
    accept(submission, redacteur)
    titles = [p.title for p in submission.example_page.places.all()]
    assert existing.title in titles
    assert "Nieuwe Plaats" in titles
    assert Place.objects.filter(title__iexact=existing.title).count() == 1


def test_a_draft_page_is_not_in_the_catalogue(redacteur, demo_content, anonymous_client):
    submission = SubmissionFactory(in_review=True)
    accept(submission, redacteur)
    assert anonymous_client.get(submission.example_page.url or "/voorbeelden/x/").status_code == 404
    ids = catalogue.run(
        catalogue.parse_query(QueryDict("q=Koffieochtend"), catalogue.facet_vocabularies())
    ).ids
    assert submission.example_page.pk not in ids


# Wagtail's Editors group may edit but not publish pages; Moderators and beheer may publish.
def publish_in_editor(client, page, user):
    data = editor_post_data(page, user, **{"action-publish": "action-publish"})
    return client.post(f"/admin/pages/{page.pk}/edit/", data)


@pytest.mark.parametrize("trait", ["accepted", "awaiting_contact"])
def test_publishing_is_blocked_until_the_contact_person_approved(
    trait, beheerder, beheerder_client, demo_content
):
    submission = SubmissionFactory(**{trait: True})
    page = submission.example_page
    response = publish_in_editor(beheerder_client, page, beheerder)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live is False
    follow = beheerder_client.get(response["Location"]).content.decode()
    assert "pas worden gepubliceerd als de" in follow
    submission.refresh_from_db()
    assert submission.state == getattr(
        State, {"accepted": "AKKOORD_REDACTIE", "awaiting_contact": "TER_GOEDKEURING"}[trait]
    )


def test_publishing_after_approval_completes_the_workflow_and_reaches_the_catalogue(
    beheerder, beheerder_client, demo_content, django_capture_on_commit_callbacks
):
    submission = SubmissionFactory(approved=True)
    page = submission.example_page
    with django_capture_on_commit_callbacks(execute=True):
        response = publish_in_editor(beheerder_client, page, beheerder)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live is True
    submission.refresh_from_db()
    assert submission.state == State.GEPUBLICEERD
    log = submission.transitions.last()
    assert (log.from_state, log.to_state, log.actor_kind) == (
        "goedgekeurd",
        "gepubliceerd",
        "systeem",
    )
    ids = catalogue.run(
        catalogue.parse_query(QueryDict("q=Koffieochtend"), catalogue.facet_vocabularies())
    ).ids
    assert page.pk in ids
    recipients = {address for m in mail.outbox for address in m.to}
    assert submission.submitter_email in recipients
    assert "carla@example.org" in recipients
    published_mail = next(m for m in mail.outbox if submission.submitter_email in m.to)
    assert "Gepubliceerd" in published_mail.subject
    assert "Published" in published_mail.subject


def test_examples_that_did_not_come_from_a_submission_publish_as_before(
    beheerder, beheerder_client, demo_content
):
    page = ExamplePage.objects.live().first()
    before = page.revisions.count()
    response = publish_in_editor(beheerder_client, page, beheerder)
    assert response.status_code == 302
    assert not Submission.objects.filter(example_page=page).exists()
    page.refresh_from_db()
    assert page.live is True
    assert page.revisions.count() == before + 1
    assert page.live_revision_id == page.latest_revision_id


def test_wagtail_reports_a_stale_save_of_the_same_page(redacteur, redacteur_client, demo_content):
    submission = SubmissionFactory(accepted=True)
    page = submission.example_page
    stale = editor_post_data(page, redacteur, summary="Versie van de eerste redacteur")
    # A second editor saves in between.
    page.summary = "Versie van de tweede redacteur"
    page.save_revision(user=redacteur)
    response = redacteur_client.post(
        f"/admin/pages/{page.pk}/edit/",
        stale,
        headers={"Accept": "application/json"},
    )
    assert response.status_code == 400
    assert response.json()["error_code"] == "invalid_revision"
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().summary == "Versie van de tweede redacteur"


def test_bulk_publishing_from_the_page_listing_is_blocked_too(beheerder_client, demo_content):
    submission = SubmissionFactory(awaiting_contact=True)
    page = submission.example_page
    url = f"/admin/bulk/wagtailcore/page/publish/?id={page.pk}"
    response = beheerder_client.post(url, {"include_descendants": ""})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live is False
    approved = SubmissionFactory(approved=True, content={**submission.content, "title": "Ander"})
    beheerder_client.post(
        f"/admin/bulk/wagtailcore/page/publish/?id={approved.example_page_id}",
        {"include_descendants": ""},
    )
    approved.example_page.refresh_from_db()
    assert approved.example_page.live is True


def test_the_draft_page_links_back_to_its_submission_in_the_editor(redacteur_client, demo_content):
    submission = SubmissionFactory(accepted=True)
    edit = redacteur_client.get(f"/admin/pages/{submission.example_page_id}/edit/")
    assert edit.status_code == 200
    assert f"/admin/inzendingen/{submission.pk}/" in edit.content.decode()
    other = ExamplePage.objects.live().first()
    other_edit = redacteur_client.get(f"/admin/pages/{other.pk}/edit/").content.decode()
    assert not re.search(r"/admin/inzendingen/\d+/", other_edit)


def approved_via_contact(redacteur):
    """An accepted submission that went through a real approval round."""
    from voorbeeldenbank.submissions.workflow import contact_decides, send_for_approval

    content = complete_content()
    content["deepening"] = "Eerste alinea.\n\nTweede alinea."
    submission = SubmissionFactory(accepted=True, content=content)
    contact_decides(send_for_approval(submission, redacteur), approve=True)
    submission.refresh_from_db()
    return submission


def test_publishing_the_approved_text_is_allowed(beheerder, beheerder_client, redacteur):
    submission = approved_via_contact(redacteur)
    page = submission.example_page
    # The editor form re-sends every textarea with CRLF line ends, as browsers do.
    data = editor_post_data(page, beheerder, **{"action-publish": "action-publish"})
    data = {k: v.replace("\n", "\r\n") if isinstance(v, str) else v for k, v in data.items()}
    publish = beheerder_client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert publish.status_code == 302
    page.refresh_from_db()
    assert page.live is True


def test_changing_the_text_after_approval_needs_a_new_round(
    beheerder, beheerder_client, redacteur, demo_content
):
    submission = approved_via_contact(redacteur)
    page = submission.example_page
    data = editor_post_data(
        page, beheerder, summary="Een andere tekst dan goedgekeurd.", **{"action-publish": "1"}
    )
    response = beheerder_client.post(f"/admin/pages/{page.pk}/edit/", data)
    page.refresh_from_db()
    assert page.live is False
    follow = beheerder_client.get(response["Location"]).content.decode()
    assert "gewijzigd nadat de contactpersoon" in follow
    # The changed text is kept as a draft, and a new round shows the contact person that text.
    assert page.get_latest_revision_as_object().summary == "Een andere tekst dan goedgekeurd."
    from voorbeeldenbank.submissions.constants import Actor
    from voorbeeldenbank.submissions.tokens import contact_url
    from voorbeeldenbank.submissions.workflow import (
        contact_decides,
        send_for_approval,
        transition,
    )

    transition(submission, State.AKKOORD_REDACTIE, Actor.REDACTIE, redacteur, "tekst aangepast")
    approval_round = send_for_approval(submission, redacteur)
    path = "/insturen/" + contact_url(approval_round).split("/insturen/", 1)[1]
    assert "Een andere tekst dan goedgekeurd." in beheerder_client.get(path).content.decode()
    contact_decides(approval_round, approve=True)
    # The approval adds a revision with the date it was checked: the editor opens that one.
    page.refresh_from_db()
    again = editor_post_data(page, beheerder, **{"action-publish": "1"})
    beheerder_client.post(f"/admin/pages/{page.pk}/edit/", again)
    page.refresh_from_db()
    assert page.live is True
