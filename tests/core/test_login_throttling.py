"""Login throttling on /admin/login/ (django-axes): lockout, its page, cool-off and unlocking."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import AnonymousUser
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import translation

from voorbeeldenbank.core.lockout import lockout_response

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
PROXY = "10.0.0.1"


@pytest.fixture(autouse=True)
def limits(settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.TRUSTED_PROXIES = [PROXY]


def via(address: str, **extra) -> Client:
    """A browser at `address`, reaching the site through the trusted proxy."""
    return Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=address, **extra)


def log_in(client: Client, password: str, username: str = "beheerder"):
    return client.post(LOGIN, {"username": username, "password": password})


def is_logged_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def lock_out(client: Client, username: str = "beheerder") -> None:
    for _ in range(3):
        log_in(client, "fout", username)


def test_wrong_passwords_below_the_limit_get_the_normal_form(beheerder):
    client = via("198.51.100.1")
    response = log_in(client, "fout")
    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()


def test_after_the_limit_the_site_says_it_is_locked_and_how_long(beheerder):
    client = via("198.51.100.1")
    log_in(client, "fout")
    log_in(client, "fout")
    response = log_in(client, "fout")

    html = response.content.decode()
    assert response.status_code == 429
    assert "Inloggen is even geblokkeerd" in html
    assert "Probeer het over 30 minuten opnieuw." in html
    assert 29 * 60 < int(response["Retry-After"]) <= 30 * 60
    assert "Voorbeeldenbank Normaliseren" in html  # the site's own page


def test_the_lockout_page_is_translated(beheerder):
    # /admin/login/ has no language prefix, so it is Dutch like Wagtail's own login form; the
    # page follows the active language wherever one is set.
    lock_out(via("198.51.100.1"))
    request = RequestFactory().post(
        LOGIN, {"username": "beheerder"}, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.1"
    )
    request.user = AnonymousUser()
    with translation.override("en"):
        response = lockout_response(request, None, {"username": "beheerder"})

    html = response.content.decode()
    assert response.status_code == 429
    assert '<html lang="en">' in html
    assert "Please try again in 30 minutes." in html


def test_the_right_password_is_refused_during_the_lockout(beheerder):
    client = via("198.51.100.1")
    lock_out(client)
    response = log_in(client, "wachtwoord")

    assert response.status_code == 429
    assert not is_logged_in(client)


def test_attempts_during_the_lockout_do_not_extend_it(beheerder):
    client = via("198.51.100.1")
    lock_out(client)
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=20)
    )
    response = log_in(client, "nog steeds fout")

    assert "Probeer het over 10 minuten opnieuw." in response.content.decode()


def test_after_the_cool_off_the_right_password_works(beheerder):
    client = via("198.51.100.1")
    lock_out(client)
    attempt = AccessAttempt.objects.get()
    AccessAttempt.objects.update(attempt_time=attempt.attempt_time - timedelta(minutes=31))

    response = log_in(client, "wachtwoord")

    assert response.status_code == 302
    assert is_logged_in(client)


def test_another_address_behind_the_proxy_is_not_locked(beheerder):
    lock_out(via("198.51.100.1"))
    colleague = via("198.51.100.2")

    assert log_in(colleague, "wachtwoord").status_code == 302
    assert is_logged_in(colleague)


def test_a_spoofed_forwarded_header_does_not_escape_the_lockout(beheerder):
    lock_out(via("198.51.100.1"))
    spoofer = via("203.0.113.50, 198.51.100.1")

    assert log_in(spoofer, "wachtwoord").status_code == 429
    assert not is_logged_in(spoofer)


def test_other_usernames_from_the_same_address_are_not_locked(beheerder, redacteur):
    client = via("198.51.100.1")
    lock_out(client, "beheerder")

    assert log_in(client, "wachtwoord", "redacteur").status_code == 302


def test_changing_the_case_of_the_username_counts_as_the_same_name(beheerder):
    client = via("198.51.100.1")
    for username in ("beheerder", "Beheerder", " BEHEERDER"):
        log_in(client, "fout", username)

    assert log_in(client, "wachtwoord").status_code == 429


@pytest.mark.parametrize("username", ["x" * 300, "naam\x00met-nul"])
def test_odd_usernames_give_the_form_not_a_500(db, username):
    response = log_in(via("198.51.100.1"), "fout", username)

    assert response.status_code == 200


# The admin view ------------------------------------------------------------------------------


def test_beheer_sees_the_lockout_and_lifts_it(beheerder, beheerder_client):
    locked = via("198.51.100.1")
    lock_out(locked)

    listing = beheerder_client.get(reverse("inlogblokkades:index"))
    html = listing.content.decode()
    assert listing.status_code == 200
    assert "198.51.100.1" in html
    assert "Geblokkeerd tot" in html

    attempt = AccessAttempt.objects.get()
    response = beheerder_client.post(reverse("inlogblokkades:unlock", args=[attempt.pk]))
    assert response.status_code == 302
    assert not AccessAttempt.objects.exists()

    assert log_in(locked, "wachtwoord").status_code == 302
    assert is_logged_in(locked)


def test_unlocking_one_lockout_leaves_the_others(beheerder, beheerder_client):
    lock_out(via("198.51.100.1"))
    lock_out(via("198.51.100.2"))
    first = AccessAttempt.objects.get(ip_address="198.51.100.1")

    beheerder_client.post(reverse("inlogblokkades:unlock", args=[first.pk]))

    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == ["198.51.100.2"]


def test_the_menu_item_is_shown_to_beheer_only(beheerder_client, redacteur_client):
    url = reverse("inlogblokkades:index")
    assert url in beheerder_client.get("/admin/").content.decode()
    assert url not in redacteur_client.get("/admin/").content.decode()


@pytest.mark.parametrize("persona", ["anonymous_client", "visitor_client", "redacteur_client"])
def test_nobody_else_can_see_or_lift_lockouts(beheerder, persona, request):
    client = request.getfixturevalue(persona)
    lock_out(via("198.51.100.1"))
    attempt = AccessAttempt.objects.get()

    listing = client.get(reverse("inlogblokkades:index"))
    unlock = client.post(reverse("inlogblokkades:unlock", args=[attempt.pk]))

    assert listing.status_code in (302, 403)
    assert unlock.status_code in (302, 403)
    assert AccessAttempt.objects.filter(pk=attempt.pk).exists()
