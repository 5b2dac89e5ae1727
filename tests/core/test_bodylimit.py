"""Bodies over the limit are refused on Content-Length, before anything reads them."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_a_body_over_the_site_ceiling_gets_the_413_page_unread(demo_content, settings):
    settings.MAX_REQUEST_BODY_BYTES = 1000
    # The body is small; reading the 50 MB that Content-Length claims would fail the request.
    response = Client(enforce_csrf_checks=True).post(
        "/insturen/", {"name": "x"}, CONTENT_LENGTH="50000000"
    )
    assert response.status_code == 413
    assert "Wat u stuurt is te groot" in response.content.decode()


def test_the_ceiling_page_is_translated(demo_content, settings):
    settings.MAX_REQUEST_BODY_BYTES = 1000
    response = Client().post("/en/insturen/", {"name": "x"}, CONTENT_LENGTH="50000000")
    assert response.status_code == 413
    assert "What you are sending is too large" in response.content.decode()


def test_a_content_length_that_is_not_a_number_is_refused(demo_content):
    response = Client().post("/insturen/", {"name": "x"}, CONTENT_LENGTH="veel")
    assert response.status_code == 413


def test_bodies_within_the_limits_pass(demo_content):
    response = Client().post("/insturen/", {"name": ""})
    assert response.status_code == 200


def test_the_language_check_refuses_a_huge_form_unread_with_its_own_page(demo_content, settings):
    settings.TAALCHECK_MAX_BYTES = 100
    response = Client(enforce_csrf_checks=True).post(
        "/taalcheck/", {"text": "kort"}, CONTENT_LENGTH="50000000"
    )
    assert response.status_code == 413
    assert "De tekst is te lang" in response.content.decode()
