"""Candidates move only along the method's steps; every move and consent is logged; the log
is append-only."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import translation

from voorbeeldenbank.research.constants import CandidateState, ConsentKind, ConsentMethod
from voorbeeldenbank.research.models import (
    AppendOnlyError,
    Consent,
    ProjectMember,
    ResearchLog,
)

from .factories import CandidateFactory, InterviewFactory, ProjectMemberFactory

pytestmark = pytest.mark.django_db


def test_a_candidate_is_approached_then_agrees_then_is_described(member, project, demo_content):
    candidate = CandidateFactory(project=project)
    candidate.approach(member)
    candidate.agree(member)
    candidate.describe(member, demo_content.first())
    candidate.refresh_from_db()
    assert candidate.state == CandidateState.BESCHREVEN
    assert candidate.example == demo_content.first()
    moves = ResearchLog.objects.filter(object_type="candidate", object_id=candidate.pk)
    assert [entry.detail["to"] for entry in moves.order_by("pk")] == [
        "benaderd",
        "akkoord",
        "beschreven",
    ]
    assert {entry.actor for entry in moves} == {member}


def test_a_proposed_candidate_cannot_be_described_at_once(member, project, demo_content):
    candidate = CandidateFactory(project=project)
    with pytest.raises(ValidationError, match="Voorgesteld"):
        candidate.describe(member, demo_content.first())
    candidate.refresh_from_db()
    assert candidate.state == CandidateState.VOORGESTELD
    assert not ResearchLog.objects.filter(object_id=candidate.pk).exists()


def test_dropping_needs_a_reason(member, project):
    candidate = CandidateFactory(project=project, benaderd=True)
    with pytest.raises(ValidationError, match="reden"):
        candidate.drop(member, "   ")
    candidate.drop(member, "Geen capaciteit")
    candidate.refresh_from_db()
    assert (candidate.state, candidate.dropped_reason) == ("afgevallen", "Geen capaciteit")


def test_replacing_needs_another_candidate_of_the_same_project(member, project):
    declined = CandidateFactory(project=project, afgevallen=True)
    elsewhere = CandidateFactory()
    with pytest.raises(ValidationError):
        declined.replace(member, None)
    with pytest.raises(ValidationError, match="hetzelfde project"):
        declined.replace(member, elsewhere)
    with pytest.raises(ValidationError, match="hetzelfde project"):
        declined.replace(member, declined)
    comparable = CandidateFactory(project=project)
    declined.replace(member, comparable)
    declined.refresh_from_db()
    assert declined.state == CandidateState.VERVANGEN
    assert list(comparable.replaces.all()) == [declined]


def test_the_error_message_is_translated(member, project):
    candidate = CandidateFactory(project=project)
    with translation.override("en"), pytest.raises(ValidationError) as caught:
        candidate.agree(member)
    assert "Proposed" in caught.value.messages[0]


def test_a_user_is_a_member_of_a_project_once(member, project):
    with pytest.raises(IntegrityError):
        ProjectMember.objects.create(project=project, user=member)


def test_a_consent_change_is_a_new_row_and_the_latest_counts(member, project):
    interview = InterviewFactory(candidate__project=project)
    first = Consent.register(
        interview, member, kind=ConsentKind.QUOTES, given=True, method=ConsentMethod.FORM
    )
    Consent.register(
        interview, member, kind=ConsentKind.RECORDING, given=False, method=ConsentMethod.EMAIL
    )
    withdrawn = first.withdraw(member)
    current = interview.current_consents()
    assert current[ConsentKind.QUOTES] == withdrawn
    assert not current[ConsentKind.QUOTES].is_given
    assert current[ConsentKind.RECORDING].given is False
    assert interview.consents.filter(kind=ConsentKind.QUOTES).count() == 2
    first.refresh_from_db()
    assert first.given
    assert first.withdrawn_at is None
    assert first.text_version == project.consent_text_version
    assert ResearchLog.objects.filter(action="toestemming").count() == 3


def test_log_rows_cannot_be_changed_or_deleted(member, project):
    candidate = CandidateFactory(project=project)
    candidate.approach(member)
    entry = ResearchLog.objects.get(object_id=candidate.pk)
    entry.detail = {"to": "akkoord"}
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    entry.refresh_from_db()
    assert entry.detail["to"] == "benaderd"


def test_an_interview_candidate_must_belong_to_its_project(project):
    interview = InterviewFactory.build(
        project=project, candidate=CandidateFactory(), date="2026-03-04"
    )
    with pytest.raises(ValidationError) as caught:
        interview.full_clean()
    assert "candidate" in caught.value.message_dict


def test_project_roles(member, lead, project, outsider):
    assert project.is_member(member)
    assert project.is_member(lead)
    assert not project.is_member(outsider)
    assert project.is_lead(lead)
    assert not project.is_lead(member)
    ProjectMemberFactory(project=project, user=outsider, role="coder")
    assert project.is_member(outsider)
