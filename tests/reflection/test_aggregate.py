"""The overview across sessions: shown only when at least five opted-in sessions contribute."""

import datetime

import pytest
from django.utils import timezone

from voorbeeldenbank.reflection.aggregate import overview

from .conftest import answer_all, make_session

pytestmark = pytest.mark.django_db


def closed(**fields):
    return make_session(closed_on=timezone.localdate(), **fields)


def test_four_sessions_keep_the_overview_hidden(client, statements):
    for _ in range(4):
        answer_all(closed(in_overview=True), 3, kind="formeel")
    # Sessions that did not opt in, or are still open, do not count.
    answer_all(closed(in_overview=False), 3)
    answer_all(make_session(in_overview=True), 3)
    response = client.get("/reflectie/overzicht/")
    html = response.content.decode()
    assert response.context["overview"].sessions == 4
    assert 'id="overview-hidden"' in html
    assert 'id="overview-table"' not in html


def test_five_sessions_show_the_overview_per_element_and_kind(client, statements):
    for index in range(5):
        answer_all(closed(in_overview=True), 1 + index % 5, kind="formeel")
    answer_all(closed(in_overview=True), 5, kind="informeel")
    response = client.get("/reflectie/overzicht/")
    html = response.content.decode()
    assert 'id="overview-table"' in html
    result = response.context["overview"]
    assert result.sessions == 6
    first = result.rows[0]
    per_element = sum(1 for s in statements if s.element_id == first.element.pk)
    assert first.overall.counts == [per_element] * 4 + [2 * per_element]
    kinds = {column.kind: column for column in result.kinds}
    assert kinds["formeel"].shown
    assert not kinds["informeel"].shown
    assert "te weinig sessies" in html


def test_a_session_past_its_closing_day_counts_as_closed(statements):
    past = timezone.localdate() - datetime.timedelta(days=1)
    for _ in range(5):
        answer_all(make_session(in_overview=True, closes_on=past), 2)
    assert overview().shown
