"""Building editions: numbering, content, change lists, refusal, failure cleanup, the command."""

import hashlib
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db.models import QuerySet
from django.utils import timezone

from tests.factories import ExamplePageFactory
from tests.publication.fakes import FAKE_PAGES, FAKE_PDF, build_edition_now, use_fake_renderer
from voorbeeldenbank.examples.models import ExamplePage
from voorbeeldenbank.publication import builder, parts
from voorbeeldenbank.publication.builder import BuildAlreadyRunning, run_build, start_build
from voorbeeldenbank.publication.constants import BuildStatus
from voorbeeldenbank.publication.models import Edition, EditionBuild
from voorbeeldenbank.publication.tasks import build_edition

pytestmark = pytest.mark.django_db


@pytest.fixture
def fake_renderer(monkeypatch):
    return use_fake_renderer(monkeypatch)


def stored_files() -> set[str]:
    """Files under editions/ in the (in-memory, process-wide) test storage."""
    try:
        return {f"editions/{name}" for name in default_storage.listdir("editions")[1]}
    except FileNotFoundError:
        return set()


def publish(slug: str, **fields) -> None:
    page = ExamplePage.objects.get(slug=slug)
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()


# Starting ---------------------------------------------------------------------------------


def test_start_queues_one_active_build(demo_content, redacteur):
    build = start_build(redacteur)

    assert build.status == BuildStatus.QUEUED
    assert build.active is True
    assert build.started_by == redacteur
    assert build.steps_total == len(builder.STEPS)
    assert build.steps_done == 0


def test_a_second_start_is_refused_while_one_is_queued(demo_content, redacteur):
    start_build(redacteur)

    with pytest.raises(BuildAlreadyRunning, match="Er wordt al een editie gebouwd"):
        start_build(redacteur)
    assert EditionBuild.objects.count() == 1


def test_the_database_refuses_a_second_active_build_in_a_race(demo_content, monkeypatch):
    start_build(None)
    # Both editors passed the friendly check before either build was saved.
    monkeypatch.setattr(QuerySet, "exists", lambda self: False)

    with pytest.raises(BuildAlreadyRunning):
        start_build(None)
    monkeypatch.undo()
    assert EditionBuild.objects.count() == 1


def test_a_start_is_possible_again_once_the_build_ended(demo_content, fake_renderer):
    build_edition_now()

    assert start_build(None).status == BuildStatus.QUEUED


def test_old_finished_builds_are_pruned_but_their_editions_stay(
    demo_content, fake_renderer, monkeypatch
):
    monkeypatch.setattr(builder, "KEEP_FINISHED_BUILDS", 2)
    for _ in range(3):
        build_edition_now()
    first = EditionBuild.objects.order_by("created_at", "pk").first()

    start_build(None)

    assert not EditionBuild.objects.filter(pk=first.pk).exists()
    assert EditionBuild.objects.filter(active=None).count() == 2
    assert EditionBuild.objects.filter(active=True).count() == 1
    assert list(Edition.objects.values_list("number", flat=True).order_by("number")) == [1, 2, 3]


def test_an_abandoned_build_no_longer_blocks(demo_content):
    stuck = start_build(None)
    EditionBuild.objects.filter(pk=stuck.pk).update(
        status=BuildStatus.RUNNING, created_at=timezone.now() - timedelta(hours=2)
    )

    fresh = start_build(None)

    stuck.refresh_from_db()
    assert fresh.active is True
    assert stuck.status == BuildStatus.FAILED
    assert stuck.active is None
    assert stuck.error


# Building ---------------------------------------------------------------------------------


