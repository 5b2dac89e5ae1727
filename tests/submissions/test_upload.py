"""The Word route: template download, and uploads checked before and after parsing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from voorbeeldenbank.submissions.constants import State

pytestmark = pytest.mark.django_db

docx_package = pytest.importorskip("voorbeeldenbank.submissions.docx")
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def upload(submitter, name: str, data: bytes, content_type: str = DOCX):
    return submitter.client.post(
        submitter.url("upload"),
        {
            "version": submitter.submission.version,
            "file": SimpleUploadedFile(name, data, content_type),
        },
    )


def filled_template() -> bytes:
    helpers = pytest.importorskip("tests.submissions.docx_helpers")
    document = helpers.load(docx_package.build_template("nl"))
    helpers.fill_row(document, "Naam van het voorbeeld", "Voorleesclub uit Word")
    helpers.fill_row(document, "Korte naam", "Voorleesclub")
    helpers.write_under(document, "In een notendop", ["Buren lezen samen voor in de bibliotheek."])
    helpers.write_under(document, "Wat is er nodig?", ["Een ruimte en boeken."])
    return helpers.save(document)


def test_the_template_downloads_as_a_docx(anonymous_client):
    response = anonymous_client.get("/insturen/sjabloon.docx")
    assert response.status_code == 200
    assert response["Content-Type"] == DOCX
    assert response.content[:4] == b"PK\x03\x04"
    assert "attachment" in response["Content-Disposition"]


def test_a_filled_template_fills_empty_fields_and_keeps_what_was_typed(submitter):
    submission = submitter.submission
    submission.content = {"title": "Al getypte naam", "summary": ""}
    submission.save()
    response = upload(submitter, "ingevuld.docx", filled_template())
    assert response.status_code == 200
    text = response.content.decode()
    assert "Wat we hebben gelezen" in text
    submission.refresh_from_db()
    assert submission.content["title"] == "Al getypte naam"
    assert submission.content["summary"] == "Buren lezen samen voor in de bibliotheek."
    assert submission.content["what_is_needed"] == "Een ruimte en boeken."
    assert submission.content["short_name"] == "Voorleesclub"
    # The clash is reported, not silently resolved.
    assert "Niet overgenomen" in text
    assert "title" in text


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("voorbeeld.doc", b"\xd0\xcf\x11\xe0" + b"0" * 100, "Alleen Word-bestanden"),
        ("voorbeeld.pdf", b"%PDF-1.7 ...", "Alleen Word-bestanden"),
        ("script.docx.exe", b"MZ" + b"0" * 100, "Alleen Word-bestanden"),
        ("nep.docx", b"<html><script>alert(1)</script></html>", "geen geldig Word-bestand"),
        ("kapot.docx", b"PK\x03\x04" + b"\x00" * 200, "beschadigd"),
    ],
)
def test_wrong_or_broken_files_are_refused_with_a_clear_message(submitter, name, data, message):
    before = dict(submitter.submission.content)
    response = upload(submitter, name, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    submitter.submission.refresh_from_db()
    assert submitter.submission.content == before


def test_an_empty_upload_is_refused(submitter):
    response = upload(submitter, "leeg.docx", b"")
    assert response.status_code == 400
    assert "alert--error" in response.content.decode()


@pytest.mark.parametrize(
    ("size", "status"),
    [
        (2_000, 400),  # checked on the uploaded file
        (200_000, 413),  # refused on Content-Length, before the body is read
    ],
)
def test_a_file_over_the_size_limit_is_refused_before_parsing(
    submitter, settings, monkeypatch, size, status
):
    settings.SUBMISSION_UPLOAD_MAX_BYTES = 1000
    called = []
    monkeypatch.setattr(docx_package, "parse_docx", lambda data: called.append(data))
    response = upload(submitter, "groot.docx", b"PK\x03\x04" + b"0" * size)
    assert response.status_code == status
    assert "te groot" in response.content.decode()
    assert called == []


def test_uploading_is_closed_after_submitting(submitter):
    from voorbeeldenbank.submissions.models import Submission

    Submission.objects.filter(pk=submitter.submission.pk).update(state=State.INGEDIEND)
    response = upload(submitter, "ingevuld.docx", filled_template())
    assert response.status_code == 302


def test_a_body_over_the_limit_is_refused_unread_even_before_the_csrf_check(submitter):
    # As a browser sends it: CSRF checks on. Content-Length claims 50 MB while the test body is
    # small, so any attempt to read the body would fail the request instead of refusing it.
    client = type(submitter.client)(enforce_csrf_checks=True)
    response = client.post(
        submitter.url("upload"),
        {"file": SimpleUploadedFile("groot.docx", b"PK\x03\x04", DOCX)},
        CONTENT_LENGTH="50000000",
    )
    assert response.status_code == 413
    html = response.content.decode()
    assert "Het bestand is te groot (hoogstens 2.0 MB)." in html
    assert 'lang="nl"' in html


def test_the_size_message_is_translated(submitter):
    client = type(submitter.client)(enforce_csrf_checks=True)
    response = client.post(
        "/en" + submitter.url("upload"),
        {"file": SimpleUploadedFile("groot.docx", b"PK\x03\x04", DOCX)},
        CONTENT_LENGTH="50000000",
    )
    assert response.status_code == 413
    assert "The file is too large" in response.content.decode()


def test_a_slow_to_read_file_gets_a_message_not_a_stuck_worker(submitter, settings):
    settings.SUBMISSION_DOCX_PARSE_SECONDS = 0
    response = upload(submitter, "ingevuld.docx", filled_template())
    assert response.status_code == 400
    assert "te lang om hier te lezen" in response.content.decode()
