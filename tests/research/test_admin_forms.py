"""The admin's create forms: a new project is led by its creator, and nobody files material
under a project they are not a member of."""

import pytest
from django.urls import reverse

from voorbeeldenbank.research.models import Candidate, Interview, ResearchLog, ResearchProject

from .factories import CandidateFactory

pytestmark = pytest.mark.django_db

NO_CONTACTS = {
    "contacts-TOTAL_FORMS": "0",
    "contacts-INITIAL_FORMS": "0",
    "contacts-MIN_NUM_FORMS": "0",
    "contacts-MAX_NUM_FORMS": "1000",
}


def test_whoever_creates_a_project_leads_it(outsider_client, outsider):
    response = outsider_client.post(
        reverse("research_project:add"),
        {
            "name": "Voorbeelden 2027",
            "recording_retention_days": "30",
            "original_text_retention_days": "90",
            "consent_text_version": "2",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    project = ResearchProject.objects.get(name="Voorbeelden 2027")
    assert project.is_lead(outsider)
    assert ResearchLog.objects.filter(project=project, action="aangemaakt").exists()


def test_a_candidate_cannot_be_filed_under_someone_elses_project(outsider_client, project):
    response = outsider_client.post(
        reverse("research_candidate:add"),
        {
            "project": project.pk,
            "name": "Ingeslopen praktijk",
            "formality": "informeel",
            "scale": "individueel",
            **NO_CONTACTS,
        },
    )
    assert response.status_code == 200
    assert not Candidate.objects.filter(name="Ingeslopen praktijk").exists()


def test_an_interview_needs_a_candidate_of_its_own_project(member_client, project):
    foreign = CandidateFactory()
    response = member_client.post(
        reverse("research_interview:add"),
        {
            "project": project.pk,
            "candidate": foreign.pk,
            "role": "beleid",
            "mode": "digitaal",
            "date": "2026-03-04",
            **NO_CONTACTS,
        },
    )
    assert response.status_code == 200
    assert not Interview.objects.exists()
    own = CandidateFactory(project=project, name="Eigen kandidaat")
    response = member_client.post(
        reverse("research_interview:add"),
        {
            "project": project.pk,
            "candidate": own.pk,
            "role": "beleid",
            "mode": "digitaal",
            "date": "2026-03-04",
            **NO_CONTACTS,
        },
    )
    assert response.status_code == 302
    assert Interview.objects.get().candidate == own
    assert not foreign.interviews.exists()
