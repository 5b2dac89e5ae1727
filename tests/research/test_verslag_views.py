"""The verslag screens: new versions written or uploaded, anonymising in the task, the review
of the proposed spans and the release of the de-identified text.

Only the last test runs deduce (it loads in about ten seconds, once); the others set the
proposed spans directly or stand in for the engine.
"""

import io
import json
import logging

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document

from voorbeeldenbank.examples.models import Place
from voorbeeldenbank.research import verslag_files
from voorbeeldenbank.research.models import (
    AnonymisationStatus,
    ResearchLog,
    Verslag,
    VerslagVersion,
)

from .factories import InterviewContactFactory, InterviewFactory

pytestmark = pytest.mark.django_db

TEXT = "Sanne vertelde over de groep. Later zei Sanne dat het goed ging."


@pytest.fixture
def interview(project):
    return InterviewFactory(candidate__project=project)


def url(name, interview, **kwargs):
    return reverse(f"research_interview:{name}", kwargs={"pk": interview.pk, **kwargs})


def docx_bytes(*paragraphs):
    document = Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def only_version(interview):
    return VerslagVersion.objects.get(verslag__interview=interview)


@pytest.fixture
def ready_version(interview, member):
    """A version with two proposals for 'Sanne' and one for a place, as the task leaves it."""
    verslag = Verslag.objects.create(interview=interview)
    version = verslag.add_version(TEXT + " In Delft.", member)
    first, second = (TEXT.index("Sanne"), TEXT.rindex("Sanne"))
    delft = (TEXT + " In Delft.").index("Delft")
    spans = [
        {"start": first, "end": first + 5, "category": "PERSOON", "original": "Sanne"},
        {"start": second, "end": second + 5, "category": "PERSOON", "original": "Sanne"},
        {"start": delft, "end": delft + 5, "category": "LOCATIE", "original": "Delft"},
    ]
    for span, tag in zip(spans, ["[PERSOON-1]", "[PERSOON-1]", "[LOCATIE-1]"], strict=True):
        span.update(tag=tag, decision="accepted")
    VerslagVersion.objects.filter(pk=version.pk).update(
        proposed_spans=spans, anonymisation_status=AnonymisationStatus.READY
    )
    interview.project.pseudonyms = {
        "version": 1,
        "entries": {"PERSOON": {"sanne": 1, "femke": 2}, "LOCATIE": {"delft": 1}},
    }
    interview.project.save()
    version.refresh_from_db()
    return version


def review(client, interview, version, **data):
    return client.post(url("verslag_review", interview, number=version.number), data)


# New versions


def test_a_member_writes_a_version_and_the_verslag_is_created(member_client, interview):
    response = member_client.post(url("verslag", interview), {"text": TEXT})
    assert response.status_code == 302
    version = only_version(interview)
    assert (version.number, version.source, version.original_text) == (1, "geschreven", TEXT)
    page = member_client.get(url("verslag", interview)).content.decode()
    assert 'data-testid="version-1"' in page
    assert "Geschreven in het platform" in page


def test_a_second_version_gets_the_next_number(member_client, interview):
    member_client.post(url("verslag", interview), {"text": "Eerste."})
    member_client.post(url("verslag", interview), {"text": "Tweede."})
    numbers = VerslagVersion.objects.filter(verslag__interview=interview).values_list(
        "number", "original_text"
    )
    assert sorted(numbers) == [(1, "Eerste."), (2, "Tweede.")]


def test_a_utf8_text_file_becomes_a_version(member_client, interview):
    upload = SimpleUploadedFile("verslag.txt", "Café in de wijk.\r\nTweede regel.".encode())
    member_client.post(url("verslag", interview), {"file": upload})
    version = only_version(interview)
    assert version.source == "txt"
    assert version.original_text == "Café in de wijk.\nTweede regel."


def test_a_word_file_becomes_paragraphs_with_blank_lines(member_client, interview):
    data = docx_bytes("Eerste alinea.", "", "Tweede alinea.")
    upload = SimpleUploadedFile("verslag.docx", data)
    member_client.post(url("verslag", interview), {"file": upload})
    version = only_version(interview)
    assert version.source == "docx"
    assert version.original_text == "Eerste alinea.\n\nTweede alinea."


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("verslag.pdf", b"%PDF-1.4", "Kies een .docx- of .txt-bestand."),
        ("verslag.txt", "Café".encode("latin-1"), "geen UTF-8"),
        ("verslag.txt", b"  \n\n ", "bevat geen tekst"),
        ("verslag.docx", b"PK\x03\x04 kapot", "beschadigd"),
        ("verslag.docx", b"gewone tekst", "geen Word-bestand"),
    ],
)
def test_a_bad_upload_is_refused_with_a_reason(member_client, interview, name, content, message):
    upload = SimpleUploadedFile(name, content)
    response = member_client.post(url("verslag", interview), {"file": upload})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not VerslagVersion.objects.exists()


