"""Allowed names and advice-only entries in the admin."""

from django.urls import reverse

from tests.lexicon.test_admin import ADD_URL, entry_form
from voorbeeldenbank.lexicon.check import check_text
from voorbeeldenbank.lexicon.models import AllowedName, LexiconEntry

ALLOWED_ADD_URL = reverse("wagtailsnippets_lexicon_allowedname:add")


def test_an_editor_adds_an_allowed_name_and_the_check_follows(lexicon, redacteur_client):
    text = "Het Steunpunt Probleemgezin belt terug."
    assert [f.match for f in check_text(text).findings] == ["Probleemgezin"]

    response = redacteur_client.post(
        ALLOWED_ADD_URL, {"name": "Steunpunt Probleemgezin", "reason": "Naam van een stichting."}
    )

    assert response.status_code == 302
    assert AllowedName.objects.filter(name="Steunpunt Probleemgezin").exists()
    assert check_text(text).findings == []


def test_an_allowed_name_needs_a_reason(lexicon, redacteur_client):
    response = redacteur_client.post(ALLOWED_ADD_URL, {"name": "Iets", "reason": ""})

    assert response.status_code == 200
    assert not AllowedName.objects.filter(name="Iets").exists()


def test_visitors_cannot_change_allowed_names(lexicon, client, visitor_client):
    assert client.get(ALLOWED_ADD_URL).status_code == 302
    assert visitor_client.get(ALLOWED_ADD_URL).status_code in (302, 403)


def test_the_starter_names_are_loaded(lexicon):
    assert AllowedName.objects.filter(name="jeugdhulp").exists()


def test_an_advice_only_entry_may_have_no_alternatives(lexicon, redacteur_client):
    response = redacteur_client.post(ADD_URL, entry_form(alternatives="", advice_only="on"))

    assert response.status_code == 302
    entry = LexiconEntry.objects.get(term="probleemfamilie")
    assert entry.advice_only
    finding = check_text("Een probleemfamilie.").findings[0]
    assert finding.replacements == []
    assert finding.alternatives == []
