"""GET /api/v1/examples/<slug>/: every public field, and nothing that is not public."""

from datetime import date

import pytest
from wagtail.models import PageViewRestriction

from tests.factories import ExamplePageFactory
from voorbeeldenbank.examples.models import (
    EditorialNote,
    ExampleContact,
    ExamplePage,
    ImprovementPoint,
    ImprovementTheme,
    InterviewRecord,
    Quote,
)

from . import demo_data
from .demo_data import detail_url

DETAIL_KEYS = {
    "id",
    "slug",
    "name",
    "short_name",
    "organisations",
    "places",
    "kind",
    "since_year",
    "reach",
    "target_group",
    "target_groups",
    "age_min",
    "age_max",
    "delivered_by",
    "topics",
    "quadrant",
    "summary",
    "deepening",
    "for_whom",
    "by_whom",
    "what_is_needed",
    "elements",
    "element_keys",
    "what_works",
    "improvements",
    "quotes",
    "links",
    "contacts",
    "basis",
    "effectiveness_level",
    "effectiveness",
    "last_checked",
    "first_published_at",
    "last_published_at",
    "url",
    "licence",
    "related",
}
CONTACT_KEYS = {"name", "organisation", "role", "email", "phone", "url"}


def get_detail(client, slug: str) -> dict:
    response = client.get(detail_url(slug))
    assert response.status_code == 200, response.content
    return response.json()


def error_body(client, url: str, status: int) -> dict:
    response = client.get(url)
    assert response.status_code == status
    assert response["Content-Type"] == "application/json; charset=utf-8"
    body = response.json()
    assert set(body) == {"errors"}
    assert len(body["errors"]) == 1
    return body


# Shape against the demo content -----------------------------------------------------------


@pytest.mark.parametrize("slug", sorted(demo_data.all_slugs()))
def test_it_shows_the_facts_and_elements_of_each_demo_example(demo_content, client, slug):
    data = demo_data.example(slug)

    body = get_detail(client, slug)

    assert set(body) == DETAIL_KEYS
    assert body["slug"] == slug
    assert body["id"] == ExamplePage.objects.get(slug=slug).pk
    assert body["licence"] == demo_data.licence()
    assert body["name"] == data["name"]
    assert body["element_keys"] == demo_data.element_keys(data)
    assert body["elements"] == [
        {"key": key, "explanation": demo_data.element_text(data, key)}
        for key in body["element_keys"]
    ]
    assert body["organisations"] == data["organisations"]
    assert sorted(place["key"] for place in body["places"]) == sorted(demo_data.place_keys(data))
    assert body["quadrant"] == {"formality": data["formality"], "scale": data["scale"]}
    assert (body["age_min"], body["age_max"]) == (data.get("age_min"), data.get("age_max"))
    assert sorted(body["target_groups"]) == sorted(data["target_groups"])
    assert sorted(body["topics"]) == sorted(data["topics"])
    assert body["what_works"] == data.get("what_works", [])
    assert body["improvements"] == [
        {"text": point["text"], "theme": point.get("theme")}
        for point in data.get("improvements", [])
    ]
    assert body["quotes"] == []
    assert body["url"] == f"http://testserver/voorbeelden/{slug}/"
    public = [contact for contact in data.get("contacts", []) if contact.get("is_public")]
    assert [contact["email"] for contact in body["contacts"]] == [
        contact.get("email") or "" for contact in public
    ]


def test_it_shows_every_public_field_of_ease(demo_content, client):
    data = demo_data.example("ease")

    body = get_detail(client, "ease")

    assert body["short_name"] == "@Ease"
    assert body["kind"] == "programma"
    assert body["since_year"] == 2018
    assert body["reach"][0] == {"label": "Locaties in Nederland", "value": "12"}
    assert body["reach"] == [{"label": r["label"], "value": str(r["value"])} for r in data["reach"]]
    assert body["target_group"] == data["target_group"]
    assert body["delivered_by"] == data["delivered_by"]
    assert {"key": "leiden", "title": "Leiden"} in body["places"]
    for field in ("summary", "deepening", "for_whom", "by_whom", "what_is_needed", "basis"):
        assert body[field] == data[field]
    page = ExamplePage.objects.get(slug="ease")
    assert body["first_published_at"] == page.first_published_at.isoformat()
    assert body["last_published_at"] == page.last_published_at.isoformat()


def test_it_gives_effectiveness_and_last_checked_or_null(client, db):
    with_facts = ExamplePageFactory(
        effectiveness_status="Goed onderbouwd",
        effectiveness_url="https://www.nji.nl/interventies/voorbeeld",
        last_checked=date(2023, 9, 1),
    )
    without = ExamplePageFactory()

    body = get_detail(client, with_facts.slug)
    assert body["effectiveness"] == {
        "status": "Goed onderbouwd",
        "url": "https://www.nji.nl/interventies/voorbeeld",
    }
    assert body["last_checked"] == "2023-09-01"

    body = get_detail(client, without.slug)
    assert body["effectiveness"] is None
    assert body["last_checked"] is None


