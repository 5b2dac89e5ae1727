"""Sessions are reachable for REFLECTION_KEEP_DAYS; then they are deleted with their answers."""

import datetime
from unittest import mock

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from voorbeeldenbank.core.housekeeping import run_once
from voorbeeldenbank.reflection.models import Answer, ElementNote, ReflectionSession, Response

from .conftest import answer_all, make_session

pytestmark = pytest.mark.django_db

OPENED = datetime.datetime(2026, 1, 10, 9, 0, tzinfo=datetime.UTC)


def frozen(moment: datetime.datetime):
    return mock.patch("django.utils.timezone.now", return_value=moment)


@pytest.fixture
def old_session(statements, settings):
    settings.REFLECTION_KEEP_DAYS = 30
    with frozen(OPENED):
        session = make_session(created_on=timezone.localdate())
        response = answer_all(session, 3)
        ElementNote.objects.create(response=response, element=statements[0].element, text="x")
    return session


def test_a_session_is_kept_to_the_last_day_of_its_period(client, old_session):
    with frozen(OPENED + datetime.timedelta(days=30)):
        call_command("delete_expired_reflections")
        assert client.get(reverse("reflection:session", args=[old_session.code])).status_code == 200
    assert ReflectionSession.objects.filter(pk=old_session.pk).exists()


def test_after_its_period_the_session_answers_and_notes_are_deleted(client, old_session):
    with frozen(OPENED + datetime.timedelta(days=31)):
        # Unreachable at once, also before the deletion has run.
        assert client.get(reverse("reflection:session", args=[old_session.code])).status_code == 404
        call_command("delete_expired_reflections")
    assert not ReflectionSession.objects.exists()
    assert not Response.objects.exists()
    assert not Answer.objects.exists()
    assert not ElementNote.objects.exists()


def test_housekeeping_deletes_expired_sessions(old_session):
    with frozen(OPENED + datetime.timedelta(days=31)):
        run_once()
    assert not ReflectionSession.objects.exists()
