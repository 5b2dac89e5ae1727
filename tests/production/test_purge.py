"""The page cache's round trip: MISS, HIT, publish a change, MISS with the new text.

The change is published with manage.py against the stack, as an editor's publish runs:
the site queues the purge after the change commits, and the task worker sends PURGE to nginx.
"""

import json
import secrets

import pytest

from .stack import wait_for

pytestmark = pytest.mark.production

PUBLISH = """
from voorbeeldenbank.examples.models import ExamplePage
page = ExamplePage.objects.get(slug={slug!r})
old = page.summary
page.summary = {summary!r}
page.save_revision().publish()
print(json.dumps(old))
"""


def publish_summary(stack, slug: str, summary: str) -> str:
    output = stack.manage("import json\n" + PUBLISH.format(slug=slug, summary=summary))
    return json.loads(output.splitlines()[-1])


def first_answer_with(stack, path: str, text: str):
    """The first answer that shows `text` (the purge is queued, so it can take a moment)."""
    return wait_for(
        lambda: (answer := stack.get(path)).status == 200 and text in answer.text and answer,
        seconds=60,
    )


def test_a_published_change_is_purged_from_the_page_cache(stack):
    example = stack.get("/api/v1/examples/").json()["results"][-1]
    path = example["url"].removeprefix(stack.url)
    first_marker = f"Rooktest {secrets.token_hex(4)}."
    original = publish_summary(stack, example["slug"], f"{first_marker} {example['summary']}")
    try:
        miss = first_answer_with(stack, path, first_marker)
        assert miss, "the published change never showed through nginx"
        assert miss.cache == "MISS"
        hit = stack.get(path)
        assert hit.cache == "HIT"
        assert first_marker in hit.text

        second_marker = f"Rooktest {secrets.token_hex(4)}."
        publish_summary(stack, example["slug"], f"{second_marker} {original}")
        fresh = first_answer_with(stack, path, second_marker)
        assert fresh, "the second change never showed: the purge did not reach nginx"
        assert fresh.cache == "MISS"
        assert first_marker not in fresh.text
    finally:
        publish_summary(stack, example["slug"], original)
