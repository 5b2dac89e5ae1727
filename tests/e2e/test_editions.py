"""An editor builds a new edition in the admin and downloads it; the public page lists it.

In tests the task backend runs the build inside the request (a real WeasyPrint render), so the
result is there when the page comes back.
"""

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

BUILD_TIMEOUT_MS = 90_000


@pytest.fixture
def editor(django_user_model):
    """An editor as the data migrations set one up; a flushed database lacks their group."""
    group, _ = Group.objects.get_or_create(name="Editors")
    group.permissions.add(
        *Permission.objects.filter(
            codename__in=["access_admin", "add_editionbuild", "view_edition", "view_editionbuild"]
        )
    )
    user = django_user_model.objects.create_user(username="redacteur", password="geheim-genoeg")
    user.groups.add(group)
    return user


def log_in(page: Page, site: str, username: str, password: str) -> None:
    page.goto(f"{site}/admin/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(password)
    page.locator("button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def test_an_editor_builds_an_edition_and_downloads_it(
    page: Page, site, editor, tmp_path, check_a11y
):
    log_in(page, site, "redacteur", "geheim-genoeg")

    page.get_by_role("button", name="Publicatie", exact=True).click()
    page.get_by_role("link", name="Edities").click()
    expect(page.get_by_role("heading", name="Edities", level=1)).to_be_visible()
    expect(page.get_by_text("Er is nog geen editie verschenen.")).to_be_visible()

    # First the preview: what the edition will contain, a release note, the confirmation.
    page.get_by_role("link", name="Nieuwe editie voorbereiden").click()
    expect(page.get_by_role("heading", name="Voorbeeld van editie 1")).to_be_visible()
    expect(page.get_by_text("De editie bevat 13 gepubliceerde voorbeelden")).to_be_visible()
    check_a11y(page)
    build = page.get_by_role("button", name="Editie 1 bouwen en publiceren")
    page.get_by_label("Toelichting bij deze editie").fill("De eerste editie uit de bank.")
    # Without the tick nothing is built: the form comes back with the reason, the note kept.
    build.click()
    expect(page.get_by_text("Bevestig dat u de editie wilt publiceren.")).to_be_visible()
    expect(page.get_by_label("Toelichting bij deze editie")).to_have_value(
        "De eerste editie uit de bank."
    )
    page.get_by_label(re.compile(r"^Ik begrijp dat deze editie openbaar wordt")).check()
    # The click waits for the answer, which comes once the build (in the request) is done.
    build.click(timeout=BUILD_TIMEOUT_MS)

    expect(page.get_by_text("Editie 1 is klaar.").first).to_be_visible(timeout=BUILD_TIMEOUT_MS)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download editie 1 (PDF)").click()
    download = download_info.value
    assert download.suggested_filename == "voorbeeldenbank-editie-1.pdf"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    assert Path(saved).read_bytes().startswith(b"%PDF-")

    page.goto(f"{site}/edities/")
    expect(page.get_by_role("heading", name=re.compile(r"^Editie 1 van "))).to_be_visible()
    expect(page.get_by_role("link", name=re.compile(r"^Download editie 1 als PDF"))).to_be_visible()
    expect(page.get_by_text("De eerste editie uit de bank.")).to_be_visible()
    check_a11y(page)
