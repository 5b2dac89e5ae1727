"""Retention with a frozen clock: contact details and name lists of ended projects, recordings
after the verslag's approval or without consent, original texts of approved verslagen. The log
names nobody."""

import datetime
from io import StringIO
from pathlib import Path
from unittest import mock

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone

from voorbeeldenbank.core.housekeeping import run_once
from voorbeeldenbank.research.constants import DeletionRule
from voorbeeldenbank.research.models import (
    Candidate,
    CandidateContact,
    Consent,
    Interview,
    InterviewContact,
    MemberCheckRound,
    Recording,
    ResearchLog,
    ResearchProject,
    Verslag,
    VerslagVersion,
)
from voorbeeldenbank.research.retention import (
    ORIGINAL_RULE,
    RULE,
    purge_contacts,
    purge_originals,
    purge_recordings,
    purge_recordings_without_consent,
    run_retention,
)

from .factories import (
    CandidateContactFactory,
    InterviewContactFactory,
    InterviewFactory,
    RecordingFactory,
    ResearchProjectFactory,
)

pytestmark = pytest.mark.django_db

ENDED = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)


def frozen(moment: datetime.datetime):
    return mock.patch("django.utils.timezone.now", return_value=moment)


@pytest.fixture
def projects(settings):
    settings.RESEARCH_CONTACT_GRACE_DAYS = 30
    ended = ResearchProjectFactory(ended_at=ENDED)
    running = ResearchProjectFactory()
    for project in (ended, running):
        CandidateContactFactory(candidate__project=project, name=f"Contact {project.name}")
        InterviewContactFactory(
            interview__candidate__project=project, name=f"Geïnterviewde {project.name}"
        )
    return ended, running


def test_nothing_goes_within_the_grace_period(projects):
    with frozen(ENDED + datetime.timedelta(days=29)):
        purged = purge_contacts()
    assert purged.total == 0
    assert CandidateContact.objects.count() == 2
    assert InterviewContact.objects.count() == 2


def test_contacts_of_ended_projects_go_after_the_grace_period(projects):
    ended, running = projects
    with frozen(ENDED + datetime.timedelta(days=31)):
        purged = purge_contacts()
    assert (purged.candidate_contacts, purged.interview_contacts) == (1, 1)
    assert not CandidateContact.objects.filter(candidate__project=ended).exists()
    assert not InterviewContact.objects.filter(interview__project=ended).exists()
    assert CandidateContact.objects.filter(candidate__project=running).count() == 1
    assert InterviewContact.objects.filter(interview__project=running).count() == 1
    # The research itself stays: only the personal details go.
    assert Candidate.objects.filter(project=ended).exists()
    assert Interview.objects.filter(project=ended).exists()


def test_the_deletion_is_logged_with_rule_time_and_ids_only(projects):
    ended, _running = projects
    names = list(CandidateContact.objects.values_list("name", "email")) + list(
        InterviewContact.objects.values_list("name", "email")
    )
    of_candidates = CandidateContact.objects.filter(candidate__project=ended)
    of_interviews = InterviewContact.objects.filter(interview__project=ended)
    ids = (
        list(of_candidates.values_list("pk", flat=True)),
        list(of_interviews.values_list("pk", flat=True)),
    )
    moment = ENDED + datetime.timedelta(days=40)
    with frozen(moment):
        purge_contacts()
    entry = ResearchLog.objects.get(action="bewaartermijn")
    assert entry.project == ended
    assert entry.actor is None
    assert entry.at == moment
    assert entry.detail["rule"] == RULE
    assert entry.detail["grace_days"] == 30
    assert entry.detail["candidate_contacts"] == ids[0]
    assert entry.detail["interview_contacts"] == ids[1]
    text = str(entry.detail)
    for name, email in names:
        assert name not in text
        assert email not in text


def test_a_second_run_deletes_and_logs_nothing(projects):
    with frozen(ENDED + datetime.timedelta(days=31)):
        purge_contacts()
        assert purge_contacts().total == 0
    assert ResearchLog.objects.filter(action="bewaartermijn").count() == 1


def test_the_command_counts_in_a_dry_run_and_deletes_otherwise(projects):
    out = StringIO()
    with frozen(ENDED + datetime.timedelta(days=31)):
        call_command("research_retention", "--dry-run", stdout=out)
        assert CandidateContact.objects.count() == 2
        assert "1 contactpersoon" in out.getvalue()
        call_command("research_retention", stdout=out)
    assert CandidateContact.objects.count() == 1
    assert InterviewContact.objects.count() == 1


def test_housekeeping_runs_the_retention(projects):
    cache.delete("housekeeping:research-retention")
    with frozen(ENDED + datetime.timedelta(days=31)):
        run_once()
    assert CandidateContact.objects.count() == 1


# Recordings, original texts and name lists --------------------------------------------------

APPROVED = datetime.datetime(2026, 4, 1, 12, tzinfo=datetime.UTC)
PLANTED = "Wilhelmina Kwetternest"


