"""Who is asking: the real client address behind the site's own reverse proxies.

Rate limits and login throttling are keyed on this address. Behind nginx, REMOTE_ADDR is the
proxy for everyone, so the address has to come from X-Forwarded-For; but that header is
written by the client first, so only the entries appended by proxies we trust can be believed.
"""

from __future__ import annotations

import functools
import ipaddress
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

# A header longer than this is not from a proxy chain we run; it is not worth parsing.
MAX_FORWARDED_LENGTH = 2000


@functools.cache
def _networks(entries: tuple[str, ...]) -> tuple[IPNetwork, ...]:
    networks = []
    for entry in entries:
        try:
            networks.append(ipaddress.ip_network(entry.strip(), strict=False))
        except ValueError as error:
            raise ImproperlyConfigured(
                f"TRUSTED_PROXIES holds {entry!r}, which is not an IP address or network"
            ) from error
    return tuple(networks)


def trusted_networks() -> tuple[IPNetwork, ...]:
    return _networks(tuple(getattr(settings, "TRUSTED_PROXIES", ()) or ()))


def parse_ip(value: str) -> IPAddress | None:
    """An address as a proxy writes it: plain, "[v6]", "v4:port" or "[v6]:port"; else None."""
    value = value.strip().strip('"')
    if value.startswith("["):
        value = value[1:].partition("]")[0]
    elif value.count(":") == 1:
        value = value.partition(":")[0]
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    # An IPv4 client reaching an IPv6 socket shows up as ::ffff:a.b.c.d; it is the same client.
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def _is_trusted(address: IPAddress, networks: Iterable[IPNetwork]) -> bool:
    return any(address in network for network in networks)


def client_ip(request: HttpRequest) -> str:
    """The client's address, or "" when the connection has none that can be read.

    REMOTE_ADDR, unless it is one of TRUSTED_PROXIES: then the right-most address in
    X-Forwarded-For that is not itself a trusted proxy. Entries left of it were written by the
    client (or by proxies we do not know) and are ignored, so a spoofed header changes nothing.
    A malformed entry where the client's address should be means the chain cannot be trusted:
    the nearest proxy's address is used instead, so such requests share one (strict) key.
    """
    remote = parse_ip(request.META.get("REMOTE_ADDR", "") or "")
    if remote is None:
        return ""
    networks = trusted_networks()
    if not networks or not _is_trusted(remote, networks):
        return str(remote)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "") or ""
    if len(forwarded) > MAX_FORWARDED_LENGTH:
        return str(remote)
    nearest = remote
    for entry in reversed(forwarded.split(",")):
        address = parse_ip(entry)
        if address is None:
            return str(nearest)
        if not _is_trusted(address, networks):
            return str(address)
        nearest = address
    # Every hop is one of ours (e.g. a health check from the proxy host itself).
    return str(nearest)


def client_ip_or_none(request: HttpRequest) -> str | None:
    """client_ip for django-axes, which stores the address in a GenericIPAddressField."""
    return client_ip(request) or None
