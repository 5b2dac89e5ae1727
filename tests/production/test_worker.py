"""The task worker on the stack: an edition it built, and PDFs served through nginx."""

import json

import pytest

from .stack import wait_for

pytestmark = pytest.mark.production

QUEUE_BUILD = """
from voorbeeldenbank.publication.builder import start_build
from voorbeeldenbank.publication.tasks import build_edition
build = start_build(None)
build_edition.enqueue(build.pk)
print(build.pk)
"""

BUILD_STATE = """
import json
from voorbeeldenbank.publication.models import EditionBuild
build = EditionBuild.objects.get(pk={pk})
print(json.dumps([build.status, build.error, build.edition.number if build.edition else None]))
"""


def test_an_edition_is_built_by_the_worker_and_served_through_nginx(stack):
    pk = int(stack.manage(QUEUE_BUILD).splitlines()[-1])

    def finished():
        status, error, number = json.loads(stack.manage(BUILD_STATE.format(pk=pk)).splitlines()[-1])
        return (status, error, number) if status not in {"queued", "running"} else None

    outcome = wait_for(finished, seconds=240, every=2)
    assert outcome, "the worker did not finish the build within 4 minutes"
    status, error, number = outcome
    assert status == "done", error
    pdf = stack.get(f"/edities/{number}/pdf/")
    assert pdf.status == 200
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.body.startswith(b"%PDF-")
    assert stack.get("/edities/").status == 200


def test_an_example_pdf_comes_from_nginx_through_x_accel(stack):
    example = stack.get("/api/v1/examples/").json()["results"][0]
    path = f"/voorbeelden/{example['slug']}/pdf/"

    def ready():
        answer = stack.get(path)
        return answer if answer.headers.get("content-type") == "application/pdf" else None

    pdf = wait_for(ready, seconds=180, every=2)
    assert pdf, "the example's PDF was not ready within 3 minutes"
    assert pdf.status == 200
    assert pdf.body.startswith(b"%PDF-")
    # nginx answered from the file: the app's empty X-Accel-Redirect answer never reaches us.
    assert "x-accel-redirect" not in pdf.headers
    assert int(pdf.headers["content-length"]) == len(pdf.body) > 1000
