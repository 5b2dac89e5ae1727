"""The member check: numbered rounds, the interviewee's signed link, approving freezes a version,
comments lead to a new version and round, and nothing leaks to non-members or into the log."""

import json
from datetime import timedelta

import pytest
from django.core import mail, signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from voorbeeldenbank.research import links
from voorbeeldenbank.research.links import LinkError, round_for_signed, round_url
from voorbeeldenbank.research.membercheck import send_round
from voorbeeldenbank.research.models import (
    FrozenVersionError,
    MemberCheckRound,
    MemberCheckStatus,
    ResearchLog,
    Verslag,
)

from .factories import InterviewContactFactory, InterviewFactory

pytestmark = pytest.mark.django_db

NAME = "Zwaantje Oudebroekhuizen"
EMAIL = "zwaantje@example.org"
TEXT = "Zwaantje vertelt over de buurtgroep.\n\nDe groep komt elke week bij elkaar."


@pytest.fixture
def interview(project):
    interview = InterviewFactory(candidate__project=project, candidate__name="Kwetternest")
    InterviewContactFactory(interview=interview, name=NAME, email=EMAIL)
    return interview


@pytest.fixture
def verslag(interview, member):
    verslag = Verslag.objects.create(interview=interview)
    verslag.add_version(TEXT, member)
    return verslag


def path_of(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def admin_url(interview, name: str = "member_check", **kwargs) -> str:
    return reverse(f"research_interview:{name}", kwargs={"pk": interview.pk, **kwargs})


def sent(verslag, member):
    return send_round(verslag, member)


def answer(url: str, decision: str, comment: str = "", client: Client | None = None):
    client = client or Client()
    page = client.get(path_of(url))
    digest = page.context["form"]["digest"].value()
    return client.post(path_of(url), {"decision": decision, "comment": comment, "digest": digest})


def test_rounds_are_numbered_per_verslag_and_a_new_one_revokes_the_open_one(verslag, member):
    first = sent(verslag, member)
    second = sent(verslag, member)
    assert (first.round.number, second.round.number) == (1, 2)
    first.round.refresh_from_db()
    assert first.round.status == MemberCheckStatus.CANCELLED
    response = Client().get(path_of(first.url))
    assert response.status_code == 410
    assert "ingetrokken" in response.content.decode()
    assert Client().get(path_of(second.url)).status_code == 200
    other = Verslag.objects.create(interview=InterviewFactory(candidate__project=verslag.project))
    other.add_version("Een ander gesprek.", member)
    assert sent(other, member).round.number == 1


def test_the_link_expires_after_the_configured_days(verslag, member, settings, monkeypatch):
    settings.RESEARCH_MEMBER_CHECK_DAYS = 3
    start = timezone.now()
    result = sent(verslag, member)
    assert result.round.expires_at - result.round.sent_at == timedelta(days=3)

    class Clock:
        at = start

        @classmethod
        def time(cls) -> float:
            return cls.at.timestamp()

    # The signature's timestamp and the round's deadline both move with the frozen clock.
    monkeypatch.setattr(signing, "time", Clock)
    monkeypatch.setattr(timezone, "now", lambda: Clock.at)
    Clock.at = start + timedelta(days=3) - timedelta(minutes=1)
    assert Client().get(path_of(result.url)).status_code == 200
    Clock.at = start + timedelta(days=3, minutes=1)
    response = Client().get(path_of(result.url))
    assert response.status_code == 410
    assert "verlopen" in response.content.decode()
    assert TEXT.split("\n")[0] not in response.content.decode()


def test_a_round_past_its_deadline_is_expired_even_with_a_fresh_signature(verslag, member):
    result = sent(verslag, member)
    MemberCheckRound.objects.filter(pk=result.round.pk).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )
    with pytest.raises(LinkError) as error:
        round_for_signed(links.sign_round(result.round))
    assert error.value.reason == "expired"


@pytest.mark.parametrize(
    "tamper",
    [
        lambda signed: signed[:-1] + ("A" if signed[-1] != "A" else "B"),
        lambda signed: "nonsense",
        lambda signed: signing.TimestampSigner(salt="andere-salt").sign(signed.split(":")[0]),
        lambda signed: signing.TimestampSigner().sign(signed.split(":")[0]),
        lambda signed: signing.TimestampSigner(salt=links.MEMBER_CHECK_SALT).sign("999999"),
        lambda signed: signing.TimestampSigner(salt=links.MEMBER_CHECK_SALT).sign("abc"),
    ],
)
def test_a_tampered_or_unknown_link_is_not_found_and_shows_nothing(verslag, member, tamper):
    result = sent(verslag, member)
    signed = path_of(result.url).rstrip("/").rsplit("/", 1)[1]
    response = Client().get(reverse("research:member_check", kwargs={"signed": tamper(signed)}))
    assert response.status_code == 404
    text = response.content.decode()
    assert "We kennen deze link niet" in text
    assert "buurtgroep" not in text


