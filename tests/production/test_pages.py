"""Pages through nginx: they answer, the page cache says what it did, private links stay out
of the logs, and nginx's workers do not crash."""

import re
import secrets

import pytest

from .stack import wait_for

pytestmark = pytest.mark.production

PAGES = ["/", "/voorbeelden/", "/api/v1/examples/", "/api/v1/matrix/", "/lexicon/"]


@pytest.mark.parametrize("path", PAGES)
def test_public_pages_answer_through_the_page_cache(stack, path):
    first = stack.get(path)
    assert first.status == 200, first.text[:500]
    assert first.cache in {"MISS", "HIT", "EXPIRED", "UPDATING", "STALE"}
    again = stack.get(path)
    assert again.status == 200
    # From the cache: fresh (HIT), or an expired copy while nginx fetches a new one (UPDATING).
    assert again.cache in {"HIT", "UPDATING"}
    if first.cache == again.cache == "HIT":
        assert again.body == first.body


def test_an_example_answers_through_the_page_cache(stack):
    example = stack.get("/api/v1/examples/").json()["results"][0]
    page = stack.get(example["url"].removeprefix(stack.url))
    assert page.status == 200
    assert example["name"] in page.text
    assert page.cache in {"MISS", "HIT", "EXPIRED", "STALE", "UPDATING"}


def test_editors_and_forms_are_never_served_from_the_cache(stack):
    for _ in range(2):
        logged_in = stack.get("/voorbeelden/", headers={"Cookie": "sessionid=abc"})
        assert logged_in.cache == "BYPASS"
        form = stack.get("/taalcheck/")
        assert form.status == 200
        assert form.cache == ""
    post = stack.request("POST", "/voorbeelden/", body=b"")
    assert post.cache in {"", "BYPASS", "MISS"}
    assert post.cache != "HIT"


def test_static_files_with_hashed_names_are_kept_for_a_year(stack):
    home = stack.get("/").text
    hashed = re.search(r'/static/[^"\']+\.[0-9a-f]{12}\.css', home)
    assert hashed, "the home page links no hashed stylesheet"
    answer = stack.get(hashed.group(0))
    assert answer.status == 200
    assert "max-age=31536000" in answer.headers["cache-control"]
    assert "immutable" in answer.headers["cache-control"]


def test_protected_media_is_internal_only(stack):
    assert stack.get("/protected-media/example-pdfs/x.pdf").status == 404
    assert stack.get("/media/example-pdfs/x.pdf").status == 404


def test_purge_is_refused_from_other_addresses(stack):
    assert stack.request("PURGE", "/", source="127.0.0.9").status == 403


def test_private_links_stay_out_of_the_access_logs(stack):
    token = secrets.token_urlsafe(32)
    agent = f"smoke-{secrets.token_hex(6)}"
    answer = stack.get(
        f"/insturen/{token}/stap/organisatie/?from={token}", headers={"User-Agent": agent}
    )
    assert answer.status in {404, 410}
    logs = stack.run_dir / "log"
    stack.flush_logs()
    for name in ("nginx-access.log", "gunicorn-access.log"):
        line = wait_for(
            lambda name=name: next(
                (line for line in (logs / name).read_text().splitlines() if agent in line), None
            ),
            seconds=10,
        )
        assert line, f"the request is not in {name}"
        assert "/insturen/***/stap/organisatie/?***" in line, name
        assert token not in (logs / name).read_text(), name


def test_nginx_workers_do_not_crash(stack):
    log = (stack.run_dir / "log" / "nginx-error.log").read_text()
    assert "exited on signal" not in log
