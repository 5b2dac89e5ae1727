"""The five personas for submissions: visitor, submitter (private link), contact person (signed
link), redacteur and beheerder (the last two come from tests/conftest.py)."""

from dataclasses import dataclass

import pytest
from django.test import Client

from voorbeeldenbank.submissions.models import ContactApprovalTaskState, Submission
from voorbeeldenbank.submissions.tokens import sign_round

from .factories import SubmissionFactory


@dataclass
class Submitter:
    client: Client
    submission: Submission
    token: str

    def url(self, name: str = "status", **kwargs) -> str:
        from django.urls import reverse

        return reverse(f"submissions:{name}", kwargs={"token": self.token, **kwargs})


@dataclass
class ContactPerson:
    client: Client
    approval_round: ContactApprovalTaskState
    signed: str

    @property
    def url(self) -> str:
        from django.urls import reverse

        return reverse("submissions:contact", kwargs={"signed": self.signed})


@pytest.fixture
def submitter(demo_content) -> Submitter:
    submission = SubmissionFactory()
    return Submitter(Client(), submission, submission.raw_token)


@pytest.fixture
def contact_person(demo_content, redacteur) -> ContactPerson:
    from voorbeeldenbank.submissions.workflow import send_for_approval

    submission = SubmissionFactory(accepted=True)
    approval_round = send_for_approval(submission, redacteur, "")
    return ContactPerson(Client(), approval_round, sign_round(approval_round))