def test_a_build_stores_an_edition_with_its_files_and_facts(demo_content, fake_renderer, redacteur):
    build = build_edition_now(redacteur)

    assert build.status == BuildStatus.DONE, build.error
    assert build.active is None
    assert build.finished_at is not None
    assert build.steps_done == build.steps_total == 4
    edition = Edition.objects.get()
    assert build.edition == edition
    assert EditionBuild.objects.get(pk=build.pk).edition == edition
    assert edition.number == 1
    assert edition.published_on == timezone.localdate()
    assert edition.created_by == redacteur
    assert edition.pdf.name.startswith("editions/editie-1")
    assert edition.pdf.name.endswith(".pdf")
    assert edition.html.name.endswith(".html")
    assert edition.pdf.read() == FAKE_PDF
    assert b"Editie 1" in edition.html.read()
    assert edition.pdf_size == len(FAKE_PDF)
    assert edition.page_count == FAKE_PAGES
    assert edition.checksum == hashlib.sha256(FAKE_PDF).hexdigest()
    assert edition.example_count == 13
    # The web version and the PDF source are rendered from one context.
    assert fake_renderer["html"] == [False]
    assert fake_renderer["context"]["number"] == 1


def test_an_edition_holds_every_published_example_once_and_no_drafts(demo_content, fake_renderer):
    draft = ExamplePageFactory(title="Nog niet af", draft=True)

    edition = build_edition_now().edition

    live_slugs = sorted(demo_content.values_list("slug", flat=True))
    assert sorted(edition.manifest) == live_slugs
    assert sorted(fake_renderer["slugs"]) == live_slugs
    assert len(fake_renderer["slugs"]) == len(set(fake_renderer["slugs"]))
    assert draft.slug not in edition.manifest


def test_editions_are_numbered_one_two_three(demo_content, fake_renderer):
    numbers = [build_edition_now().edition.number for _ in range(3)]

    assert numbers == [1, 2, 3]
    assert list(Edition.objects.values_list("number", flat=True)) == [3, 2, 1]


def test_the_change_list_compares_with_the_previous_edition(demo_content, fake_renderer):
    first = build_edition_now().edition
    publish("pinkies", summary="Een nieuwe, kortere beschrijving van dit voorbeeld.")
    new = ExamplePageFactory(title="Buurtmoeders")
    ExamplePage.objects.get(slug="ease").unpublish()

    second = build_edition_now().edition

    assert len(first.changes["added"]) == 13
    assert first.changes["changed"] == first.changes["removed"] == []
    assert second.changes["added"] == [{"slug": new.slug, "title": "Buurtmoeders"}]
    assert [(c["slug"], c["sections"]) for c in second.changes["changed"]] == [
        ("pinkies", ["notendop"])
    ]
    assert [r["slug"] for r in second.changes["removed"]] == ["ease"]
    assert second.example_count == 13


def test_an_edition_cannot_be_changed(demo_content, fake_renderer):
    edition = build_edition_now().edition
    edition.page_count = 1

    with pytest.raises(ValidationError):
        edition.save()
    assert Edition.objects.get().page_count == FAKE_PAGES


def test_a_dry_run_builds_but_stores_nothing(demo_content, fake_renderer):
    before = stored_files()

    build = build_edition_now(dry_run=True)

    assert build.status == BuildStatus.DONE
    assert build.edition is None
    assert build.dry_run_pages == FAKE_PAGES
    assert fake_renderer["pdf"] == 1
    assert not Edition.objects.exists()
    assert stored_files() == before


def test_a_build_runs_only_once(demo_content, fake_renderer):
    build = build_edition_now()

    again = run_build(build.pk)

    assert again.status == BuildStatus.DONE
    assert Edition.objects.count() == 1
    assert fake_renderer["pdf"] == 1


def test_the_task_runs_the_build(demo_content, fake_renderer):
    build = start_build(None)

    result = build_edition.enqueue(build.pk)

    build.refresh_from_db()
    assert build.status == BuildStatus.DONE
    assert result.return_value == BuildStatus.DONE
    assert Edition.objects.count() == 1


# Failing ----------------------------------------------------------------------------------


