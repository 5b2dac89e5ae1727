"""The real client address behind trusted proxies, and what a spoofed header cannot change."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from voorbeeldenbank.core.http import client_ip, client_ip_or_none

PROXY = "10.0.0.2"


def request(remote: str = PROXY, forwarded: str | None = None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **meta)


@pytest.fixture
def behind_proxy(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/24", "2001:db8:ffff::1"]


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.TRUSTED_PROXIES = []
    assert client_ip(request("203.0.113.7", forwarded="198.51.100.1")) == "203.0.113.7"


def test_an_untrusted_peer_cannot_choose_its_address_with_the_header(behind_proxy):
    assert client_ip(request("203.0.113.7", forwarded="198.51.100.1")) == "203.0.113.7"


def test_behind_a_trusted_proxy_the_forwarded_client_counts(behind_proxy):
    assert client_ip(request(forwarded="198.51.100.1")) == "198.51.100.1"


def test_spoofed_left_hand_entries_are_ignored(behind_proxy):
    # The client sent "1.1.1.1, 2.2.2.2" itself; nginx appended the address it saw.
    assert client_ip(request(forwarded="1.1.1.1, 2.2.2.2, 198.51.100.1")) == "198.51.100.1"


def test_a_chain_of_trusted_proxies_is_walked_from_the_right(behind_proxy):
    forwarded = "1.1.1.1, 198.51.100.1, 10.0.0.9, 2001:db8:ffff::1"
    assert client_ip(request(forwarded=forwarded)) == "198.51.100.1"


def test_an_empty_header_from_the_proxy_gives_the_proxy(behind_proxy):
    assert client_ip(request(forwarded="")) == PROXY
    assert client_ip(request()) == PROXY


@pytest.mark.parametrize("garbage", ["nonsense", "999.1.1.1", "<script>", " , ", "1.1.1.1, ]["])
def test_a_malformed_client_entry_falls_back_to_the_nearest_proxy(behind_proxy, garbage):
    assert client_ip(request(forwarded=garbage)) == PROXY


def test_an_overlong_header_is_not_parsed(behind_proxy):
    forwarded = ", ".join(["1.1.1.1"] * 500) + ", 198.51.100.1"
    assert client_ip(request(forwarded=forwarded)) == PROXY


@pytest.mark.parametrize(
    ("forwarded", "expected"),
    [
        ("2001:db8::5", "2001:db8::5"),
        ("[2001:db8::5]:4711", "2001:db8::5"),
        ("198.51.100.1:4711", "198.51.100.1"),
        ("::ffff:198.51.100.1", "198.51.100.1"),
        ("2001:DB8:0:0::5", "2001:db8::5"),
    ],
)
def test_ipv6_and_ports_are_read_as_one_normal_form(behind_proxy, forwarded, expected):
    assert client_ip(request(forwarded=forwarded)) == expected


def test_an_ipv6_proxy_can_be_trusted(behind_proxy):
    assert client_ip(request("2001:db8:ffff::1", forwarded="198.51.100.1")) == "198.51.100.1"


def test_an_unreadable_remote_address_gives_no_address(behind_proxy):
    assert client_ip(request("")) == ""
    assert client_ip_or_none(request("")) is None


def test_a_mistyped_trusted_proxy_is_a_configuration_error(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.300"]
    with pytest.raises(ImproperlyConfigured, match="TRUSTED_PROXIES"):
        client_ip(request())