def test_the_page_is_private_and_shows_only_its_own_version(verslag, member, project):
    other = Verslag.objects.create(interview=InterviewFactory(candidate__project=project))
    other.add_version("Een ander gesprek over de sportclub.", member)
    sent(other, member)
    result = sent(verslag, member)
    response = Client().get(path_of(result.url))
    assert response.status_code == 200
    text = response.content.decode()
    assert "<p>Zwaantje vertelt over de buurtgroep.</p>" in text
    assert "<p>De groep komt elke week bij elkaar.</p>" in text
    assert "sportclub" not in text
    assert "Kwetternest" not in text
    assert EMAIL not in text
    assert response["Cache-Control"] == "private, no-store"
    assert "noindex" in response["X-Robots-Tag"]
    assert response["Referrer-Policy"] == "same-origin"


def test_approving_freezes_the_version_and_the_link_is_used_afterwards(verslag, member):
    result = sent(verslag, member)
    response = answer(result.url, "goedkeuren")
    assert response.status_code == 200
    assert "goedgekeurd" in response.content.decode()
    result.round.refresh_from_db()
    version = result.round.version
    version.refresh_from_db()
    assert result.round.status == MemberCheckStatus.APPROVED
    assert result.round.responded_at is not None
    assert version.approved_at == result.round.responded_at
    version.original_text = "Iets anders."
    with pytest.raises(FrozenVersionError):
        version.save()
    again = Client().get(path_of(result.url))
    assert again.status_code == 410
    assert "buurtgroep" not in again.content.decode()
    second_post = Client().post(path_of(result.url), {"decision": "opmerkingen", "comment": "x"})
    assert second_post.status_code == 410
    result.round.refresh_from_db()
    assert result.round.status == MemberCheckStatus.APPROVED


def test_an_approved_version_is_not_sent_again(verslag, member, member_client):
    answer(sent(verslag, member).url, "goedkeuren")
    page = member_client.get(admin_url(verslag.interview))
    assert "al goedgekeurd" in page.content.decode()
    assert "Stuur ter goedkeuring</button>" not in page.content.decode()
    response = member_client.post(admin_url(verslag.interview, "member_check_send"), follow=True)
    assert "al goedgekeurd" in response.content.decode()
    assert verslag.member_checks.count() == 1


def test_comments_are_required_then_lead_to_a_new_version_and_round_two(
    verslag, member, member_client
):
    first = sent(verslag, member)
    empty = answer(first.url, "opmerkingen", "  ")
    assert empty.status_code == 400
    assert "Schrijf op wat er anders moet" in empty.content.decode()
    first.round.refresh_from_db()
    assert first.round.status == MemberCheckStatus.OPEN

    assert answer(first.url, "opmerkingen", "De groep komt om de week.").status_code == 200
    first.round.refresh_from_db()
    assert first.round.status == MemberCheckStatus.COMMENTED
    assert first.round.comment == "De groep komt om de week."
    assert first.round.version.approved_at is None
    page = member_client.get(admin_url(verslag.interview))
    assert "De groep komt om de week." in page.content.decode()

    corrected = verslag.add_version(TEXT.replace("elke week", "om de week"), member)
    response = member_client.post(admin_url(verslag.interview, "member_check_send"))
    assert response.status_code == 302
    second = verslag.member_checks.get(number=2)
    assert second.version == corrected
    assert Client().get(path_of(first.url)).status_code == 410
    page = Client().get(path_of(round_url(second)))
    assert "om de week bij elkaar" in page.content.decode()


