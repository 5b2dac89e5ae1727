"""The lexicon in Wagtail's admin (with revisions) and the advice panel for examples."""

import pytest
from django.urls import reverse
from wagtail.models import Revision

from voorbeeldenbank.examples.models import ExamplePage
from voorbeeldenbank.lexicon.check import check_text, get_index
from voorbeeldenbank.lexicon.models import LexiconEntry

ADD_URL = reverse("wagtailsnippets_lexicon_lexiconentry:add")


def entry_form(**overrides) -> dict:
    data = {
        "term": "probleemfamilie",
        "slug": "",
        "category": "stigmatiserend",
        "variants": "probleemfamilies",
        "match_compounds": "on",
        "alternatives": "familie met zorgen\nfamilie die het zwaar heeft",
        "explanation": "Een familie is geen probleem.",
        "example_before": "Het is een probleemfamilie.",
        "example_after": "De familie heeft zorgen.",
        "source": "",
    }
    return {**data, **overrides}


def test_an_editor_creates_an_entry_with_a_revision(lexicon, redacteur_client):
    response = redacteur_client.post(ADD_URL, entry_form())

    assert response.status_code == 302
    entry = LexiconEntry.objects.get(term="probleemfamilie")
    assert entry.slug == "probleemfamilie"
    assert Revision.objects.for_instance(entry).count() == 1


def test_a_new_entry_is_found_by_the_next_check(lexicon, redacteur_client):
    assert check_text("Twee probleemfamilies.").findings == []

    redacteur_client.post(ADD_URL, entry_form())

    assert [f.term for f in check_text("Twee probleemfamilies.").findings] == ["probleemfamilie"]


def test_an_editor_edits_an_entry_and_the_check_follows(lexicon, redacteur_client):
    entry = LexiconEntry.objects.get(term="caseload")
    before = Revision.objects.for_instance(entry).count()
    old_index = get_index()
    url = reverse("wagtailsnippets_lexicon_lexiconentry:edit", args=[entry.pk])
    form = entry_form(
        term="caseload",
        slug="caseload",
        category="afstandelijk_jargon",
        variants="werkvoorraad",
        alternatives="de gezinnen met wie ik werk",
    )

    response = redacteur_client.post(url, form)

    assert response.status_code == 302
    assert Revision.objects.for_instance(entry).count() == before + 1
    assert get_index() is not old_index  # rebuilt for the new version
    assert [f.term for f in check_text("Mijn werkvoorraad groeit.").findings] == ["caseload"]


def test_the_admin_refuses_an_entry_without_alternatives(lexicon, redacteur_client):
    response = redacteur_client.post(ADD_URL, entry_form(alternatives=""))

    assert response.status_code == 200
    assert not LexiconEntry.objects.filter(term="probleemfamilie").exists()


def test_the_listing_shows_entries_to_an_editor(lexicon, redacteur_client):
    response = redacteur_client.get(reverse("wagtailsnippets_lexicon_lexiconentry:list"))

    assert response.status_code == 200
    assert "aandoening" in response.content.decode()


def test_anonymous_visitors_are_sent_to_the_login(lexicon, client):
    response = client.get(ADD_URL)

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    assert client.post(ADD_URL, entry_form()).status_code == 302
    assert not LexiconEntry.objects.filter(term="probleemfamilie").exists()


def test_an_account_without_an_editorial_role_cannot_edit(lexicon, visitor_client):
    response = visitor_client.post(ADD_URL, entry_form())

    assert response.status_code in {302, 403}
    assert not LexiconEntry.objects.filter(term="probleemfamilie").exists()


@pytest.fixture
def example(demo_content) -> ExamplePage:
    return demo_content.first().specific


def test_the_editor_shows_language_advice_for_an_example(lexicon, example, redacteur_client):
    example.summary = "Voor zorgmijders en hun kinderen."
    example.save_revision()

    response = redacteur_client.get(reverse("wagtailadmin_pages:edit", args=[example.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Taaladvies" in html
    assert "<strong>zorgmijders</strong> (Stigmatiserend)" in html
    assert "ouder die (nog) geen contact wil" in html


def test_the_advice_never_blocks_publishing(lexicon, example, redacteur_client, beheerder_client):
    url = reverse("wagtailadmin_pages:edit", args=[example.pk])
    form = beheerder_client.get(url).context["form"]
    data = {key: value for key, value in _form_data(form).items() if value is not None}
    data["summary"] = "Een interventie voor probleemgezinnen."
    data["action-publish"] = "publish"

    response = beheerder_client.post(url, data)

    assert response.status_code == 302
    example.refresh_from_db()
    assert example.summary == "Een interventie voor probleemgezinnen."


def _form_data(form) -> dict:
    """The values a browser would send for a bound-to-instance Wagtail page form."""
    data: dict = {}
    for name, _field in form.fields.items():
        value = form[name].value()
        if isinstance(value, list | tuple):
            data[name] = [str(v) for v in value]
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        elif value is not None:
            data[name] = value
    for prefix, formset in form.formsets.items():
        data[f"{prefix}-TOTAL_FORMS"] = len(formset.forms)
        data[f"{prefix}-INITIAL_FORMS"] = len(formset.initial_forms)
        data[f"{prefix}-MIN_NUM_FORMS"] = 0
        data[f"{prefix}-MAX_NUM_FORMS"] = 1000
        for child in formset.forms:
            for name in child.fields:
                value = child[name].value()
                if value is None or value is False:
                    continue
                data[f"{child.prefix}-{name}"] = "on" if value is True else value
    return data