def test_a_too_big_upload_is_refused(member_client, interview, monkeypatch):
    monkeypatch.setattr(verslag_files, "MAX_UPLOAD_BYTES", 10)
    upload = SimpleUploadedFile("verslag.txt", b"Een tekst die te lang is.")
    response = member_client.post(url("verslag", interview), {"file": upload})
    assert response.status_code == 400
    assert "te groot" in response.content.decode()
    assert not VerslagVersion.objects.exists()


def test_typed_text_comes_back_when_the_form_is_refused(member_client, interview):
    upload = SimpleUploadedFile("verslag.txt", b"Uit een bestand.")
    typed = "Een lange tekst die ik net heb getypt."
    response = member_client.post(url("verslag", interview), {"text": typed, "file": upload})
    assert response.status_code == 400
    page = response.content.decode()
    assert "niet allebei" in page
    assert typed in page
    assert not VerslagVersion.objects.exists()


def test_an_empty_form_is_refused(member_client, interview):
    response = member_client.post(url("verslag", interview), {"text": "   "})
    assert response.status_code == 400
    assert "Schrijf een tekst of kies een bestand." in response.content.decode()


# Access


def test_the_interview_pages_link_to_the_verslag(member_client, interview):
    link = url("verslag", interview)
    assert link in member_client.get(url("edit", interview)).content.decode()
    assert link in member_client.get(url("consent", interview)).content.decode()
    listing = member_client.get(reverse("research_interview:index")).content.decode()
    assert link in listing


def test_others_get_404_and_change_nothing(outsider_client, ready_version, interview):
    number = ready_version.number
    assert outsider_client.get(url("verslag", interview)).status_code == 404
    assert outsider_client.get(url("verslag_review", interview, number=number)).status_code == 404
    response = outsider_client.post(url("verslag", interview), {"text": "Binnengedrongen."})
    assert response.status_code == 404
    response = outsider_client.post(url("verslag_anonymise", interview, number=number))
    assert response.status_code == 404
    response = review(outsider_client, interview, ready_version, action="vrijgeven")
    assert response.status_code == 404
    ready_version.refresh_from_db()
    assert ready_version.released_at is None
    assert VerslagVersion.objects.count() == 1


def test_anonymous_visitors_go_to_the_login(client, ready_version, interview):
    response = client.get(url("verslag_review", interview, number=ready_version.number))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


# Review


def test_rejecting_a_span_keeps_the_word_in_the_released_text(
    member_client, member, interview, ready_version
):
    review(member_client, interview, ready_version, action="besluit", span="2", decision="rejected")
    review(member_client, interview, ready_version, action="vrijgeven")
    ready_version.refresh_from_db()
    assert ready_version.released_by == member
    assert ready_version.anonymised_text == (
        "[PERSOON-1] vertelde over de groep. Later zei [PERSOON-1] dat het goed ging. In Delft."
    )


def test_the_review_screen_shows_original_spans_and_the_preview(
    member_client, interview, ready_version
):
    review(member_client, interview, ready_version, action="besluit", span="0", decision="rejected")
    page = member_client.get(url("verslag_review", interview, number=1)).content.decode()
    assert '<mark class="rejected" title="[PERSOON-1]">Sanne</mark>' in page
    assert "Sanne vertelde over de groep. Later zei [PERSOON-1]" in page
    assert 'data-testid="span-2"' in page


def test_an_added_word_is_replaced_everywhere_with_the_projects_tag(
    member_client, interview, ready_version
):
    review(
        member_client,
        interview,
        ready_version,
        action="toevoegen",
        **{"span-words": "groep", "span-category": "INSTELLING"},
    )
    review(
        member_client,
        interview,
        ready_version,
        action="toevoegen",
        **{"span-words": "Femke", "span-category": "PERSOON"},
    )
    ready_version.refresh_from_db()
    added = [span for span in ready_version.proposed_spans if span.get("added")]
    assert [(span["original"], span["tag"]) for span in added] == [("groep", "[INSTELLING-1]")]
    review(member_client, interview, ready_version, action="vrijgeven")
    ready_version.refresh_from_db()
    assert "over de [INSTELLING-1]." in ready_version.anonymised_text
    interview.project.refresh_from_db()
    assert interview.project.pseudonyms["entries"]["INSTELLING"] == {"groep": 1}


