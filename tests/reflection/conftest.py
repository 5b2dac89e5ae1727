import datetime

import pytest
from django.utils import timezone

from voorbeeldenbank.reflection.links import new_code
from voorbeeldenbank.reflection.models import Answer, ReflectionSession, Response, Statement


@pytest.fixture
def statements(demo_content) -> list[Statement]:
    return list(Statement.objects.filter(active=True).select_related("element"))


def make_session(**fields) -> ReflectionSession:
    fields.setdefault("closes_on", timezone.localdate() + datetime.timedelta(days=14))
    return ReflectionSession.objects.create(code=new_code(), **fields)


def answer_all(session: ReflectionSession, value: int | None, kind: str = "") -> Response:
    response = Response.objects.create(session=session, organisation_kind=kind)
    Answer.objects.bulk_create(
        Answer(response=response, statement=s, statement_version=s.version, value=value)
        for s in Statement.objects.all()
    )
    return response


def scan_data(statements: list[Statement], value: str, **extra) -> dict:
    return {f"s{statement.pk}": value for statement in statements} | extra
