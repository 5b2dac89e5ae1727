"""The shared sliding-window limiter: counts, the window's slide, and the wait it tells."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory
from django.utils import translation

from voorbeeldenbank.core.ratelimit import (
    Limit,
    Rate,
    hit,
    ip_key,
    per_ip,
    per_secret,
    wait_phrase,
)

HOUR = 3600
# A moment at the very start of an hour window, so the tests can step through it.
T0 = 1_000 * HOUR


def limit(count: int = 3, period: int = HOUR, key: str = "test:thing") -> Limit:
    return Limit(key, Rate(count, period))


@pytest.mark.parametrize(
    ("value", "expected"),
    [("10/h", Rate(10, 3600)), ("5/m", Rate(5, 60)), (" 2 / day ", Rate(2, 86400))],
)
def test_rates_are_read_from_settings_text(value, expected):
    assert Rate.parse(value) == expected


@pytest.mark.parametrize("value", ["10", "ten/h", "10/w", "0/h", ""])
def test_a_wrong_rate_is_a_configuration_error(value):
    with pytest.raises(ImproperlyConfigured, match="SOME_LIMIT"):
        Rate.parse(value, "SOME_LIMIT")


def test_it_allows_up_to_the_count_and_refuses_the_next():
    results = [hit([limit()], now=T0 + i).allowed for i in range(4)]
    assert results == [True, True, True, False]


def test_a_refusal_says_how_long_until_the_window_has_slid_far_enough():
    for i in range(3):
        hit([limit()], now=T0 + i)
    refused = hit([limit()], now=T0 + 10)
    # All three are in this window: the next window starts in 3590 s and still weighs this one
    # fully at its start; it must slide a third (1 of 3 may go) before one more fits.
    assert not refused.allowed
    assert refused.retry_after == 3590 + 1200
    assert not hit([limit()], now=T0 + 10 + refused.retry_after - 5).allowed
    assert hit([limit()], now=T0 + 10 + refused.retry_after + 1).allowed


def test_the_previous_window_weighs_less_as_it_slides_out():
    for i in range(3):
        hit([limit()], now=T0 + i)
    # A quarter into the next hour the last hour still counts for 3 × 0.75 = 2.25, too much for
    # one more; from a third on it counts for 2 or less.
    assert not hit([limit()], now=T0 + HOUR + HOUR // 4).allowed
    assert hit([limit()], now=T0 + HOUR + HOUR // 3 + 1).allowed
    assert not hit([limit()], now=T0 + HOUR + HOUR // 3 + 2).allowed


def test_no_burst_of_twice_the_limit_around_the_window_boundary():
    for i in range(3):
        hit([limit()], now=T0 + HOUR - 10 + i)
    assert not hit([limit()], now=T0 + HOUR + 1).allowed


def test_refused_attempts_are_not_counted_so_waiting_the_stated_time_works():
    for i in range(3):
        hit([limit()], now=T0 + i)
    first = hit([limit()], now=T0 + 10)
    for i in range(50):
        hit([limit()], now=T0 + 20 + i)
    assert hit([limit()], now=T0 + 10 + first.retry_after + 1).allowed


def test_an_attempt_refused_by_one_limit_is_not_counted_by_the_others():
    wide = limit(count=10, key="test:wide")
    narrow = limit(count=1, key="test:narrow")
    assert hit([wide, narrow], now=T0).allowed
    for i in range(5):
        assert not hit([wide, narrow], now=T0 + 1 + i).allowed
    # The wide counter holds only the one attempt that went through.
    results = [hit([wide], now=T0 + 10 + i).allowed for i in range(10)]
    assert results == [True] * 9 + [False]


def test_separate_keys_count_separately():
    assert hit([limit(count=1, key="a")], now=T0).allowed
    assert hit([limit(count=1, key="b")], now=T0).allowed
    assert not hit([limit(count=1, key="a")], now=T0).allowed


def test_a_secret_is_only_kept_as_its_hash():
    token = "Sup3r-s3cret-private-link-token"
    assert token not in per_secret("s", "link", token, Rate(1, 60)).key


def test_ipv6_clients_are_counted_per_64_network(settings):
    settings.TRUSTED_PROXIES = []
    factory = RequestFactory()
    one = per_ip("s", factory.get("/", REMOTE_ADDR="2001:db8:1:2::aaaa"), Rate(1, 60))
    other = per_ip("s", factory.get("/", REMOTE_ADDR="2001:db8:1:2:ffff::1"), Rate(1, 60))
    assert one.key == other.key
    assert ip_key("2001:db8:1:3::1") != ip_key("2001:db8:1:2::1")
    assert ip_key("198.51.100.7") == "198.51.100.7"


@pytest.mark.parametrize(
    ("seconds", "dutch", "english"),
    [
        (1, "Probeer het over 1 seconde opnieuw.", "Please try again in 1 second."),
        (45, "Probeer het over 45 seconden opnieuw.", "Please try again in 45 seconds."),
        (61, "Probeer het over 2 minuten opnieuw.", "Please try again in 2 minutes."),
        (12 * 60, "Probeer het over 12 minuten opnieuw.", "Please try again in 12 minutes."),
        (3 * HOUR, "Probeer het over 3 uur opnieuw.", "Please try again in 3 hours."),
    ],
)
def test_the_wait_is_said_in_words_rounded_up(seconds, dutch, english):
    assert wait_phrase(seconds) == dutch
    with translation.override("en"):
        assert wait_phrase(seconds) == english
