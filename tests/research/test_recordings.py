"""Recordings in the admin: uploaded only with consent, kept in private storage, served to
members of the project only, deleted by hand or when the consent is withdrawn."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404
from django.test import Client, RequestFactory
from django.urls import reverse
from django.views.static import serve

from voorbeeldenbank.research.constants import ConsentKind, DeletionRule
from voorbeeldenbank.research.models import Consent, Recording, ResearchLog

from .conftest import editor, logged_in
from .factories import (
    InterviewContactFactory,
    InterviewFactory,
    ProjectMemberFactory,
    RecordingFactory,
    ResearchProjectFactory,
)

pytestmark = pytest.mark.django_db

SOUND = b"ID3 geluid van een gesprek"


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    settings.RESEARCH_PRIVATE_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.RESEARCH_PRIVATE_ROOT


@pytest.fixture
def interview(project):
    return InterviewFactory(candidate__project=project)


def consent(interview, given=True):
    return Consent.register(
        interview, None, kind=ConsentKind.RECORDING, given=given, method="formulier"
    )


def upload(client, interview, name="gesprek Jansen.m4a", data=SOUND, **extra):
    url = reverse("research_interview:recordings", args=[interview.pk])
    return client.post(url, {"file": SimpleUploadedFile(name, data, "audio/mp4")}, **extra)


def download_url(recording):
    return reverse(
        "research_interview:recording_download", args=[recording.interview_id, recording.pk]
    )


def stored_files(root) -> list[Path]:
    return [path for path in Path(root).rglob("*") if path.is_file()]


def test_an_upload_without_consent_is_refused(interview, member_client, private_root):
    response = upload(member_client, interview)
    assert response.status_code == 400
    assert "geen toestemming voor een opname" in response.content.decode()
    assert not Recording.objects.exists()
    assert stored_files(private_root) == []


def test_an_upload_after_a_refusal_or_a_withdrawal_is_refused(interview, member_client):
    consent(interview, given=False)
    assert upload(member_client, interview).status_code == 400
    consent(interview).withdraw(None)
    assert upload(member_client, interview).status_code == 400
    assert not Recording.objects.exists()


def test_an_upload_with_consent_goes_to_private_storage_under_a_random_name(
    interview, member, member_client, private_root
):
    consent(interview)
    response = upload(member_client, interview)
    assert response.status_code == 302
    recording = Recording.objects.get()
    path = Path(recording.file.path)
    assert path.is_relative_to(Path(private_root).resolve())
    assert path.read_bytes() == SOUND
    assert "Jansen" not in recording.file.name
    assert recording.original_name == "gesprek Jansen.m4a"
    assert recording.size_bytes == len(SOUND)
    assert recording.uploaded_by == member
    entry = ResearchLog.objects.get(action="aangemaakt", object_type="recording")
    assert entry.detail == {"interview": interview.pk, "size_bytes": len(SOUND)}
    assert "Jansen" not in str(entry.detail)


def test_only_audio_and_video_files_are_accepted(interview, member_client):
    consent(interview)
    response = upload(member_client, interview, name="verslag.html", data=b"<script>")
    assert response.status_code == 400
    assert "geen geluids- of beeldbestand" in response.content.decode()
    assert upload(member_client, interview, name="opname.WAV").status_code == 302
    assert Recording.objects.count() == 1


def test_a_file_over_the_limit_gets_a_translated_message(settings, interview, member_client):
    settings.RESEARCH_RECORDING_MAX_BYTES = 10
    consent(interview)
    response = upload(member_client, interview)
    assert response.status_code == 400
    assert "Het bestand is te groot (hoogstens 10" in response.content.decode()
    assert not Recording.objects.exists()


def test_a_body_over_the_limit_is_refused_before_it_is_read(settings, interview, member_client):
    settings.RESEARCH_RECORDING_MAX_BYTES = 1000
    consent(interview)
    response = upload(member_client, interview, CONTENT_LENGTH="50000000")
    assert response.status_code == 413
    assert "Het bestand is te groot" in response.content.decode()
    assert not Recording.objects.exists()


def test_a_recording_may_be_larger_than_the_sites_ceiling_for_other_requests(
    settings, interview, member_client, private_root
):
    """An hour of audio is 50-100 MB: the recording's own limit counts, not the ceiling of 20 MB
    for other bodies (nginx has a location with the same limit, tests/deploy/test_render.py)."""
    settings.RESEARCH_RECORDING_MAX_BYTES = 200_000
    settings.MAX_REQUEST_BODY_BYTES = 10_000
    consent(interview)
    sound = b"geluid " * 10_000  # 70 kB: above the ceiling, within the recording limit
    response = upload(member_client, interview, data=sound)
    assert response.status_code == 302
    assert Recording.objects.get().size_bytes == len(sound)

    # Above the recording's own limit it is refused unread, with the form's message.
    response = upload(member_client, interview, CONTENT_LENGTH="50000000")
    assert response.status_code == 413
    assert "Het bestand is te groot" in response.content.decode()


def test_other_admin_pages_keep_the_sites_ceiling(settings, member_client):
    settings.RESEARCH_RECORDING_MAX_BYTES = 500_000_000
    settings.MAX_REQUEST_BODY_BYTES = 10_000
    response = member_client.post("/admin/pages/", {"x": "y"}, CONTENT_LENGTH="50000")
    assert response.status_code == 413


def test_a_member_downloads_the_file_privately(interview, member_client):
    recording = RecordingFactory(interview=interview)
    response = member_client.get(download_url(recording))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"geluid van het gesprek"
    cache_control = [part.strip() for part in response["Cache-Control"].split(",")]
    assert {"private", "no-store"} <= set(cache_control)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment")
    assert "gesprek.m4a" in response["Content-Disposition"]


def test_a_superuser_may_download(interview, django_user_model):
    recording = RecordingFactory(interview=interview)
    admin = django_user_model.objects.create_superuser("beheer", "beheer@example.org", "x")
    assert logged_in(admin).get(download_url(recording)).status_code == 200


def test_nobody_outside_the_project_gets_the_file(
    interview, outsider_client, django_user_model, member_client
):
    recording = RecordingFactory(interview=interview)
    other_lead = editor(django_user_model, "ander-project")
    ProjectMemberFactory(project=ResearchProjectFactory(), user=other_lead, lead=True)
    url = download_url(recording)
    assert outsider_client.get(url).status_code == 404
    assert logged_in(other_lead).get(url).status_code == 404
    anonymous = Client().get(url)
    assert anonymous.status_code == 302
    assert "/login/" in anonymous["Location"]
    pages = [
        reverse("research_interview:recordings", args=[interview.pk]),
        reverse("research_interview:recording_delete", args=[interview.pk, recording.pk]),
    ]
    for page in pages:
        assert outsider_client.get(page).status_code in (404, 405)
        assert outsider_client.post(page).status_code == 404
        assert logged_in(other_lead).post(page).status_code == 404
    recording.refresh_from_db()
    assert not recording.is_deleted


def test_a_recording_is_not_found_through_another_interview(project, member_client):
    recording = RecordingFactory(interview=InterviewFactory(candidate__project=project))
    other = InterviewFactory(candidate__project=project)
    url = reverse("research_interview:recording_download", args=[other.pk, recording.pk])
    assert member_client.get(url).status_code == 404


def test_the_file_is_not_reachable_under_the_media_url(settings, interview, member_client):
    recording = RecordingFactory(interview=interview)
    path = Path(recording.file.path)
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    with pytest.raises(ValueError, match="no URL"):
        recording.file.url  # noqa: B018
    # Django's own media view, as the development server mounts it under MEDIA_URL.
    request = RequestFactory().get(settings.MEDIA_URL + recording.file.name)
    with pytest.raises(Http404):
        serve(request, recording.file.name, document_root=settings.MEDIA_ROOT)
    assert Client().get(settings.MEDIA_URL + recording.file.name).status_code == 404
    page = member_client.get(reverse("research_interview:recordings", args=[interview.pk]))
    assert recording.file.name not in page.content.decode()


def test_deleting_by_hand_removes_the_file_and_keeps_the_row(interview, member, member_client):
    recording = RecordingFactory(interview=interview)
    path = Path(recording.file.path)
    url = reverse("research_interview:recording_delete", args=[interview.pk, recording.pk])
    assert member_client.post(url).status_code == 302
    recording.refresh_from_db()
    assert not path.exists()
    assert recording.deleted_at is not None
    assert recording.deletion_rule == DeletionRule.MANUAL
    assert recording.file.name == ""
    assert recording.original_name == ""
    entry = ResearchLog.objects.get(action="verwijderd", object_id=recording.pk)
    assert entry.actor == member
    assert entry.detail == {"interview": interview.pk, "rule": "handmatig"}
    assert member_client.get(download_url(recording)).status_code == 404
    page = member_client.get(reverse("research_interview:recordings", args=[interview.pk]))
    assert str(DeletionRule.MANUAL.label) in page.content.decode()


def test_withdrawing_consent_deletes_every_recording_of_the_interview(
    interview, member, member_client
):
    InterviewContactFactory(interview=interview, name="Wilhelmina Kwetternest")
    given = consent(interview)
    recordings = RecordingFactory.create_batch(2, interview=interview)
    elsewhere = RecordingFactory(interview=InterviewFactory(candidate__project=interview.project))
    paths = [Path(recording.file.path) for recording in recordings]
    url = reverse("research_interview:withdraw", args=[interview.pk, given.pk])
    assert member_client.post(url).status_code == 302
    for recording, path in zip(recordings, paths, strict=True):
        recording.refresh_from_db()
        assert recording.deletion_rule == "toestemming ingetrokken"
        assert recording.deleted_at is not None
        assert not path.exists()
    elsewhere.refresh_from_db()
    assert not elsewhere.is_deleted
    entry = ResearchLog.objects.get(action="verwijderd", object_type="recording")
    assert entry.actor == member
    assert entry.detail["rule"] == "toestemming ingetrokken"
    assert entry.detail["recordings"] == sorted(r.pk for r in recordings)
    for row in ResearchLog.objects.all():
        assert "Kwetternest" not in str(row.detail)


def test_withdrawing_another_consent_keeps_the_recordings(interview):
    consent(interview)
    quotes = Consent.register(
        interview, None, kind=ConsentKind.QUOTES, given=True, method="formulier"
    )
    recording = RecordingFactory(interview=interview)
    quotes.withdraw(None)
    recording.refresh_from_db()
    assert not recording.is_deleted


def test_the_recordings_page_is_linked_and_says_when_consent_is_missing(interview, member_client):
    index = member_client.get(reverse("research_interview:index")).content.decode()
    url = reverse("research_interview:recordings", args=[interview.pk])
    assert url in index
    consent_page = member_client.get(reverse("research_interview:consent", args=[interview.pk]))
    assert url in consent_page.content.decode()
    page = member_client.get(url).content.decode()
    assert "geen toestemming voor een opname" in page
    assert 'type="file"' not in page
    consent(interview)
    page = member_client.get(url).content.decode()
    assert 'type="file"' in page
    assert 'accept="audio/*,video/*' in page
