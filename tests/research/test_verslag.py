"""A verslag keeps numbered versions; approved and released text does not change afterwards."""

import pytest
from django.utils import timezone

from voorbeeldenbank.research.models import (
    FrozenVersionError,
    ResearchLog,
    Verslag,
    VerslagVersion,
)

from .factories import InterviewFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def verslag(project):
    return Verslag.objects.create(interview=InterviewFactory(candidate__project=project))


def test_versions_are_numbered_in_order_and_logged(verslag, member):
    first = verslag.add_version("Eerste tekst.", member)
    second = verslag.add_version("Tweede tekst.", member, source="txt")
    assert (first.number, second.number) == (1, 2)
    assert verslag.latest_version() == second
    assert verslag.approved_version() is None
    logged = ResearchLog.objects.filter(detail__verslag=verslag.pk).order_by("pk")
    assert [entry.detail["number"] for entry in logged] == [1, 2]


def test_an_approved_version_keeps_its_original_except_for_retention(verslag, member):
    version = verslag.add_version("Met de naam Anna.", member)
    version.approved_at = timezone.now()
    version.save()
    version.original_text = "Iets anders."
    with pytest.raises(FrozenVersionError):
        version.save()
    version.original_text = ""
    version.save()
    version.refresh_from_db()
    assert version.original_text == ""


def test_released_text_is_not_edited_and_only_released_approved_versions_are_codable(
    verslag, member
):
    version = verslag.add_version("Tekst.", member)
    version.anonymised_text = "Tekst."
    version.released_at = timezone.now()
    version.save()
    assert not VerslagVersion.objects.codable().exists()
    version.anonymised_text = "Gewijzigd."
    with pytest.raises(FrozenVersionError):
        version.save()
    VerslagVersion.objects.filter(pk=version.pk).update(approved_at=timezone.now())
    assert list(VerslagVersion.objects.codable()) == [version]
