"""Consents in the admin: a statement per use, withdrawal as a new row, and evidence kept in
private storage that only members can download."""

from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import ModelLogEntry

from voorbeeldenbank.research.constants import ConsentKind
from voorbeeldenbank.research.models import Consent

from .conftest import logged_in
from .factories import InterviewFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def private_root(settings, tmp_path):
    settings.RESEARCH_PRIVATE_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.RESEARCH_PRIVATE_ROOT


@pytest.fixture
def interview(project):
    return InterviewFactory(candidate__project=project)


def post_consent(client, interview, **extra):
    data = {"kind": "opname", "given": "on", "method": "formulier", "given_at": "2026-03-04T10:00"}
    data.update(extra)
    return client.post(reverse("research_interview:consent", args=[interview.pk]), data)


def test_evidence_is_stored_privately_and_served_to_members_only(
    private_root, interview, member_client, outsider_client
):
    upload = SimpleUploadedFile("formulier.pdf", b"%PDF-1.4 ondertekend", "application/pdf")
    assert post_consent(member_client, interview, evidence=upload).status_code == 302
    consent = Consent.objects.get(interview=interview)
    stored = Path(consent.evidence.path)
    assert stored.is_relative_to(Path(private_root).resolve())
    assert stored.read_bytes() == b"%PDF-1.4 ondertekend"
    with pytest.raises(ValueError, match="no URL"):
        consent.evidence.url  # noqa: B018
    download = reverse("research_interview:evidence", args=[interview.pk, consent.pk])
    response = member_client.get(download)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 ondertekend"
    assert "no-store" in response["Cache-Control"]
    assert outsider_client.get(download).status_code == 404


def test_an_invalid_consent_keeps_the_input_and_records_nothing(interview, member_client):
    response = post_consent(member_client, interview, method="duiven", given_at="2026-03-04T10:00")
    assert response.status_code == 400
    assert not Consent.objects.exists()
    assert 'value="2026-03-04T10:00"' in response.content.decode()


def test_withdrawing_adds_a_row_and_shows_the_withdrawal(interview, member_client):
    post_consent(member_client, interview, kind="citaten")
    given = Consent.objects.get()
    response = member_client.post(
        reverse("research_interview:withdraw", args=[interview.pk, given.pk])
    )
    assert response.status_code == 302
    assert Consent.objects.count() == 2
    current = interview.current_consents()[ConsentKind.QUOTES]
    assert current.withdrawn_at is not None
    page = member_client.get(reverse("research_interview:consent", args=[interview.pk]))
    assert "ingetrokken op" in page.content.decode()


def test_no_menu_without_the_research_permission(django_user_model, project):
    user = django_user_model.objects.create_user(username="alleen-admin", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client = logged_in(user)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("research_project:index") not in home
    assert client.get(reverse("research_project:index")).status_code == 302
    assert client.get(reverse("research_project:board", args=[project.pk])).status_code == 302


def test_an_impossible_step_is_refused_with_a_message(member_client, interview):
    candidate = interview.candidate
    url = reverse("research_candidate:state", args=[candidate.pk])
    response = member_client.post(url, {"action": "benaderen"})
    assert response.status_code == 400
    assert "kan niet" in response.content.decode()
    response = member_client.post(url, {"action": "afvallen", "afvallen-reason": ""})
    assert response.status_code == 400
    candidate.refresh_from_db()
    assert candidate.state == "akkoord"


def test_admin_edits_are_logged_in_the_research_log_not_wagtails(member_client, interview):
    candidate = interview.candidate
    form = member_client.get(reverse("research_candidate:edit", args=[candidate.pk]))
    assert form.status_code == 200
    response = member_client.post(
        reverse("research_candidate:edit", args=[candidate.pk]),
        {
            "project": candidate.project_id,
            "name": "Nieuwe naam",
            "formality": "formeel",
            "scale": "mix",
            "contacts-TOTAL_FORMS": "0",
            "contacts-INITIAL_FORMS": "0",
            "contacts-MIN_NUM_FORMS": "0",
            "contacts-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = candidate.project.log.get(action="gewijzigd", object_id=candidate.pk)
    assert {"name", "formality", "scale"} <= set(entry.detail["fields"])
    assert not ModelLogEntry.objects.filter(object_id=str(candidate.pk)).exists()