def test_an_added_range_uses_the_tag_the_person_already_has(
    member_client, interview, ready_version
):
    text = ready_version.original_text
    VerslagVersion.objects.filter(pk=ready_version.pk).update(
        original_text=text.replace("de groep", "de Femke")
    )
    start = text.index("de groep") + 3
    review(
        member_client,
        interview,
        ready_version,
        action="toevoegen",
        **{"span-start": start, "span-end": start + 5, "span-category": "PERSOON"},
    )
    review(member_client, interview, ready_version, action="vrijgeven")
    ready_version.refresh_from_db()
    assert "over de [PERSOON-2]." in ready_version.anonymised_text


def test_an_added_span_over_an_accepted_one_is_left_out(member_client, interview, ready_version):
    response = review(
        member_client,
        interview,
        ready_version,
        action="toevoegen",
        **{"span-words": "Sanne", "span-category": "PERSOON"},
    )
    assert response.status_code == 302
    ready_version.refresh_from_db()
    assert len(ready_version.proposed_spans) == 3


def test_an_add_without_words_or_range_shows_the_form_again(
    member_client, interview, ready_version
):
    response = review(
        member_client, interview, ready_version, action="toevoegen", **{"span-category": "PERSOON"}
    )
    assert response.status_code == 400
    assert "Geef de woorden, of een begin en einde." in response.content.decode()


def test_after_release_nothing_changes(member_client, interview, ready_version):
    review(member_client, interview, ready_version, action="vrijgeven")
    ready_version.refresh_from_db()
    released = (ready_version.anonymised_text, ready_version.proposed_spans)
    response = review(
        member_client, interview, ready_version, action="besluit", span="0", decision="rejected"
    )
    follow = member_client.get(response["Location"]).content.decode()
    assert "is vrijgegeven" in follow
    review(
        member_client,
        interview,
        ready_version,
        action="toevoegen",
        **{"span-words": "groep", "span-category": "INSTELLING"},
    )
    review(member_client, interview, ready_version, action="vrijgeven")
    member_client.post(url("verslag_anonymise", interview, number=1))
    ready_version.refresh_from_db()
    assert (ready_version.anonymised_text, ready_version.proposed_spans) == released
    assert ready_version.anonymisation_status == AnonymisationStatus.READY
    assert "Afwijzen" not in follow


def test_the_log_holds_steps_and_counts_but_no_words_of_the_verslag(
    member_client, interview, ready_version
):
    review(member_client, interview, ready_version, action="besluit", span="1", decision="rejected")
    review(
        member_client,
        interview,
        ready_version,
        action="toevoegen",
        **{"span-words": "groep", "span-category": "INSTELLING"},
    )
    review(member_client, interview, ready_version, action="vrijgeven")
    entries = ResearchLog.objects.filter(object_type="verslagversion", object_id=ready_version.pk)
    details = [entry.detail for entry in entries.order_by("pk")]
    assert {"step": "anonimisering", "span": 1, "decision": "rejected"} in details
    released = details[-1]
    assert (released["to"], released["spans"], released["rejected"], released["added"]) == (
        "vrijgegeven",
        3,
        1,
        1,
    )
    dumped = json.dumps(details).casefold()
    for word in ("sanne", "delft", "groep", "persoon-1"):
        assert word not in dumped


# Anonymising in the task


def test_a_queued_version_shows_progress_and_polls(member_client, interview, ready_version):
    VerslagVersion.objects.filter(pk=ready_version.pk).update(
        anonymisation_status=AnonymisationStatus.QUEUED
    )
    page = member_client.get(url("verslag", interview)).content.decode()
    assert url("verslag_status", interview) in page
    assert 'http-equiv="refresh"' in page
    poll = member_client.get(url("verslag_status", interview), HTTP_HX_REQUEST="true")
    assert "In de wachtrij" in poll.content.decode()
    VerslagVersion.objects.filter(pk=ready_version.pk).update(
        anonymisation_status=AnonymisationStatus.READY
    )
    done = member_client.get(url("verslag_status", interview), HTTP_HX_REQUEST="true")
    assert done["HX-Refresh"] == "true"


def test_a_failing_engine_marks_the_version_failed_without_words_in_the_log(
    member_client, interview, django_capture_on_commit_callbacks, monkeypatch, caplog
):
    from voorbeeldenbank.research import anonymisation

    def broken(text, **kwargs):
        raise RuntimeError(f"kapot bij {text}")

    monkeypatch.setattr(anonymisation, "anonymise", broken)
    monkeypatch.setattr("voorbeeldenbank.core.anonymise.get_deduce", lambda: None)
    member_client.post(url("verslag", interview), {"text": "Geheim: Marloes Verbeek."})
    with caplog.at_level(logging.INFO), django_capture_on_commit_callbacks(execute=True):
        member_client.post(url("verslag_anonymise", interview, number=1))
    version = only_version(interview)
    assert version.anonymisation_status == AnonymisationStatus.FAILED
    assert "Marloes" not in caplog.text
    steps = [
        entry.detail.get("to")
        for entry in ResearchLog.objects.filter(object_type="verslagversion").order_by("pk")
    ]
    assert steps[-3:] == ["wachtrij", "bezig", "mislukt"]


