"""Hostile or absurd input to every public endpoint gets an answer, never a server error."""

from urllib.parse import quote

import pytest

pytestmark = pytest.mark.django_db

NASTY = [
    "\x00",
    "%00",
    "'; DROP TABLE wagtailcore_page; --",
    "<script>alert(1)</script>",
    "ü" * 5000,
    "../../etc/passwd",
    "%ed%a0%80%ff",
    "9" * 5000,
    "",
]
PATHS = [
    "/voorbeelden/?q={v}",
    "/voorbeelden/?kind={v}&element={v}&age={v}&page={v}",
    "/en/voorbeelden/?topic={v}&place={v}&target={v}",
    "/vergelijk/?v={v}&v=pinkies",
    "/api/v1/examples/?q={v}",
    "/api/v1/examples/?element={v}&page_size={v}",
]


@pytest.mark.parametrize("template", PATHS)
@pytest.mark.parametrize("value", NASTY, ids=range(len(NASTY)))
def test_nasty_query_values_never_cause_a_server_error(demo_content, client, template, value):
    response = client.get(template.replace("{v}", quote(value, safe="%")))
    assert response.status_code < 500
    if response["Content-Type"].startswith("text/html"):
        assert b"<script>alert(1)</script>" not in response.content


@pytest.mark.parametrize("value", ["%00", "%ff%fe", "a" * 400, "..", "%2e%2e%2f"])
def test_nasty_slugs_answer_404(demo_content, client, value):
    assert client.get(f"/voorbeelden/{value}/").status_code == 404
    assert client.get(f"/api/v1/examples/{value}/").status_code == 404


def test_a_search_for_script_tags_is_shown_escaped(demo_content, client):
    response = client.get("/voorbeelden/", {"q": "<script>alert(1)</script>"})
    assert response.status_code == 200
    assert b"&lt;script&gt;" in response.content


# Forms: what only PostgreSQL would refuse is refused by the forms, on both databases. -------

LONG_ADDRESS = "a" * 60 + "@" + ".".join(["b" * 60] * 4) + ".org"  # valid syntax, 308 chars


STEPS = ["feiten", "notendop", "verdieping", "elementen", "ervaringen", "contact"]


@pytest.fixture
def private_link(demo_content):
    from django.test import Client

    from tests.submissions.factories import SubmissionFactory

    submission = SubmissionFactory()
    return Client(), submission, f"/insturen/{submission.raw_token}"


@pytest.mark.parametrize("step", STEPS)
@pytest.mark.parametrize("value", ["voor\x00na", LONG_ADDRESS * 30], ids=["nul", "overlong"])
def test_every_step_field_refuses_what_the_database_cannot_store(private_link, step, value):
    from voorbeeldenbank.submissions.forms import STEP_FORMS

    client, submission, base = private_link
    fields = list(STEP_FORMS[step]().fields)
    assert fields
    for field in fields:
        submission.refresh_from_db()
        data = {"version": submission.version, field: value, "go": "next"}
        response = client.post(f"{base}/stap/{step}/", data)
        assert response.status_code in (200, 302), field
        submission.refresh_from_db()
        assert "\x00" not in str(submission.content) + str(submission.raw_input), field


@pytest.mark.parametrize(
    ("field", "value"),
    [("name", "Ivo\x00"), ("email", "ivo\x00@example.org"), ("email", LONG_ADDRESS)],
)
def test_the_start_form_refuses_nul_and_overlong_values(client, demo_content, field, value):
    from voorbeeldenbank.submissions.models import Submission

    data = {"name": "Ivo", "email": "ivo@example.org", "consent": "on", field: value}
    response = client.post("/insturen/", data)
    assert response.status_code == 200
    assert Submission.objects.count() == 0


def test_the_contact_person_comment_refuses_a_nul_character(demo_content, redacteur):
    from django.test import Client

    from tests.submissions.factories import SubmissionFactory
    from voorbeeldenbank.submissions.tokens import sign_round
    from voorbeeldenbank.submissions.workflow import send_for_approval

    approval_round = send_for_approval(SubmissionFactory(accepted=True), redacteur)
    url = f"/insturen/goedkeuren/{sign_round(approval_round)}/"
    response = Client().post(url, {"decision": "aanpassen", "comment": "anders\x00graag"})
    assert response.status_code == 200
    assert "niet kan worden opgeslagen" in response.content.decode()
    approval_round.refresh_from_db()
    assert approval_round.status == approval_round.STATUS_IN_PROGRESS
