"""Contact details of ended projects go after the grace period; the log names nobody."""

import datetime
from io import StringIO
from unittest import mock

import pytest
from django.core.cache import cache
from django.core.management import call_command

from voorbeeldenbank.core.housekeeping import run_once
from voorbeeldenbank.research.models import (
    Candidate,
    CandidateContact,
    Interview,
    InterviewContact,
    ResearchLog,
)
from voorbeeldenbank.research.retention import RULE, purge_contacts

from .factories import (
    CandidateContactFactory,
    InterviewContactFactory,
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
    cache.delete("housekeeping:purge-research-contacts")
    with frozen(ENDED + datetime.timedelta(days=31)):
        run_once()
    assert CandidateContact.objects.count() == 1