def test_an_anonymisation_without_progress_is_given_up_and_can_be_started_again(
    member_client, interview, settings, django_capture_on_commit_callbacks
):
    """A worker killed half-way (or none on the "models" queue) leaves the version waiting;
    housekeeping marks it failed after the period, and the button starts it again."""
    from datetime import timedelta

    from django.core.cache import cache
    from django.utils import timezone

    from voorbeeldenbank.research.signals import give_up_stalled_anonymisations

    settings.RESEARCH_ANONYMISATION_STALLED_AFTER = 600
    member_client.post(url("verslag", interview), {"text": "Een verslag zonder namen."})
    member_client.post(url("verslag", interview), {"text": "Een tweede versie zonder namen."})
    first, second = VerslagVersion.objects.filter(verslag__interview=interview).order_by("number")
    for version in (first, second):
        with django_capture_on_commit_callbacks(execute=False):
            member_client.post(url("verslag_anonymise", interview, number=version.number))
        version.refresh_from_db()
        assert version.anonymisation_status == AnonymisationStatus.QUEUED
        assert version.anonymisation_changed_at is not None
    # The first has been waiting for eleven minutes, the second for five.
    now = timezone.now()
    VerslagVersion.objects.filter(pk=first.pk).update(
        anonymisation_changed_at=now - timedelta(minutes=11),
        anonymisation_status=AnonymisationStatus.RUNNING,
    )
    VerslagVersion.objects.filter(pk=second.pk).update(
        anonymisation_changed_at=now - timedelta(minutes=5)
    )

    cache.delete("housekeeping:research-anonymisation-stalled")
    assert give_up_stalled_anonymisations(sender=None) == 1
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.anonymisation_status == AnonymisationStatus.FAILED
    assert second.anonymisation_status == AnonymisationStatus.QUEUED
    last = ResearchLog.objects.filter(object_type="verslagversion").order_by("pk").last()
    assert last.detail["to"] == "mislukt"
    assert last.detail["reason"] == "stalled"

    page = member_client.get(url("verslag", interview)).content.decode()
    assert "Opnieuw anonimiseren" in page
    with django_capture_on_commit_callbacks(execute=False):
        member_client.post(url("verslag_anonymise", interview, number=first.number))
    first.refresh_from_db()
    assert first.anonymisation_status == AnonymisationStatus.QUEUED


def test_the_task_proposes_spans_and_keeps_tags_across_the_project(
    member_client, project, interview, django_capture_on_commit_callbacks, caplog
):
    InterviewContactFactory(interview=interview, name="Wendy Hoogland")
    Place.objects.get_or_create(key="leiden", defaults={"title": "Leiden"})
    text = "Ik sprak Wendy Hoogland in Leiden. Bel haar op 06-12345678."
    member_client.post(url("verslag", interview), {"text": text})
    with caplog.at_level(logging.DEBUG), django_capture_on_commit_callbacks(execute=True):
        response = member_client.post(url("verslag_anonymise", interview, number=1))
    assert response.status_code == 302
    version = only_version(interview)
    assert version.anonymisation_status == AnonymisationStatus.READY
    found = {
        (span["category"], span["original"], span["decision"]) for span in version.proposed_spans
    }
    assert ("PERSOON", "Wendy Hoogland", "accepted") in found
    assert ("LOCATIE", "Leiden", "accepted") in found
    assert ("TELEFOON", "06-12345678", "accepted") in found
    wendy = next(s["tag"] for s in version.proposed_spans if s["original"] == "Wendy Hoogland")

    other = InterviewFactory(candidate=interview.candidate)
    member_client.post(url("verslag", other), {"text": "Daarna belde Wendy nog even."})
    with caplog.at_level(logging.DEBUG), django_capture_on_commit_callbacks(execute=True):
        member_client.post(url("verslag_anonymise", other, number=1))
    second = only_version(other)
    assert [s["tag"] for s in second.proposed_spans if s["original"] == "Wendy"] == [wendy]

    project.refresh_from_db()
    assert "wendy hoogland" in project.pseudonyms["entries"]["PERSOON"]
    logged = json.dumps([entry.detail for entry in ResearchLog.objects.all()])
    assert "Wendy" not in logged
    assert "Leiden" not in logged
    assert "Wendy" not in caplog.text
