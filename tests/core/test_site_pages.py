"""The pages a Dutch public site must have: present, linked from every page, editable, truthful."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessLog
from django.test import override_settings
from django.utils import timezone

from voorbeeldenbank.core.lockout import delete_old_login_records
from voorbeeldenbank.core.models import (
    AccessibilityStatementPage,
    ContactSettings,
    InfoPage,
    PrivacyPage,
)

pytestmark = pytest.mark.django_db

SERVICE_PAGES = ["/over/", "/contact/", "/privacy/", "/toegankelijkheid/"]


def test_every_page_links_the_service_pages_in_its_footer(client, demo_content):
    for path in ["/", "/voorbeelden/", "/taalcheck/", "/bestaat-niet/"]:
        html = client.get(path).content.decode()
        footer = html.split('<footer class="site-footer">')[1]
        for service_page in SERVICE_PAGES:
            assert f'href="{service_page}"' in footer, (path, service_page)


@pytest.mark.parametrize("path", SERVICE_PAGES)
def test_the_service_pages_are_public_in_both_languages(client, demo_content, path):
    assert client.get(path).status_code == 200
    assert client.get(f"/en{path}").status_code == 200


def test_a_page_taken_out_of_the_menus_leaves_the_footer(client, demo_content):
    InfoPage.objects.filter(slug="over").update(show_in_menus=False)

    footer = client.get("/").content.decode().split('<footer class="site-footer">')[1]

    assert 'href="/over/"' not in footer
    assert 'href="/contact/"' in footer


def test_the_privacy_statement_shows_the_retention_the_site_applies(client, demo_content):
    with override_settings(SUBMISSION_RETENTION_DAYS=123, LOGIN_RECORD_RETENTION_DAYS=45):
        html = client.get("/privacy/").content.decode()

    assert "123 dagen" in html
    assert "45 dagen" in html
    assert "Autoriteit Persoonsgegevens" in html


def test_the_contact_details_come_from_the_settings(client, demo_content):
    contact = ContactSettings.objects.get()
    contact.email = "vragen@gemeente.example"
    contact.save()

    for path in ["/contact/", "/privacy/", "/toegankelijkheid/"]:
        assert "vragen@gemeente.example" in client.get(path).content.decode(), path


def test_the_accessibility_statement_follows_the_model_statement(client, demo_content):
    page = AccessibilityStatementPage.objects.get()
    html = client.get("/toegankelijkheid/").content.decode()

    assert page.get_status_display() in html
    assert "WCAG 2.1" in html
    assert page.evaluations.first().by in html
    assert page.issues.first().description in html
    assert "Nationale Ombudsman" in html


def test_dutch_text_on_the_english_site_is_marked_as_dutch(client, demo_content):
    page = PrivacyPage.objects.get()
    page.body_en = ""
    page.save_revision().publish()

    html = client.get("/en/privacy/").content.decode()

    assert '<div class="prose" lang="nl">' in html
    statement = client.get("/en/toegankelijkheid/").content.decode()
    assert '<li lang="nl">' in statement


def test_the_english_text_is_shown_on_the_english_site(client, demo_content):
    html = client.get("/en/privacy/").content.decode()

    assert '<div class="prose" lang="en">' in html
    assert "Your rights" in html


def test_the_redactie_edits_the_pages_and_visitors_cannot(client, redacteur_client, demo_content):
    page = PrivacyPage.objects.get()
    edit = f"/admin/pages/{page.pk}/edit/"

    assert redacteur_client.get(edit).status_code == 200
    response = client.get(edit)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_old_login_records_are_deleted_and_recent_ones_kept(db):
    old = timezone.now() - timedelta(days=91)
    kept = AccessLog.objects.create(username="redacteur", ip_address="192.0.2.1", user_agent="x")
    gone = AccessLog.objects.create(username="redacteur", ip_address="192.0.2.1", user_agent="x")
    attempt = AccessAttempt.objects.create(
        username="iemand", ip_address="192.0.2.2", user_agent="x", failures_since_start=1
    )
    AccessLog.objects.filter(pk=gone.pk).update(attempt_time=old)
    AccessAttempt.objects.filter(pk=attempt.pk).update(attempt_time=old)

    with override_settings(LOGIN_RECORD_RETENTION_DAYS=90):
        deleted = delete_old_login_records()

    assert deleted == 2
    assert list(AccessLog.objects.values_list("pk", flat=True)) == [kept.pk]
    assert not AccessAttempt.objects.exists()
