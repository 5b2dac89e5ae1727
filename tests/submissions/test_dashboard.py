"""The admin dashboard's panel of waiting submissions, and the count in the menu."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from voorbeeldenbank.submissions.constants import State
from voorbeeldenbank.submissions.models import Submission, Transition

from .factories import SubmissionFactory

pytestmark = pytest.mark.django_db


def waiting_since(submission, days: int) -> None:
    Transition.objects.create(
        submission=submission,
        actor_kind="indiener",
        from_state=State.CONCEPT,
        to_state=submission.state,
        created=timezone.now() - timedelta(days=days),
    )


def panel(text: str) -> str:
    match = re.search(r'id="waiting-submissions-section".*?</section>', text, re.S)
    assert match, "no submissions panel"
    return match.group(0)


def menu_label(text: str) -> str:
    """The label of the submissions item in the sidebar's JSON."""
    match = re.search(r'"label": "(Inzendingen[^"]*)"', text.replace("&quot;", '"'))
    assert match, "no submissions menu item"
    return match.group(1)


def test_the_panel_lists_waiting_submissions_per_state_oldest_first(redacteur_client):
    newer = SubmissionFactory(submitted=True, content={"title": "Net binnen"})
    older = SubmissionFactory(submitted=True, content={"title": "Al lang binnen"})
    waiting_since(newer, 2)
    waiting_since(older, 20)
    SubmissionFactory(in_review=True, content={"title": "Wordt bekeken"})
    SubmissionFactory(more_info=True, content={"title": "Wacht op indiener"})
    SubmissionFactory(content={"title": "Nog een concept"})
    SubmissionFactory(rejected=True, content={"title": "Afgewezen voorbeeld"})
    text = panel(redacteur_client.get("/admin/").content.decode())
    assert "Ingediend (2)" in text
    assert "In behandeling (1)" in text
    assert "Aanvulling gevraagd (1)" in text
    assert text.index("Al lang binnen") < text.index("Net binnen")
    assert "Nog een concept" not in text
    assert "Afgewezen voorbeeld" not in text
    assert "3 inzendingen wachten op de redactie" in text


def test_the_menu_item_counts_what_waits_for_the_redactie(redacteur_client):
    assert menu_label(redacteur_client.get("/admin/").content.decode()) == "Inzendingen"
    SubmissionFactory(submitted=True)
    SubmissionFactory(in_review=True)
    SubmissionFactory(more_info=True)
    assert menu_label(redacteur_client.get("/admin/").content.decode()) == "Inzendingen (2)"
    Submission.objects.update(state=State.AFGEWEZEN)
    assert menu_label(redacteur_client.get("/admin/").content.decode()) == "Inzendingen"


def test_an_admin_user_without_the_review_permission_sees_neither(django_user_model, client):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("medewerker", "m@example.org", "x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    SubmissionFactory(submitted=True, content={"title": "Geheim ingediend"})
    text = client.get("/admin/").content.decode()
    assert "waiting-submissions" not in text
    assert "Geheim ingediend" not in text
    assert "Inzendingen" not in text.replace("&quot;", '"')


@pytest.mark.parametrize("who", ["anonymous_client", "visitor_client"])
def test_the_panel_is_not_reachable_without_the_admin(who, request):
    SubmissionFactory(submitted=True, content={"title": "Geheim ingediend"})
    response = request.getfixturevalue(who).get("/admin/")
    assert response.status_code == 302
    assert "Geheim ingediend" not in response.content.decode()
