"""Nothing identifying is stored with answers, and the CSV has days, not times."""

import csv
import io

import pytest
from django.db import models
from django.urls import reverse

from voorbeeldenbank.reflection.exports import answers_csv, safe_cell
from voorbeeldenbank.reflection.links import leader_token
from voorbeeldenbank.reflection.models import Answer, ElementNote, ReflectionSession, Response

from .conftest import answer_all, make_session, scan_data

pytestmark = pytest.mark.django_db

IDENTIFYING = ("ip", "address", "agent", "user", "email", "name", "cookie", "token", "browser")


@pytest.mark.parametrize("model", [ReflectionSession, Response, Answer, ElementNote])
def test_no_column_could_identify_a_member(model):
    for field in model._meta.get_fields():
        if not field.concrete:
            continue
        assert not any(word in field.name for word in IDENTIFYING), field.name
        assert not isinstance(field, models.DateTimeField | models.GenericIPAddressField)
        if isinstance(field, models.ForeignKey):
            assert field.related_model._meta.label != "auth.User"


def test_a_logged_in_member_is_still_stored_without_account_or_address(visitor_client, statements):
    session = make_session()
    visitor_client.post(
        reverse("reflection:session", args=[session.code]),
        scan_data(statements, "3"),
        HTTP_USER_AGENT="Brave/1.0 herkenbaar",
        REMOTE_ADDR="203.0.113.77",
    )
    stored = [list(row.values()) for row in Response.objects.values()] + [
        list(row.values()) for row in Answer.objects.values()
    ]
    flat = " ".join(str(value) for row in stored for value in row)
    assert "203.0.113.77" not in flat
    assert "Brave" not in flat
    assert "bezoeker" not in flat


def test_the_csv_has_days_only_and_defuses_formulas(client, statements):
    session = make_session(closed_on=None)
    response = answer_all(session, 4, kind="beleid")
    ElementNote.objects.create(
        response=response, element=statements[0].element, text='=HYPERLINK("http://x")'
    )
    rows = list(csv.reader(io.StringIO(answers_csv(session).lstrip("\ufeff"))))
    header, body = rows[0], rows[1:]
    assert header[1] == "dag"
    for row in body:
        assert len(row[1]) == 10
        assert row[1].count("-") == 2
        assert ":" not in row[1]
    notes = [row for row in body if row[7]]
    assert notes[0][7].startswith("'=")
    assert {row[0] for row in body} == {"1"}
    assert {row[5] for row in body if row[5]} == {"1"}  # the statements' version


def test_safe_cell_leaves_numbers_and_plain_text_alone():
    assert safe_cell(3) == 3
    assert safe_cell("gewoon") == "gewoon"
    assert safe_cell("-1") == "'-1"
    assert safe_cell(None) == ""


def test_the_csv_is_only_for_the_leader(client, statements):
    session = make_session(solo=True)
    answer_all(session, 2)
    url = reverse("reflection:csv", args=[session.code, leader_token(session.code)])
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Cache-Control"] == "no-store, private"
