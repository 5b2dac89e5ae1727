"""The single-example PDF: made by the worker once per published revision, never in a request."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django_tasks import task_backends
from wagtail.models import PageViewRestriction

from tests.factories import ExamplePageFactory
from tests.publication.conftest import poppler
from voorbeeldenbank.examples.models import ExamplePage
from voorbeeldenbank.publication import example_pdfs, render, tasks
from voorbeeldenbank.publication.constants import BuildStatus
from voorbeeldenbank.publication.models import ExamplePdf

pytestmark = pytest.mark.django_db

URL = "/voorbeelden/{slug}/pdf/"


@pytest.fixture
def layouts(monkeypatch) -> list[str]:
    """Every WeasyPrint layout, by example title: the renderer's one entry point."""
    calls: list[str] = []
    real = render.layout

    def spy(html, **kwargs):
        calls.append(html)
        return real(html, **kwargs)

    monkeypatch.setattr(render, "layout", spy)
    return calls


@pytest.fixture
def queued(settings):
    """A task backend that only records: the ids of the PDFs handed to the worker."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}

    def ids() -> list[int]:
        return [
            result.args[0]
            for result in task_backends["default"].results
            if result.task.func is tasks.build_example_pdf.func
        ]

    return ids


@pytest.fixture
def worker(django_capture_on_commit_callbacks):
    """Run what was queued after commit, as the worker would: tasks run immediately here."""

    def run(action):
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            result = action()
        return result, callbacks

    return run


def get(client, slug: str, **extra):
    return client.get(URL.format(slug=slug), **extra)


def pdf_text(data: bytes, tmp_path) -> str:
    path = tmp_path / "voorbeeld.pdf"
    path.write_bytes(data)
    return " ".join(poppler("pdftotext", str(path), "-").split())


def served_bytes(response) -> bytes:
    return b"".join(response.streaming_content)


def test_the_first_request_shows_it_is_being_prepared_and_queues_the_build(
    demo_content, client, layouts, django_capture_on_commit_callbacks, queued
):
    with django_capture_on_commit_callbacks() as callbacks:
        response = get(client, "pinkies")
        assert queued() == []  # not before the record is committed

    html = response.content.decode()
    assert response.status_code == 202
    assert response["Retry-After"] == "3"
    assert response["Cache-Control"] == "no-store"
    assert "De PDF wordt gemaakt" in html
    assert '<progress id="pdf-progress" max="100" value="0">' in html
    assert 'hx-get="/voorbeelden/pinkies/pdf/"' in html
    assert '<noscript><meta http-equiv="refresh" content="3"></noscript>' in html
    assert layouts == []
    pdf = ExamplePdf.objects.get()
    assert pdf.status == BuildStatus.QUEUED
    assert pdf.revision_id == ExamplePage.objects.get(slug="pinkies").live_revision_id

    for callback in callbacks:
        callback()
    assert queued() == [pdf.pk]


def test_asking_again_while_it_is_queued_queues_nothing_more(
    demo_content, client, django_capture_on_commit_callbacks, queued
):
    with django_capture_on_commit_callbacks(execute=True):
        get(client, "pinkies")
        get(client, "pinkies")
    assert len(queued()) == 1


def test_after_the_worker_ran_the_file_is_served_and_is_this_example(
    demo_content, client, layouts, worker, tmp_path
):
    worker(lambda: get(client, "ervaringscafe"))
    assert len(layouts) == 1  # by the task, after the request had been answered

    response = get(client, "ervaringscafe")

    assert len(layouts) == 1  # serving renders nothing
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="ervaringscafe.pdf"' in response["Content-Disposition"]
    text = pdf_text(served_bytes(response), tmp_path)
    assert "Ervaringscafé" in text
    assert "In een notendop" in text
    pdf = ExamplePdf.objects.get()
    assert pdf.status == BuildStatus.DONE
    assert pdf.progress == 100
    assert pdf.file.name.startswith("example-pdfs/ervaringscafe-")
    assert pdf.size == len(default_storage.open(pdf.file.name).read())


def test_the_english_address_serves_the_same_file(demo_content, client, worker):
    worker(lambda: get(client, "pinkies"))
    response = client.get("/en/voorbeelden/pinkies/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"


def test_publishing_again_makes_a_new_pdf_and_removes_the_old(
    demo_content, client, worker, tmp_path
):
    worker(lambda: get(client, "pinkies"))
    old = ExamplePdf.objects.get()
    page = ExamplePage.objects.get(slug="pinkies")
    page.title = "Pinkies, opnieuw beschreven"
    _result, callbacks = worker(lambda: page.save_revision().publish())
    assert callbacks  # the publish queued the new PDF after commit

    new = ExamplePdf.objects.get()
    assert new.pk != old.pk
    assert new.status == BuildStatus.DONE
    assert not default_storage.exists(old.file.name)
    response = get(client, "pinkies")
    assert "Pinkies, opnieuw beschreven" in pdf_text(served_bytes(response), tmp_path)


def test_a_publish_that_is_rolled_back_queues_nothing(
    demo_content, queued, django_capture_on_commit_callbacks
):
    page = ExamplePage.objects.get(slug="pinkies")

    def publish_then_fail() -> None:
        with transaction.atomic():
            page.save_revision().publish()
            raise RuntimeError

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        publish_then_fail()
    assert queued() == []
    assert not ExamplePdf.objects.exists()


def test_while_it_is_made_the_page_shows_progress(demo_content, client, worker):
    get(client, "pinkies")
    pdf = ExamplePdf.objects.get()
    ExamplePdf.objects.filter(pk=pdf.pk).update(status=BuildStatus.RUNNING, progress=30)

    response = get(client, "pinkies", HTTP_HX_REQUEST="true")

    html = response.content.decode()
    assert response.status_code == 202
    assert "<h1>" not in html  # the fragment the poll swaps in
    assert 'value="30"' in html
    assert "Bezig met maken" in html


def test_when_it_is_ready_the_poll_hands_over_to_the_browser(demo_content, client, worker):
    worker(lambda: get(client, "pinkies"))
    response = get(client, "pinkies", HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert response["HX-Redirect"] == "/voorbeelden/pinkies/pdf/"
    assert response.content == b""


def test_the_preparing_page_is_translated(demo_content, client):
    response = client.get("/en/voorbeelden/pinkies/pdf/")
    html = response.content.decode()
    assert response.status_code == 202
    assert '<html lang="en">' in html
    assert "The PDF is being made" in html


@pytest.mark.parametrize("path", ["/voorbeelden/bestaat-niet/pdf/", "/voorbeelden/%00/pdf/"])
def test_unknown_or_malformed_slugs_get_no_pdf(demo_content, client, path):
    assert client.get(path).status_code == 404
    assert not ExamplePdf.objects.exists()


def test_drafts_and_restricted_examples_get_a_404_and_no_build(demo_content, client):
    draft = ExamplePageFactory(draft=True)
    restricted = ExamplePageFactory()
    PageViewRestriction.objects.create(page=restricted, restriction_type="password", password="x")
    assert get(client, draft.slug).status_code == 404
    assert get(client, restricted.slug).status_code == 404
    assert not ExamplePdf.objects.exists()


def test_unpublishing_removes_the_pdf_and_its_file(demo_content, client, worker):
    worker(lambda: get(client, "pinkies"))
    name = ExamplePdf.objects.get().file.name
    page = ExamplePage.objects.get(slug="pinkies")

    worker(page.unpublish)

    assert not ExamplePdf.objects.exists()
    assert not default_storage.exists(name)
    assert get(client, "pinkies").status_code == 404


def test_a_restriction_removes_the_pdf(demo_content, client, worker):
    worker(lambda: get(client, "pinkies"))
    page = ExamplePage.objects.get(slug="pinkies")
    worker(lambda: PageViewRestriction.objects.create(page=page, restriction_type="login"))
    assert not ExamplePdf.objects.exists()


def test_a_failed_build_says_so_and_leaves_no_file(demo_content, client, worker, monkeypatch):
    def broken(html, **kwargs):
        raise ValueError("lettertype ontbreekt")

    monkeypatch.setattr(render, "layout", broken)
    worker(lambda: get(client, "pinkies"))

    pdf = ExamplePdf.objects.get()
    assert pdf.status == BuildStatus.FAILED
    assert "lettertype ontbreekt" in pdf.error
    assert pdf.file.name == ""
    _dirs, files = default_storage.listdir(example_pdfs.TEMPORARY)
    assert files == []
    response = get(client, "pinkies")
    assert response.status_code == 202
    assert "niet gelukt" in response.content.decode()
    assert "lettertype" not in response.content.decode()  # internals stay in the admin log


def test_a_failed_build_is_tried_again_after_a_pause(demo_content, client):
    get(client, "pinkies")
    pdf = ExamplePdf.objects.get()
    ExamplePdf.objects.filter(pk=pdf.pk).update(status=BuildStatus.FAILED)
    assert example_pdfs.find_or_create(pdf.page)[1] is False
    ExamplePdf.objects.filter(pk=pdf.pk).update(
        updated_at=timezone.now() - example_pdfs.RETRY_FAILED_AFTER - timedelta(seconds=1)
    )
    assert example_pdfs.find_or_create(pdf.page)[1] is True
    assert ExamplePdf.objects.get().status == BuildStatus.QUEUED


def test_a_build_the_worker_lost_is_queued_again(demo_content, client):
    get(client, "pinkies")
    pdf = ExamplePdf.objects.get()
    ExamplePdf.objects.filter(pk=pdf.pk).update(
        status=BuildStatus.RUNNING,
        updated_at=timezone.now() - example_pdfs.STALE_AFTER - timedelta(seconds=1),
    )
    assert example_pdfs.find_or_create(pdf.page)[1] is True


def test_a_build_cut_off_before_the_file_was_moved_is_made_again(demo_content, client, worker):
    worker(lambda: get(client, "pinkies"))
    pdf = ExamplePdf.objects.get()
    default_storage.delete(pdf.file.name)  # the record was saved, the move never happened

    response = get(client, "pinkies")

    assert response.status_code == 202
    assert ExamplePdf.objects.get().status == BuildStatus.QUEUED


def test_a_task_delivered_twice_builds_once(demo_content, client, worker, layouts):
    worker(lambda: get(client, "pinkies"))
    pdf = ExamplePdf.objects.get()
    example_pdfs.build(pdf.pk)
    assert len(layouts) == 1


def test_a_build_for_a_revision_no_longer_live_is_dropped(demo_content, client, layouts):
    get(client, "pinkies")
    pdf = ExamplePdf.objects.get()
    page = ExamplePage.objects.get(slug="pinkies")
    page.save_revision().publish()  # its own PDF is queued after commit (not run here)

    assert example_pdfs.build(pdf.pk) is None
    assert layouts == []
    assert not ExamplePdf.objects.filter(pk=pdf.pk).exists()


def test_old_temporary_files_are_swept_not_running_ones(db):
    name = default_storage.save(f"{example_pdfs.TEMPORARY}/afgebroken.pdf", ContentFile(b"%PDF"))

    example_pdfs.sweep_temporary(default_storage, now=timezone.now())
    assert default_storage.exists(name)  # perhaps a build that is running right now

    later = timezone.now() + example_pdfs.SWEEP_TEMPORARY_AFTER + timedelta(minutes=1)
    example_pdfs.sweep_temporary(default_storage, now=later)
    assert not default_storage.exists(name)


def test_every_build_sweeps_first(demo_content, client, worker, monkeypatch):
    sweeps = []
    monkeypatch.setattr(example_pdfs, "sweep_temporary", lambda storage: sweeps.append(storage))
    worker(lambda: get(client, "pinkies"))
    assert sweeps == [default_storage]


# Delivery by the web server -----------------------------------------------------------------


def test_nginx_serves_the_file_with_x_accel_redirect(demo_content, client, worker, settings):
    settings.EXAMPLE_PDF_DELIVERY = "x-accel"
    worker(lambda: get(client, "pinkies"))
    name = ExamplePdf.objects.get().file.name

    response = get(client, "pinkies")

    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/protected-media/{name}"
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="pinkies.pdf"' in response["Content-Disposition"]
    assert response.content == b""


def test_or_the_browser_is_sent_to_the_media_address(demo_content, client, worker, settings):
    settings.EXAMPLE_PDF_DELIVERY = "redirect"
    worker(lambda: get(client, "pinkies"))
    name = ExamplePdf.objects.get().file.name

    response = get(client, "pinkies")

    assert response.status_code == 302
    assert response["Location"] == default_storage.url(name)


def test_on_a_file_system_the_finished_file_is_moved_into_place(demo_content, client, tmp_path):
    from django.core.files.storage import FileSystemStorage

    storage = FileSystemStorage(location=tmp_path)
    get(client, "pinkies")
    pdf = example_pdfs.build(ExamplePdf.objects.get().pk, storage=storage)

    assert pdf is not None
    assert pdf.status == BuildStatus.DONE
    assert (tmp_path / pdf.file.name).read_bytes().startswith(b"%PDF-")
    assert list((tmp_path / example_pdfs.TEMPORARY).iterdir()) == []
