"""The redactie keeps the search's synonyms in the admin; visitors cannot reach it."""

import pytest

from voorbeeldenbank.examples.models import SearchSynonym

pytestmark = pytest.mark.django_db

INDEX = "/admin/snippets/examples/searchsynonym/"


def test_a_redacteur_adds_a_synonym_group(redacteur_client):
    assert redacteur_client.get(INDEX).status_code == 200
    response = redacteur_client.post(
        f"{INDEX}add/", {"terms": "schoolverzuim, spijbelen", "note": "Zelfde vraag."}
    )
    assert response.status_code == 302
    assert SearchSynonym.objects.filter(terms="schoolverzuim, spijbelen").exists()


def test_a_group_of_one_word_is_refused_with_a_message(redacteur_client):
    response = redacteur_client.post(f"{INDEX}add/", {"terms": "spijbelen", "note": ""})
    assert response.status_code == 200
    assert "minstens twee woorden" in response.content.decode()
    assert not SearchSynonym.objects.filter(terms="spijbelen").exists()


def test_a_visitor_is_sent_to_the_login(client):
    response = client.get(INDEX)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
