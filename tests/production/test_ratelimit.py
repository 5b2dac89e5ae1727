"""Rate limits count per real client address, as nginx saw it, in the Redis every worker shares.

Two clients are made realistic by sending from two loopback addresses (127.a.b.c): nginx's
$remote_addr really differs, nginx writes it into X-Forwarded-For, and Django believes that
header only because it comes from nginx (TRUSTED_PROXIES=127.0.0.1). A client's own
X-Forwarded-For is replaced by nginx, so it cannot buy a fresh budget. The limit is the
stack's API_RATE_LIMIT; an address with a fresh query string each time is never a cache hit.
"""

import random
import secrets

import pytest

pytestmark = pytest.mark.production


def some_loopback_address() -> str:
    return f"127.{random.randint(1, 254)}.{random.randint(0, 255)}.{random.randint(1, 254)}"


def api_search(stack, source: str, headers: dict[str, str] | None = None):
    return stack.get(f"/api/v1/examples/?q={secrets.token_hex(6)}", source=source, headers=headers)


def test_the_api_limit_counts_per_client_address_behind_nginx(stack):
    count = int(stack.env.get("API_RATE_LIMIT", "300/m").split("/")[0])
    if count > 2000:
        pytest.skip(f"the stack runs with API_RATE_LIMIT={count}/…, raised (a benchmark?)")
    first, second = some_loopback_address(), some_loopback_address()
    statuses = []
    # A sliding window: when the requests straddle the turn of a minute, the older ones weigh
    # less, so a few more than `count` may pass; never fewer.
    for _ in range(2 * count):
        answer = api_search(stack, first)
        statuses.append(answer.status)
        if answer.status == 429:
            break
    assert statuses[-1] == 429, f"no 429 after {len(statuses)} requests"
    assert set(statuses[:-1]) == {200}
    assert len(statuses) > count
    assert int(answer.headers["retry-after"]) > 0
    # A forged header does not help: nginx writes the address it saw.
    forged = api_search(stack, first, headers={"X-Forwarded-For": second})
    assert forged.status == 429
    # Another client behind the same nginx has a budget of its own.
    assert api_search(stack, second).status == 200
