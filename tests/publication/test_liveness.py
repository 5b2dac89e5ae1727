"""A build whose worker dies is given up with a reason; an editor can cancel and retry; a build
killed at any moment leaves no orphan files, and a later sweep finishes what was interrupted."""

import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage
from django.utils import timezone

from tests.publication.fakes import FAKE_PDF, build_edition_now, use_fake_renderer
from voorbeeldenbank.core.housekeeping import run_once
from voorbeeldenbank.publication import builder, files, parts
from voorbeeldenbank.publication.builder import give_up_stalled, run_build, start_build
from voorbeeldenbank.publication.constants import BuildStatus
from voorbeeldenbank.publication.models import Edition, EditionBuild

pytestmark = pytest.mark.django_db


@pytest.fixture
def fake_renderer(monkeypatch):
    return use_fake_renderer(monkeypatch)


def running(**fields) -> EditionBuild:
    build = start_build(None)
    EditionBuild.objects.filter(pk=build.pk).update(status=BuildStatus.RUNNING, **fields)
    return EditionBuild.objects.get(pk=build.pk)


# A worker that died ------------------------------------------------------------------------


def test_a_build_that_stops_reporting_is_given_up_with_a_readable_reason(demo_content, settings):
    settings.EDITION_BUILD_STALLED_AFTER = 300
    lively = running(heartbeat_at=timezone.now() - timedelta(seconds=60))
    assert give_up_stalled() == 0
    EditionBuild.objects.filter(pk=lively.pk).update(
        heartbeat_at=timezone.now() - timedelta(seconds=301)
    )
    assert give_up_stalled() == 1
    lively.refresh_from_db()
    assert lively.status == BuildStatus.FAILED
    assert lively.active is None
    assert "geen teken van leven" in lively.error
    assert start_build(None).active is True


def test_a_build_no_worker_picks_up_is_given_up_too(demo_content, settings):
    settings.EDITION_BUILD_UNCLAIMED_AFTER = 900
    build = start_build(None)
    EditionBuild.objects.filter(pk=build.pk).update(
        created_at=timezone.now() - timedelta(minutes=16)
    )
    run_once()  # housekeeping in the worker does it, as do the admin screens
    build.refresh_from_db()
    assert build.status == BuildStatus.FAILED
    assert "db_worker" in build.error


def test_a_worker_that_was_given_up_on_stops_at_its_next_report(demo_content, fake_renderer):
    build = start_build(None)

    def slow_pdf(context, *, progress=None, **options):
        # The worker hangs here long enough to be given up on, then reports again.
        EditionBuild.objects.filter(pk=build.pk).update(
            status=BuildStatus.FAILED, active=None, error="gestopt"
        )
        progress(1, 3)
        raise AssertionError("a stopped build must not get here")

    parts.edition_pdf = slow_pdf  # restored by the fake_renderer fixture's monkeypatch
    run_build(build.pk)
    build.refresh_from_db()
    assert build.status == BuildStatus.FAILED
    assert build.error == "gestopt"
    assert not Edition.objects.exists()


# Cancel and retry --------------------------------------------------------------------------


def test_the_redactie_cancels_a_running_build_and_nothing_is_saved(
    demo_content, fake_renderer, redacteur, redacteur_client, monkeypatch
):
    build = start_build(redacteur)
    real_save = builder._save_edition

    def cancel_just_before_saving(build_, **kwargs):
        # The editor clicks "afbreken" while the PDF is being finished.
        response = redacteur_client.post(f"/admin/edities/bouw/{build_.pk}/afbreken/")
        assert response.status_code == 302
        return real_save(build_, **kwargs)

    monkeypatch.setattr(builder, "_save_edition", cancel_just_before_saving)
    run_build(build.pk)
    build.refresh_from_db()
    assert build.status == BuildStatus.CANCELLED
    assert build.active is None
    assert "Afgebroken door" in build.error
    assert not Edition.objects.exists()
    assert stored(files.TEMPORARY) == set()
    screen = redacteur_client.get("/admin/edities/").content.decode()
    assert "Opnieuw proberen" in screen


def test_retrying_a_cancelled_build_builds_the_edition(
    demo_content, fake_renderer, redacteur_client
):
    build = start_build(None)
    builder.cancel(build, None)
    response = redacteur_client.post(f"/admin/edities/bouw/{build.pk}/opnieuw/")
    assert response.status_code == 302
    assert Edition.objects.get().number == 1
    assert EditionBuild.objects.filter(status=BuildStatus.DONE).count() == 1


