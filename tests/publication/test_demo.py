"""The demo loader leaves a fresh install with edition 1: one real build, through the command
that `make run` (scripts/local_setup.py) and `make demo` use."""

from io import StringIO

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.test import override_settings

from voorbeeldenbank.publication import demo
from voorbeeldenbank.publication.models import Edition, EditionBuild

pytestmark = pytest.mark.django_db


def test_the_test_settings_keep_the_demo_fixture_free_of_builds(demo_content):
    assert not Edition.objects.exists()
    assert not EditionBuild.objects.exists()


@override_settings(DEMO_BUILD_EDITION=True)
def test_loading_the_demo_builds_edition_1_once(demo_content, client):
    output = StringIO()
    call_command("load_demo_content", stdout=output)

    assert "edition 1: building" in output.getvalue()
    edition = Edition.objects.get()
    assert edition.number == 1
    assert edition.example_count == demo_content.count() == 13
    assert edition.release_note == demo.FIRST_EDITION_NOTE
    with default_storage.open(edition.pdf.name) as pdf:
        assert pdf.read(5) == b"%PDF-"
    assert client.get("/edities/1/pdf/").status_code == 200
    assert demo.FIRST_EDITION_NOTE in client.get("/edities/").content.decode()

    # Loading again (a restart of `make run`) keeps the edition and builds nothing.
    assert demo.load_first_edition() == edition
    call_command("load_demo_content", stdout=StringIO())
    assert Edition.objects.count() == 1
    assert EditionBuild.objects.count() == 1
