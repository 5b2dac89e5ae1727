"""The result as a tagged PDF through publication's wrapper, read back with pdftotext."""

import pikepdf
import pytest
from django.urls import reverse

from tests.publication.conftest import poppler
from voorbeeldenbank.reflection.links import leader_token

from .conftest import make_session, scan_data

pytestmark = pytest.mark.django_db


def test_the_result_pdf_holds_the_spread_the_notes_and_the_disclaimer(client, statements, tmp_path):
    session = make_session(solo=True, title="Team West")
    element = statements[0].element
    client.post(
        reverse("reflection:session", args=[session.code]),
        scan_data(statements, "5") | {f"note_{element.key}": "Ouders lopen vaak binnen."},
    )
    leader_url = reverse("reflection:leader", args=[session.code, leader_token(session.code)])
    leader = client.get(leader_url)
    assert reverse("reflection:result_pdf", args=[session.code]) in leader.content.decode()

    response = client.get(
        reverse("reflection:result_pdf", args=[session.code]), {"groei": ["steun_informeel"]}
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    path = tmp_path / "reflectie.pdf"
    path.write_bytes(response.content)
    text = " ".join(poppler("pdftotext", str(path), "-").split())
    assert "Team West" in text
    assert "een startpunt voor een gesprek, geen score" in text
    assert "Ouders lopen vaak binnen." in text
    assert "Voorbeelden om van te leren" in text
    with pikepdf.open(path) as pdf:
        # Tagged: a structure tree and the mark that the content is tagged (PDF/UA).
        assert "/StructTreeRoot" in pdf.Root
        assert bool(pdf.Root.MarkInfo.Marked)


def test_an_open_session_has_no_pdf_yet(client, statements):
    session = make_session()
    response = client.get(reverse("reflection:result_pdf", args=[session.code]))
    assert response.status_code == 302