def test_a_failed_pdf_leaves_no_edition_and_a_readable_error(
    demo_content, fake_renderer, monkeypatch
):
    def broken(context, **options):
        raise RuntimeError("Lettertype Fira Sans niet gevonden")

    monkeypatch.setattr(parts, "edition_pdf", broken)
    before = stored_files()

    build = build_edition_now()

    build.refresh_from_db()
    assert build.status == BuildStatus.FAILED
    assert build.active is None
    assert build.finished_at is not None
    assert build.edition is None
    assert "PDF maken" in build.error
    assert "Lettertype Fira Sans niet gevonden" in build.error
    assert "Traceback" not in build.error
    assert not Edition.objects.exists()
    assert stored_files() == before
    # The slot is free again.
    assert start_build(None).active is True


def test_something_that_is_not_a_pdf_is_refused(demo_content, fake_renderer, monkeypatch):
    monkeypatch.setattr(parts, "edition_pdf", lambda context, **options: (b"<html>", 1))

    build = build_edition_now()

    assert build.status == BuildStatus.FAILED
    assert "geen PDF" in build.error
    assert not Edition.objects.exists()


def test_files_already_written_are_removed_when_saving_fails(
    demo_content, fake_renderer, monkeypatch
):
    def refuse(self, *args, **kwargs):
        raise RuntimeError("database weg")

    monkeypatch.setattr(Edition, "save", refuse)
    before = stored_files()

    build = build_edition_now()

    assert build.status == BuildStatus.FAILED
    assert "Opslaan" in build.error
    assert stored_files() == before
    assert not Edition.objects.exists()
    assert EditionBuild.objects.get(pk=build.pk).edition is None


# The command ------------------------------------------------------------------------------


def test_the_command_dry_run_stores_no_edition(demo_content, fake_renderer, tmp_path, capsys):
    output = tmp_path / "proef.pdf"

    call_command("build_edition", "--dry-run", "--output", str(output))

    assert not Edition.objects.exists()
    assert output.read_bytes() == FAKE_PDF
    printed = capsys.readouterr().out
    assert "[1/4] Inhoud verzamelen" in printed
    assert "[3/4] PDF maken" in printed
    # The PDF step reports the parts it lays out (the fake renderer has three).
    assert "[3/4] PDF maken (deel 2 van 3)" in printed
    assert "geen editie opgeslagen" in printed


def test_the_command_fails_with_the_message_when_a_build_runs(demo_content, fake_renderer):
    start_build(None)

    with pytest.raises(CommandError, match="Er wordt al een editie gebouwd"):
        call_command("build_edition")


def test_the_command_fails_with_the_readable_error(demo_content, fake_renderer, monkeypatch):
    monkeypatch.setattr(parts, "edition_pdf", lambda context, **options: (b"", 0))

    with pytest.raises(CommandError, match="mislukt bij de stap ‘PDF maken’"):
        call_command("build_edition")
    assert not Edition.objects.exists()


def test_the_command_refuses_an_output_folder_that_does_not_exist(demo_content, tmp_path):
    with pytest.raises(CommandError, match="bestaat niet"):
        call_command("build_edition", "--output", str(tmp_path / "nergens" / "x.pdf"))
    assert not EditionBuild.objects.exists()


def test_the_command_builds_a_real_edition(demo_content, tmp_path, capsys):
    """The one full render in this file: WeasyPrint, checked with poppler's pdfinfo."""
    output = tmp_path / "editie.pdf"

    call_command("build_edition", "--output", str(output))

    edition = Edition.objects.get()
    pdf = output.read_bytes()
    assert pdf.startswith(b"%PDF-")
    assert edition.pdf.read() == pdf
    assert edition.checksum == hashlib.sha256(pdf).hexdigest()
    assert edition.pdf_size == len(pdf)
    info = subprocess.run(["pdfinfo", str(output)], capture_output=True, text=True, check=True)
    pages = next(line for line in info.stdout.splitlines() if line.startswith("Pages:"))
    assert int(pages.split()[1]) == edition.page_count
    assert "Editie 1 opgeslagen" in capsys.readouterr().out
    assert Path(output).stat().st_size == edition.pdf_size
