"""An interviewee's name, entered through the admin flows, appears nowhere else: not on public
pages, not in the API, not in search, not in the log output, not for a non-member."""

import logging

import pytest
from django.http import QueryDict
from django.test import Client
from django.urls import reverse

from voorbeeldenbank.examples import catalogue
from voorbeeldenbank.examples.models import ExampleIndexPage
from voorbeeldenbank.research.models import Candidate, Interview, InterviewContact

pytestmark = pytest.mark.django_db

PLANTED = "Zwaantje Oudebroekhuizen"
PLANTED_EMAIL = "zwaantje.oudebroekhuizen@example.org"


def inline(prefix: str, **fields: str) -> dict[str, str]:
    data = {
        f"{prefix}-TOTAL_FORMS": "1",
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    data.update({f"{prefix}-0-{name}": value for name, value in fields.items()})
    return data


@pytest.fixture
def planted(member_client, outsider_client, project, demo_content, caplog):
    """Run the flows as a member: propose, approach, agree, interview, consent, describe; and
    a non-member who tries to open the interview (Django logs that 404)."""
    caplog.set_level(logging.DEBUG)
    response = member_client.post(
        reverse("research_candidate:add"),
        {
            "project": project.pk,
            "name": "Kwetternest Vlietzone",
            "formality": "informeel",
            "scale": "individueel",
            **inline("contacts", name=f"{PLANTED} (contact)", email=PLANTED_EMAIL, phone=""),
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    candidate = Candidate.objects.get(name="Kwetternest Vlietzone")
    state_url = reverse("research_candidate:state", args=[candidate.pk])
    assert member_client.post(state_url, {"action": "benaderen"}).status_code == 302
    assert member_client.post(state_url, {"action": "akkoord"}).status_code == 302
    response = member_client.post(
        reverse("research_interview:add"),
        {
            "project": project.pk,
            "candidate": candidate.pk,
            "role": "ouder_jeugdige",
            "mode": "digitaal",
            "date": "2026-03-04",
            "duration_minutes": "55",
            **inline("contacts", name=PLANTED, email=PLANTED_EMAIL, phone="0612345678"),
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    interview = Interview.objects.get(candidate=candidate)
    assert InterviewContact.objects.get(interview=interview).name == PLANTED
    response = member_client.post(
        reverse("research_interview:consent", args=[interview.pk]),
        {"kind": "citaten", "given": "on", "method": "formulier", "given_at": "2026-03-04T10:00"},
    )
    assert response.status_code == 302
    example = demo_content.first()
    response = member_client.post(state_url, {"action": "koppelen", "koppelen-example": example.pk})
    assert response.status_code == 302
    candidate.refresh_from_db()
    assert candidate.state == "beschreven"
    edit_url = reverse("research_interview:edit", args=[interview.pk])
    assert outsider_client.get(edit_url).status_code == 404
    return {"candidate": candidate, "interview": interview, "log": caplog}


def public_urls(demo_content) -> list[str]:
    index = ExampleIndexPage.objects.first()
    return [
        "/",
        "/en/",
        index.url,
        f"{index.url}?q=Oudebroekhuizen",
        *[example.url for example in demo_content],
        reverse("examples:feed"),
        "/edities/",
        "/sitemap.xml",
        "/api/v1/examples/",
        "/api/v1/examples.json",
        "/api/v1/examples.csv",
        "/api/v1/matrix.json",
        "/api/v1/matrix.csv",
        "/api/v1/examples/?q=Oudebroekhuizen",
    ]


def test_the_name_reaches_no_public_page_and_no_api_response(planted, demo_content):
    visitor = Client()
    checked = 0
    for url in public_urls(demo_content):
        response = visitor.get(url)
        assert response.status_code in (200, 404), url
        body = b"".join(response) if response.streaming else response.content
        text = body.decode("utf-8", errors="replace")
        # A search page repeats its query (the surname); the first name must not turn up.
        assert "Zwaantje" not in text, url
        assert PLANTED_EMAIL not in text, url
        if "?q=" not in url:
            assert "Oudebroekhuizen" not in text, url
        checked += response.status_code == 200
    assert checked >= 10


def test_the_name_is_no_search_result(planted):
    for q in (PLANTED, "Oudebroekhuizen", "Kwetternest"):
        query = catalogue.parse_query(QueryDict(f"q={q}"), catalogue.facet_vocabularies())
        assert catalogue.run(query).ids == []


def test_the_name_is_not_in_the_log_output(planted):
    # The flows ran while the fixture was set up.
    records = planted["log"].get_records("setup")
    assert any("Not Found" in record.getMessage() for record in records), "caplog saw nothing"
    text = "\n".join(f"{record.getMessage()} {record.args!r}" for record in records)
    assert PLANTED not in text
    assert PLANTED_EMAIL not in text


def test_the_name_is_not_in_the_research_log(planted, project):
    details = " ".join(str(entry.detail) for entry in project.log.all())
    assert project.log.count() >= 6
    assert PLANTED not in details
    assert PLANTED_EMAIL not in details


def test_a_non_member_finds_nothing_in_the_admin(planted, outsider_client):
    urls = [
        reverse("research_candidate:index"),
        reverse("research_interview:index"),
        reverse("research_project:index"),
        f"{reverse('wagtailadmin_pages:search')}?q=Zwaantje",
        reverse("wagtailadmin_reports:site_history"),
        f"{reverse('research_candidate:index')}?q=Kwetternest",
    ]
    for url in urls:
        response = outsider_client.get(url)
        assert response.status_code == 200, url
        text = response.content.decode()
        assert "Kwetternest" not in text, url
        assert "Oudebroekhuizen" not in text, url
        assert PLANTED_EMAIL not in text, url
    for view, obj in (
        ("research_interview:edit", planted["interview"]),
        ("research_interview:consent", planted["interview"]),
        ("research_candidate:state", planted["candidate"]),
    ):
        assert outsider_client.get(reverse(view, args=[obj.pk])).status_code == 404


def test_the_member_sees_the_name_where_it_belongs(planted, member_client):
    response = member_client.get(reverse("research_interview:edit", args=[planted["interview"].pk]))
    assert PLANTED in response.content.decode()