@pytest.fixture
def private_root(settings, tmp_path):
    settings.RESEARCH_PRIVATE_ROOT = tmp_path / "private"
    return settings.RESEARCH_PRIVATE_ROOT


def approved_verslag(interview, approved_at, *, released=True, text=f"{PLANTED} vertelde."):
    verslag = Verslag.objects.create(interview=interview)
    version = verslag.add_version(text, None)
    VerslagVersion.objects.filter(pk=version.pk).update(
        approved_at=approved_at,
        released_at=approved_at if released else None,
        anonymised_text="[PERSOON-1] vertelde." if released else "",
        proposed_spans=[{"start": 0, "end": len(PLANTED), "text": PLANTED, "tag": "PERSOON-1"}],
    )
    return VerslagVersion.objects.get(pk=version.pk)


@pytest.fixture
def recordings(private_root):
    """Three interviews of one project (30 days): approved on APPROVED, approved 20 days later,
    and not approved; each with a recording."""
    project = ResearchProjectFactory(recording_retention_days=30)
    interviews = InterviewFactory.create_batch(3, candidate__project=project)
    for interview in interviews:
        InterviewContactFactory(interview=interview, name=PLANTED)
    approved_verslag(interviews[0], APPROVED)
    approved_verslag(interviews[1], APPROVED + datetime.timedelta(days=20))
    return [RecordingFactory(interview=interview) for interview in interviews]


def test_no_recording_goes_before_its_period(recordings):
    with frozen(APPROVED + datetime.timedelta(days=29)):
        assert purge_recordings() == []
    assert not Recording.objects.filter(deleted_at__isnull=False).exists()
    assert all(Path(recording.file.path).exists() for recording in recordings)


def test_exactly_the_recordings_past_their_period_go(recordings):
    old, recent, unapproved = recordings
    path = Path(old.file.path)
    moment = APPROVED + datetime.timedelta(days=31)
    with frozen(moment):
        assert purge_recordings() == [old.pk]
    old.refresh_from_db()
    assert old.deleted_at == moment
    assert old.deletion_rule == DeletionRule.RETENTION
    assert not path.exists()
    for kept in (recent, unapproved):
        kept.refresh_from_db()
        assert not kept.is_deleted
        assert Path(kept.file.path).exists()
    entry = ResearchLog.objects.get(action="bewaartermijn")
    assert entry.actor is None
    assert entry.at == moment
    assert entry.detail == {
        "rule": "bewaartermijn",
        "retention_days": 30,
        "recordings": [old.pk],
        "interviews": [old.interview_id],
    }
    with frozen(APPROVED + datetime.timedelta(days=51)):
        assert purge_recordings() == [recent.pk]
        assert purge_recordings() == []


def test_the_period_is_the_projects_own(recordings):
    old = recordings[0]
    ResearchProject.objects.filter(pk=old.interview.project_id).update(recording_retention_days=60)
    with frozen(APPROVED + datetime.timedelta(days=31)):
        assert purge_recordings() == []


def test_the_retention_run_removes_recordings_whose_consent_was_withdrawn(private_root):
    interview = InterviewFactory()
    Consent.register(interview, None, kind="opname", given=True, method="formulier")
    recording = RecordingFactory(interview=interview)
    # A withdrawal that did not pass through Consent.register (an import, a bulk change).
    Consent.objects.bulk_create(
        [
            Consent(
                interview=interview,
                kind="opname",
                given=False,
                method="formulier",
                text_version="1",
                withdrawn_at=timezone.now(),
            )
        ]
    )
    never_asked = RecordingFactory(interview=InterviewFactory())
    assert purge_recordings_without_consent(dry_run=True) == [recording.pk]
    assert purge_recordings_without_consent() == [recording.pk]
    recording.refresh_from_db()
    never_asked.refresh_from_db()
    assert recording.deletion_rule == "toestemming ingetrokken"
    assert not never_asked.is_deleted


@pytest.fixture
def originals():
    project = ResearchProjectFactory(original_text_retention_days=90)
    interviews = InterviewFactory.create_batch(3, candidate__project=project)
    return (
        approved_verslag(interviews[0], APPROVED),
        approved_verslag(interviews[1], APPROVED + datetime.timedelta(days=30)),
        approved_verslag(interviews[2], APPROVED, released=False),
    )


def test_no_original_text_goes_before_its_period(originals):
    with frozen(APPROVED + datetime.timedelta(days=89)):
        assert purge_originals() == []
    for version in originals:
        version.refresh_from_db()
        assert version.original_text.startswith(PLANTED)
        assert version.original_deleted_at is None