def test_retrying_keeps_the_release_note(demo_content, fake_renderer, redacteur_client):
    build = start_build(None, release_note="Met twee nieuwe voorbeelden.")
    builder.cancel(build, None)

    redacteur_client.post(f"/admin/edities/bouw/{build.pk}/opnieuw/")

    assert Edition.objects.get().release_note == "Met twee nieuwe voorbeelden."


def test_only_builders_may_cancel_or_retry(demo_content, visitor_client, anonymous_client):
    build = start_build(None)
    for client in (visitor_client, anonymous_client):
        assert client.post(f"/admin/edities/bouw/{build.pk}/afbreken/").status_code in (302, 403)
    build.refresh_from_db()
    assert build.status == BuildStatus.QUEUED


def test_a_finished_build_cannot_be_retried_or_cancelled(
    demo_content, fake_renderer, redacteur_client
):
    build = build_edition_now()
    assert redacteur_client.post(f"/admin/edities/bouw/{build.pk}/opnieuw/").status_code == 404
    redacteur_client.post(f"/admin/edities/bouw/{build.pk}/afbreken/")
    build.refresh_from_db()
    assert build.status == BuildStatus.DONE


# Files of a killed build --------------------------------------------------------------------


def stored(folder: str) -> set[str]:
    try:
        return {f"{folder}/{name}" for name in default_storage.listdir(folder)[1]}
    except FileNotFoundError:
        return set()


def test_a_build_killed_after_writing_its_files_leaves_only_temporary_ones(
    demo_content, fake_renderer, monkeypatch
):
    def killed(self, *args, **kwargs):
        raise KeyboardInterrupt  # what a kill looks like from inside: nothing after it runs

    monkeypatch.setattr(Edition, "save", killed)
    before = stored(files.FOLDER)
    with pytest.raises(KeyboardInterrupt):
        build_edition_now()
    # The cleanup of a dying build removed its temporary files; no final file appeared.
    assert stored(files.FOLDER) == before
    assert stored(files.TEMPORARY) == set()


def test_a_build_killed_between_record_and_move_is_finished_by_the_sweep(
    demo_content, fake_renderer, monkeypatch
):
    # The test storage lives as long as the test process; start without an edition 1 file.
    files.discard([files.final_name(1, "pdf"), files.final_name(1, "html")], default_storage)
    calls = []

    def killed(temporary, final, storage):
        calls.append(final)
        raise KeyboardInterrupt

    monkeypatch.setattr(files, "promote", killed)
    with pytest.raises(KeyboardInterrupt):
        build_edition_now()
    monkeypatch.undo()
    edition = Edition.objects.get()
    assert not default_storage.exists(edition.pdf.name)
    assert stored(files.TEMPORARY)
    assert files.sweep() == {"finished": 2, "removed": 0}
    assert default_storage.open(edition.pdf.name).read() == FAKE_PDF
    assert stored(files.TEMPORARY) == set()


def test_the_sweep_removes_old_leftovers_but_not_a_running_builds_files(tmp_path, settings):
    storage = FileSystemStorage(location=tmp_path)
    fresh = files.write_temporary(41, files.final_name(41, "pdf"), b"%PDF busy", storage)
    old = files.write_temporary(40, files.final_name(40, "pdf"), b"%PDF dead", storage)
    long_ago = (timezone.now() - files.ORPHAN_AFTER - timedelta(minutes=1)).timestamp()
    os.utime(storage.path(old), (long_ago, long_ago))
    files.sweep(storage)
    assert storage.exists(fresh)
    assert not storage.exists(old)


def test_the_sweep_removes_part_folders_of_killed_builds(tmp_path, monkeypatch):
    monkeypatch.setattr("tempfile.gettempdir", lambda: str(tmp_path))
    dead = tmp_path / f"{files.PARTS_PREFIX}dead"
    busy = tmp_path / f"{files.PARTS_PREFIX}busy"
    for folder in (dead, busy):
        folder.mkdir()
        (folder / "deel-001.pdf").write_bytes(b"%PDF")
    long_ago = (timezone.now() - files.ORPHAN_AFTER - timedelta(minutes=1)).timestamp()
    os.utime(dead, (long_ago, long_ago))
    files.sweep(FileSystemStorage(location=tmp_path / "media"))
    assert not dead.exists()
    assert Path(busy).exists()


def test_a_file_already_moved_counts_as_moved(tmp_path):
    storage = FileSystemStorage(location=tmp_path)
    storage.save("editions/editie-3.pdf", ContentFile(b"%PDF"))
    files.promote("editions/tmp/build-9-editie-3.pdf", "editions/editie-3.pdf", storage)
    assert storage.open("editions/editie-3.pdf").read() == b"%PDF"
