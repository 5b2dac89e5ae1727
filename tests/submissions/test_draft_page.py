"""The draft example page made from an accepted submission."""

import pytest

from .factories import SubmissionFactory

pytestmark = pytest.mark.django_db


def test_the_basis_of_the_description_names_no_internal_id(demo_content):
    submission = SubmissionFactory(accepted=True)
    page = submission.example_page
    assert page.basis.startswith("Ingestuurd via het formulier")
    assert str(submission.pk) not in page.basis
    assert "inzending" not in page.basis.lower()
