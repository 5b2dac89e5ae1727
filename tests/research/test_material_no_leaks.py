"""Research material (the verslag's original, its proposed replacements, the pseudonym table,
a recording's file name, the interviewee's comment in the member check) stays with the project's
members: a planted name reaches no public page, no API answer, no search result, no edition, no
log line, and no research screen of someone outside the project. The de-identified quote that
the interviewee allowed is the one thing that does reach the example page."""

import datetime
import logging

import pytest
from django.core.files.base import ContentFile
from django.http import QueryDict
from django.test import Client
from django.urls import reverse

from voorbeeldenbank.examples import catalogue
from voorbeeldenbank.publication import content, render
from voorbeeldenbank.research import anonymisation, coding, membercheck, quotes
from voorbeeldenbank.research.links import round_for_signed
from voorbeeldenbank.research.models import CodingLog, Consent, Recording, Verslag

from .factories import (
    CandidateFactory,
    InterviewContactFactory,
    InterviewFactory,
    ProjectMemberFactory,
    ResearchProjectFactory,
)
from .test_no_leaks import public_urls

pytestmark = pytest.mark.django_db

PLANTED = "Gerritje Wolkenkrabber"
PLANTED_EMAIL = "gerritje.wolkenkrabber@example.org"
COMMENT_NAME = "Harmke Zilverschoon"
RECORDING_NAME = "gesprek-gerritje-wolkenkrabber.m4a"
QUOTE = "De drempel is laag en iedereen is welkom"
VERSLAG = (
    f"Gesprek met {PLANTED} over de inloop.\n\n"
    f"{PLANTED} vertelt: {QUOTE}. Ouders komen gewoon binnenlopen.\n\n"
    "Wat beter kan: meer vrijwilligers op woensdag."
)


def forbidden(text: str) -> list[str]:
    return [
        word
        for word in ("Gerritje", "Wolkenkrabber", PLANTED_EMAIL, "Harmke", "Zilverschoon")
        if word in text
    ]