def test_sending_mails_the_interviewee_the_link(
    verslag, member, member_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = member_client.post(admin_url(verslag.interview, "member_check_send"))
    assert response.status_code == 302
    message = mail.outbox[-1]
    assert message.to == [EMAIL]
    link = next(line for line in message.body.splitlines() if "/onderzoek/verslag/" in line)
    assert round_for_signed(link.strip().rstrip("/").rsplit("/", 1)[1]).number == 1
    assert Client().get(path_of(link.strip())).status_code == 200
    assert NAME not in message.body
    assert "buurtgroep" not in message.body
    page = member_client.get(admin_url(verslag.interview))
    assert "/onderzoek/verslag/" in page.content.decode()


def test_the_sender_hears_of_the_answer_without_its_text(
    verslag, member, django_capture_on_commit_callbacks
):
    result = sent(verslag, member)
    with django_capture_on_commit_callbacks(execute=True):
        answer(result.url, "opmerkingen", "Mijn naam is anders gespeld.")
    message = mail.outbox[-1]
    assert message.to == [member.email]
    assert "opmerkingen" in message.subject
    assert "anders gespeld" not in message.body


def test_without_an_email_address_the_round_is_made_and_the_link_shown(
    interview, verslag, member_client
):
    interview.contacts.update(email="")
    response = member_client.post(admin_url(interview, "member_check_send"), follow=True)
    text = response.content.decode()
    assert "geen e-mailadres" in text
    assert not mail.outbox
    check_round = verslag.member_checks.get()
    assert 'id="member-check-link"' in text
    signed = text.split("/onderzoek/verslag/")[1].split("/")[0]
    assert round_for_signed(signed) == check_round


def test_no_round_without_text(interview, member, member_client):
    verslag = Verslag.objects.create(interview=interview)
    verslag.add_version("", member)
    response = member_client.post(admin_url(interview, "member_check_send"), follow=True)
    assert "nog geen versie met tekst" in response.content.decode()
    assert not verslag.member_checks.exists()


def test_an_answer_to_a_text_changed_meanwhile_is_refused(verslag, member):
    result = sent(verslag, member)
    client = Client()
    digest = client.get(path_of(result.url)).context["form"]["digest"].value()
    version = result.round.version
    version.original_text = TEXT + "\n\nEen extra alinea."
    version.save()
    response = client.post(path_of(result.url), {"decision": "goedkeuren", "digest": digest})
    assert response.status_code == 409
    assert "Een extra alinea." in response.content.decode()
    version.refresh_from_db()
    assert version.approved_at is None


def test_the_answer_needs_a_csrf_token(verslag, member):
    result = sent(verslag, member)
    client = Client(enforce_csrf_checks=True)
    response = client.post(path_of(result.url), {"decision": "goedkeuren"})
    assert response.status_code == 403
    result.round.refresh_from_db()
    assert result.round.status == MemberCheckStatus.OPEN


def test_answers_are_rate_limited_per_link(verslag, member, settings):
    settings.RESEARCH_MEMBER_CHECK_RATE_LIMIT = "1/h"
    result = sent(verslag, member)
    client = Client()
    assert client.post(path_of(result.url), {"decision": "x"}).status_code == 400
    limited = client.post(path_of(result.url), {"decision": "goedkeuren"})
    assert limited.status_code == 429
    assert limited["Cache-Control"] == "private, no-store"


def test_a_withdrawn_round_revokes_its_link(verslag, member, member_client):
    result = sent(verslag, member)
    response = member_client.post(
        admin_url(verslag.interview, "member_check_withdraw", round_id=result.round.pk)
    )
    assert response.status_code == 302
    assert Client().get(path_of(result.url)).status_code == 410


def test_non_members_get_404_and_visitors_the_login(verslag, member, outsider_client):
    result = sent(verslag, member)
    interview = verslag.interview
    for url in (
        admin_url(interview),
        admin_url(interview, "member_check_send"),
        admin_url(interview, "member_check_withdraw", round_id=result.round.pk),
    ):
        method = outsider_client.get if url == admin_url(interview) else outsider_client.post
        assert method(url).status_code == 404
    assert verslag.member_checks.count() == 1
    result.round.refresh_from_db()
    assert result.round.status == MemberCheckStatus.OPEN
    anonymous = Client().get(admin_url(interview))
    assert anonymous.status_code == 302
    assert "login" in anonymous["Location"]


def test_a_member_sees_the_rounds(verslag, member, member_client):
    sent(verslag, member)
    response = member_client.get(admin_url(verslag.interview))
    assert response.status_code == 200
    assert 'data-testid="round-1"' in response.content.decode()


def test_the_log_holds_ids_and_states_but_no_names_or_text(
    interview, verslag, member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = sent(verslag, member)
        answer(first.url, "opmerkingen", "Zwaantje heet eigenlijk anders.")
        verslag.add_version(TEXT, member)
        answer(sent(verslag, member).url, "goedkeuren")
    entries = ResearchLog.objects.filter(object_type="membercheckround")
    statuses = [entry.detail.get("status") for entry in entries.order_by("pk")]
    assert statuses == [None, MemberCheckStatus.COMMENTED, None, MemberCheckStatus.APPROVED]
    dumped = json.dumps([entry.detail for entry in ResearchLog.objects.all()])
    for secret in (NAME, "Zwaantje", EMAIL, "buurtgroep", "anders", "/onderzoek/"):
        assert secret not in dumped