def test_the_original_of_an_approved_released_version_is_emptied_after_its_period(originals):
    old, recent, unreleased = originals
    moment = APPROVED + datetime.timedelta(days=91)
    with frozen(moment):
        assert purge_originals() == [old.pk]
    old.refresh_from_db()
    assert old.original_text == ""
    assert old.proposed_spans == []
    assert old.original_deleted_at == moment
    assert old.anonymised_text == "[PERSOON-1] vertelde."
    for kept in (recent, unreleased):
        kept.refresh_from_db()
        assert kept.original_text.startswith(PLANTED)
        assert kept.proposed_spans
    entry = ResearchLog.objects.get(action="bewaartermijn")
    assert entry.detail == {
        "rule": ORIGINAL_RULE,
        "retention_days": 90,
        "versions": [old.pk],
        "count": 1,
        "comments": 0,
    }
    assert PLANTED not in str(entry.detail)


def test_earlier_versions_and_the_interviewees_comments_go_with_the_approved_original():
    project = ResearchProjectFactory(original_text_retention_days=90)
    interview = InterviewFactory(candidate__project=project)
    verslag = Verslag.objects.create(interview=interview)
    draft = verslag.add_version(f"{PLANTED} vertelde iets anders.", None)
    commented = MemberCheckRound.objects.create(
        verslag=verslag,
        version=draft,
        number=1,
        status="opmerkingen",
        expires_at=APPROVED,
        comment=f"Mijn buurvrouw heet {PLANTED}.",
    )
    approved = verslag.add_version(f"{PLANTED} vertelde.", None)
    VerslagVersion.objects.filter(pk=approved.pk).update(
        approved_at=APPROVED, released_at=APPROVED, anonymised_text="[PERSOON-1] vertelde."
    )
    newer = verslag.add_version(f"{PLANTED} vertelde nog meer.", None)
    with frozen(APPROVED + datetime.timedelta(days=91)):
        assert purge_originals() == [draft.pk, approved.pk]
    for version in (draft, approved):
        version.refresh_from_db()
        assert version.original_text == ""
    newer.refresh_from_db()
    assert newer.original_text.startswith(PLANTED)  # after the approval: still being worked on
    commented.refresh_from_db()
    assert commented.comment == ""
    entry = ResearchLog.objects.get(action="bewaartermijn")
    assert entry.detail["comments"] == 1


def test_the_name_lists_go_with_the_contact_details(projects):
    ended, running = projects
    for project in (ended, running):
        project.known_names = f"{PLANTED}\nJan de Vries\n"
        project.pseudonyms = {PLANTED: "PERSOON-1"}
        project.save()
    with frozen(ENDED + datetime.timedelta(days=31)):
        purged = purge_contacts()
    assert purged.name_lists == 1
    ended.refresh_from_db()
    running.refresh_from_db()
    assert (ended.known_names, ended.pseudonyms) == ("", {})
    assert running.pseudonyms == {PLANTED: "PERSOON-1"}
    entry = ResearchLog.objects.get(action="bewaartermijn")
    assert (entry.detail["known_names"], entry.detail["pseudonyms"]) == (2, 1)
    assert PLANTED not in str(entry.detail)


def test_a_dry_run_deletes_nothing_and_prints_ids_only(recordings, originals):
    old = recordings[0]
    before = ResearchLog.objects.count()
    out = StringIO()
    with frozen(APPROVED + datetime.timedelta(days=91)):
        call_command("research_retention", "--dry-run", stdout=out)
    text = out.getvalue()
    assert f"Opnames na de bewaartermijn te verwijderen: 2 (ids: {old.pk}, " in text
    # The recordings' first verslag is as old as the first original, in a project that keeps
    # originals 90 days too.
    versions = sorted([old.interview.verslag.versions.get().pk, originals[0].pk])
    assert f"(versies) te verwijderen: 2 (ids: {versions[0]}, {versions[1]})" in text
    assert PLANTED not in text
    assert ResearchLog.objects.count() == before
    assert not Recording.objects.filter(deleted_at__isnull=False).exists()
    assert Path(old.file.path).exists()
    assert VerslagVersion.objects.filter(original_text="").count() == 0


def test_the_command_and_housekeeping_run_the_new_rules(recordings, originals):
    with frozen(APPROVED + datetime.timedelta(days=91)):
        call_command("research_retention", stdout=StringIO())
    assert Recording.objects.filter(deleted_at__isnull=False).count() == 2
    assert VerslagVersion.objects.filter(original_text="").count() == 2
    later = RecordingFactory(interview=recordings[0].interview)
    cache.delete("housekeeping:research-retention")
    with frozen(APPROVED + datetime.timedelta(days=200)):
        run_once()
    later.refresh_from_db()
    assert later.deletion_rule == DeletionRule.RETENTION
    # Every released version by now; the one never released keeps its original.
    assert VerslagVersion.objects.filter(original_text="").count() == 4
    assert VerslagVersion.objects.exclude(original_text="").get() == originals[2]


def test_no_retention_log_row_names_anyone(recordings, originals):
    with frozen(APPROVED + datetime.timedelta(days=400)):
        run_retention()
    assert ResearchLog.objects.filter(action="bewaartermijn").count() >= 2
    for row in ResearchLog.objects.all():
        assert PLANTED not in str(row.detail)
        assert "gesprek.m4a" not in str(row.detail)