@pytest.fixture
def material(project, member, member_client, demo_content, admin_user, settings, tmp_path, caplog):
    """The whole loop, as a member (and a superuser to publish the quote)."""
    settings.RESEARCH_PRIVATE_ROOT = tmp_path
    caplog.set_level(logging.DEBUG)
    example = demo_content.first()
    candidate = CandidateFactory(project=project, name="Inloop Noordhoek", akkoord=True)
    interview = InterviewFactory(project=project, candidate=candidate, role="professional")
    InterviewContactFactory(interview=interview, name=PLANTED, email=PLANTED_EMAIL)
    for kind in ("opname", "citaten"):
        Consent.register(interview, member, kind=kind, given=True, method="formulier")
    candidate.describe(member, example)

    response = member_client.post(
        reverse("research_interview:verslag", args=[interview.pk]), {"text": VERSLAG}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    version = Verslag.objects.get(interview=interview).latest_version()
    assert version is not None
    assert PLANTED in version.original_text

    # What the worker would propose (the engine itself is tested elsewhere); the reviewer
    # accepts both.
    starts = [i for i in range(len(VERSLAG)) if VERSLAG.startswith(PLANTED, i)]
    version.proposed_spans = [
        {
            "start": start,
            "end": start + len(PLANTED),
            "category": "PERSOON",
            "original": PLANTED,
            "tag": "[PERSOON-1]",
            "decision": "accepted",
        }
        for start in starts
    ]
    version.anonymisation_status = "klaar"
    version.save()
    project.pseudonyms = {"version": 1, "entries": {"PERSOON": {PLANTED.lower(): 1}}}
    project.save()
    anonymisation.release(version, member)

    Recording.objects.create(
        interview=interview,
        file=ContentFile(b"RIFF....", name="opname.m4a"),
        original_name=RECORDING_NAME,
        size_bytes=8,
        uploaded_by=member,
    )

    # Round 1: the interviewee comments, naming someone; round 2 on a new version: approved.
    sent = membercheck.send_round(version.verslag, member)
    first = round_for_signed(sent.url.rstrip("/").rsplit("/", 1)[-1])
    membercheck.respond(
        first, False, f"{COMMENT_NAME} heet anders.", membercheck.text_digest(version)
    )
    first_spans = list(version.proposed_spans)
    version = version.verslag.add_version(VERSLAG, member)
    version.proposed_spans = first_spans
    version.anonymisation_status = "klaar"
    version.save()
    anonymisation.release(version, member)
    sent = membercheck.send_round(version.verslag, member)
    second = round_for_signed(sent.url.rstrip("/").rsplit("/", 1)[-1])
    membercheck.respond(second, True, "", membercheck.text_digest(version))
    version.refresh_from_db()
    assert version.is_frozen
    assert version.is_released
    assert PLANTED not in version.anonymised_text

    codes = {code.key: code for code in coding.ensure_codebook(project)}
    start = version.anonymised_text.index(QUOTE)
    segment = coding.add_segment(
        version,
        member,
        codes["element:toegang_laagdrempelig"],
        start,
        start + len(QUOTE),
        QUOTE,
        is_quote=True,
    )
    placement = quotes.place_quote(segment, admin_user, section="notendop")
    assert placement.published
    return {"example": example, "interview": interview, "version": version, "log": caplog}


def body(response) -> str:
    data = b"".join(response) if response.streaming else response.content
    return data.decode("utf-8", errors="replace")


def test_a_visitor_sees_the_allowed_quote_and_nothing_else(material, demo_content):
    visitor = Client()
    example_page = body(visitor.get(material["example"].url))
    assert QUOTE in example_page  # the positive control: placement reached the page
    checked = 0
    for url in [*public_urls(demo_content), f"/api/v1/examples/{material['example'].slug}/"]:
        response = visitor.get(url)
        assert response.status_code in (200, 404), url
        text = body(response)
        if "?q=" not in url:
            assert forbidden(text) == [], url
        checked += response.status_code == 200
    assert checked >= 10


def test_search_finds_no_material(material):
    for q in (PLANTED, "Wolkenkrabber", COMMENT_NAME, "Noordhoek"):
        query = catalogue.parse_query(QueryDict(f"q={q}"), catalogue.facet_vocabularies())
        assert catalogue.run(query).ids == [], q


def test_an_edition_holds_the_quote_but_no_material(material):
    html = render.render_edition_html(
        content.edition_context(number=1, published_on=datetime.date(2026, 12, 3)),
        for_pdf=False,
    )
    assert QUOTE in html
    assert forbidden(html) == []


def material_urls(material, project) -> list[str]:
    interview = material["interview"]
    version = material["version"]
    recording = Recording.objects.get(interview=interview)
    return [
        reverse("research_interview:verslag", args=[interview.pk]),
        reverse("research_interview:verslag_review", args=[interview.pk, 1]),
        reverse("research_interview:member_check", args=[interview.pk]),
        reverse("research_interview:recordings", args=[interview.pk]),
        reverse("research_interview:recording_download", args=[interview.pk, recording.pk]),
        reverse("research_interview:consent", args=[interview.pk]),
        reverse("research_project:coding", args=[project.pk]),
        reverse("research_project:code", args=[project.pk, version.pk]),
        reverse("research_project:codebook", args=[project.pk]),
        reverse("research_project:agreement", args=[project.pk]),
        reverse("research_project:export", args=[project.pk]),
        reverse("research_project:export_project", args=[project.pk]),
        reverse("research_project:export_segments", args=[project.pk]),
    ]


def test_the_member_opens_every_screen_of_the_material(material, member_client, project):
    for url in material_urls(material, project):
        assert member_client.get(url).status_code == 200, url
    review = member_client.get(material_urls(material, project)[1])
    assert PLANTED in body(review)  # the original is there for the reviewer


@pytest.mark.parametrize("persona", ["outsider", "other_member"])
def test_redactie_outside_the_project_gets_404_everywhere(
    material, project, persona, outsider, outsider_client, django_user_model
):
    if persona == "other_member":
        ProjectMemberFactory(project=ResearchProjectFactory(name="Ander project"), user=outsider)
    for url in material_urls(material, project):
        assert outsider_client.get(url).status_code == 404, url
    for url in (
        reverse("research_interview:index"),
        reverse("research_project:index"),
        f"{reverse('wagtailadmin_pages:search')}?q=Wolkenkrabber",
    ):
        response = outsider_client.get(url)
        assert response.status_code == 200, url
        # The search page repeats its query (the surname); nothing else may turn up.
        found = [word for word in forbidden(body(response)) if f"q={word}" not in url]
        assert found == [], url


def test_a_visitor_is_sent_to_the_login_and_sees_nothing(material, project):
    visitor = Client()
    for url in material_urls(material, project):
        response = visitor.get(url)
        assert response.status_code == 302, url
        assert "/admin/login/" in response["Location"], url


def test_no_log_line_and_no_log_row_names_anyone(material, project):
    records = material["log"].get_records("setup")
    assert records, "caplog saw nothing"
    text = "\n".join(f"{record.getMessage()} {record.args!r}" for record in records)
    assert forbidden(text) == []
    assert RECORDING_NAME not in text
    details = " ".join(str(entry.detail) for entry in project.log.all())
    details += " ".join(str(entry.detail) for entry in CodingLog.objects.all())
    assert project.log.count() >= 10
    assert forbidden(details) == []
    assert QUOTE not in details