def test_it_shows_quotes_and_improvement_themes_by_key(client, db, demo_content):
    page = ExamplePageFactory(elements=("gelijkwaardigheid",))
    link = page.example_elements.get()
    Quote.objects.create(
        page=page,
        text="We doen het samen.",
        speaker_role="ouder",
        section="elementen",
        element=link.element,
    )
    Quote.objects.create(
        page=page, text="Het werkt.", speaker_role="vrijwilliger", section="wat_werkt"
    )
    theme = ImprovementTheme.objects.get(key="vrijwilligers_werven")
    ImprovementPoint.objects.create(page=page, text="Meer vrijwilligers.", theme=theme)
    ImprovementPoint.objects.create(page=page, text="Iets anders.")

    body = get_detail(client, page.slug)

    assert body["quotes"] == [
        {
            "text": "We doen het samen.",
            "speaker_role": "ouder",
            "section": "elementen",
            "element": "gelijkwaardigheid",
        },
        {
            "text": "Het werkt.",
            "speaker_role": "vrijwilliger",
            "section": "wat_werkt",
            "element": None,
        },
    ]
    assert body["improvements"] == [
        {"text": "Meer vrijwilligers.", "theme": "vrijwilligers_werven"},
        {"text": "Iets anders.", "theme": None},
    ]


def test_it_links_to_the_page_in_the_accepted_language(demo_content, client):
    response = client.get(detail_url("ease"), headers={"accept-language": "en"})

    assert response["Content-Language"] == "en"
    assert response.json()["url"] == "http://testserver/en/voorbeelden/ease/"


# Privacy ----------------------------------------------------------------------------------


def test_it_shows_only_public_contacts(client, db):
    page = ExamplePageFactory()
    ExampleContact.objects.create(
        page=page,
        name="Algemeen nummer",
        organisation="Stichting Voorbeeld",
        email="info@voorbeeld.example",
        is_public=True,
    )
    ExampleContact.objects.create(
        page=page,
        name="Petra Privé",
        email="petra.prive@voorbeeld.example",
        phone="06-12345678",
        is_public=False,
    )

    response = client.get(detail_url(page.slug))

    contacts = response.json()["contacts"]
    assert len(contacts) == 1
    assert set(contacts[0]) == CONTACT_KEYS
    assert contacts[0]["email"] == "info@voorbeeld.example"
    assert contacts[0]["organisation"] == "Stichting Voorbeeld"
    content = response.content.decode()
    assert "Petra" not in content
    assert "petra.prive" not in content
    assert "06-12345678" not in content


def test_it_never_shows_editorial_notes_or_interview_records(client, db):
    page = ExamplePageFactory()
    EditorialNote.objects.create(page=page, text="Geheime redactienotitie over de bron.")
    InterviewRecord.objects.create(
        example=page, ouder_jeugdige=True, mode="digitaal", note="Twijfel over rol."
    )

    content = client.get(detail_url(page.slug)).content.decode()

    assert "Geheime redactienotitie" not in content
    assert "Twijfel over rol" not in content
    assert "editorial" not in content
    assert "interview" not in content
    assert "digitaal" not in content


def test_it_hides_the_demo_contents_editorial_notes_and_private_contacts(demo_content, client):
    data = demo_data.example("duo-coaching")
    assert data["editorial_notes"]
    private = [c for c in data["contacts"] if not c.get("is_public")]
    assert private

    content = client.get(detail_url("duo-coaching")).content.decode()

    for note in data["editorial_notes"]:
        assert note not in content
    for contact in private:
        assert contact["email"] not in content


# Not found --------------------------------------------------------------------------------


def test_it_answers_404_in_json_for_an_unknown_slug(demo_content, client):
    body = error_body(client, detail_url("bestaat-niet"), 404)

    assert body["errors"] == ["Er is geen gepubliceerd voorbeeld met dit adres."]


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/examples/../etc/",
        "/api/v1/examples/..%2Fetc/",
        "/api/v1/examples/%00/",
        "/api/v1/examples/a%00b/",
        "/api/v1/examples/%3Cscript%3E/",
        "/api/v1/examples/ease.json/",
        "/api/v1/examples/" + "a" * 300 + "/",
        "/api/v1/examples/ease/extra/",
        "/api/v1/",
        "/api/v1/onbekend/",
    ],
)
def test_it_answers_404_in_json_for_malformed_slugs_and_unknown_paths(demo_content, client, path):
    error_body(client, path, 404)


def test_it_hides_drafts(db, client):
    draft = ExamplePageFactory(draft=True, title="Geheim concept", slug="geheim-concept")
    assert not ExamplePage.objects.get(pk=draft.pk).live

    error_body(client, detail_url("geheim-concept"), 404)


def test_it_hides_unpublished_examples(db, client):
    page = ExamplePageFactory(slug="ingetrokken")
    assert client.get(detail_url("ingetrokken")).status_code == 200

    page.unpublish()

    error_body(client, detail_url("ingetrokken"), 404)


def test_it_hides_view_restricted_examples(db, client):
    page = ExamplePageFactory(slug="afgeschermd")
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="geheim")

    error_body(client, detail_url("afgeschermd"), 404)


def test_it_hides_examples_under_a_restricted_catalogue(demo_content, client):
    catalogue = ExamplePage.objects.get(slug="ease").get_parent()
    PageViewRestriction.objects.create(page=catalogue, restriction_type="login")

    error_body(client, detail_url("ease"), 404)
