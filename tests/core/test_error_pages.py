"""400, 403 and the refused-form page are the site's own, in Dutch and in English."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.test import Client, RequestFactory
from django.utils import translation
from django.views import defaults

pytestmark = pytest.mark.django_db

START = {"nl": "/insturen/", "en": "/en/insturen/"}


@pytest.mark.parametrize(
    ("language", "title", "advice"),
    [
        ("nl", "Het formulier kon niet worden verstuurd", "Ga terug met de knop Vorige"),
        ("en", "The form could not be sent", "Go back with your browser"),
    ],
)
def test_a_refused_form_explains_what_to_do_and_keeps_the_status(
    demo_content, language, title, advice
):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        START[language], {"name": "Ivo", "email": "ivo@example.org", "consent": "on"}
    )

    html = response.content.decode()
    assert response.status_code == 403
    assert f'<html lang="{language}">' in html
    assert title in html
    assert advice in html
    assert "CSRF" not in html
    assert response["Cache-Control"] == "no-store, private"


@pytest.mark.parametrize(
    ("path", "language", "title"),
    [
        ("/", "nl", "Dit verzoek kunnen we niet lezen"),
        ("/en/", "en", "We cannot read this request"),
    ],
)
def test_a_bad_request_gets_the_sites_own_page(demo_content, settings, path, language, title):
    settings.ALLOWED_HOSTS = ["testserver"]
    response = Client().get(path, HTTP_HOST="evil.example")

    html = response.content.decode()
    assert response.status_code == 400
    assert f'<html lang="{language}">' in html
    assert title in html
    assert "Bad Request" not in html


def test_too_many_fields_is_a_bad_request_with_the_sites_page(demo_content, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 10
    query = "&".join(f"f{n}=1" for n in range(20))
    response = Client().get(f"/voorbeelden/?{query}")

    assert response.status_code == 400
    assert "Dit verzoek kunnen we niet lezen" in response.content.decode()


@pytest.mark.parametrize(
    ("language", "title"),
    [("nl", "U heeft geen toegang tot deze pagina"), ("en", "You do not have access")],
)
def test_permission_denied_gets_the_sites_own_page(demo_content, language, title):
    request = RequestFactory().get("/ergens/")
    request.user = AnonymousUser()
    with translation.override(language):
        response = defaults.permission_denied(request, PermissionDenied())

    html = response.content.decode()
    assert response.status_code == 403
    assert f'<html lang="{language}">' in html
    assert title in html
    assert "Voorbeeldenbank Normaliseren" in html


def raise_and_handle(error: Exception):
    from voorbeeldenbank.core.views.errors import server_error

    request = RequestFactory().get("/voorbeelden/")
    try:
        raise error
    except Exception:
        return server_error(request)


@pytest.mark.parametrize(
    ("language", "title"),
    [("nl", "Even niet beschikbaar"), ("en", "Temporarily unavailable")],
)
def test_an_unreachable_database_is_a_503_that_says_to_come_back(language, title):
    from django.db import OperationalError

    with translation.override(language):
        response = raise_and_handle(OperationalError("connection refused"))
    html = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert response["Cache-Control"] == "no-store"
    assert title in html
    assert f'<html lang="{language}">' in html


def test_any_other_failure_stays_a_500():
    response = raise_and_handle(ValueError("a bug"))
    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()


def test_the_site_answers_a_database_failure_with_its_503(client, monkeypatch):
    from django.db import OperationalError
    from django.db.backends.utils import CursorWrapper

    def down(*args, **kwargs):
        raise OperationalError("the database system is shutting down")

    monkeypatch.setattr(CursorWrapper, "execute", down)
    client.raise_request_exception = False
    response = client.get("/lexicon/")
    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert "Even niet beschikbaar" in response.content.decode()
