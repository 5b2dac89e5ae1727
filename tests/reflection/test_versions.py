"""The redactie edits statements in the admin, with revisions; answers record the version."""

import pytest
from django.urls import reverse

from voorbeeldenbank.reflection.models import Answer, Statement

from .conftest import make_session, scan_data

pytestmark = pytest.mark.django_db


def edit_url(statement: Statement) -> str:
    return reverse("wagtailsnippets_reflection_statement:edit", args=[statement.pk])


def test_an_edit_in_the_admin_saves_a_revision_and_raises_the_version(redacteur_client, statements):
    statement = statements[0]
    redacteur_client.get(edit_url(statement))
    response = redacteur_client.post(
        edit_url(statement),
        {
            "element": statement.element_id,
            "text_nl": "We vragen ouders eerst wat goed gaat.",
            "text_en": "We first ask parents what goes well.",
            "order": statement.order,
            "active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    statement.refresh_from_db()
    assert statement.version == 2
    assert statement.text_nl == "We vragen ouders eerst wat goed gaat."
    assert statement.revisions.count() == 1
    assert statement.latest_revision.content["text_nl"] == "We vragen ouders eerst wat goed gaat."


def test_saving_without_a_change_of_text_keeps_the_version(statements):
    statement = statements[0]
    statement.order = 9
    statement.save()
    assert statement.version == 1


def test_answers_record_the_version_they_were_given_to(client, statements):
    statement = statements[0]
    session = make_session()
    url = reverse("reflection:session", args=[session.code])
    client.post(url, scan_data([statement], "3"))
    statement.text_nl = "Een nieuwe tekst van de stelling."
    statement.save()
    from django.test import Client

    Client().post(url, scan_data([statement], "4"))
    assert sorted(Answer.objects.values_list("value", "statement_version")) == [(3, 1), (4, 2)]


def test_visitors_cannot_reach_the_statements_in_the_admin(client, visitor_client, statements):
    url = reverse("wagtailsnippets_reflection_statement:list")
    assert client.get(url).status_code == 302
    assert visitor_client.get(url).status_code in (302, 403)
