"""The redactie's "Edities" screen in the Wagtail admin: who may use it, starting, progress."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.publication.fakes import build_edition_now, use_fake_renderer
from voorbeeldenbank.examples.models import ExamplePage
from voorbeeldenbank.publication import builder, parts
from voorbeeldenbank.publication.constants import BuildStatus
from voorbeeldenbank.publication.models import Edition, EditionBuild
from voorbeeldenbank.publication.views import admin as admin_views

pytestmark = pytest.mark.django_db

INDEX = "/admin/edities/"
START = "/admin/edities/bouwen/"
PREVIEW = "/admin/edities/voorbereiden/"
CHAPTERS = "/admin/snippets/publication/reportchapter/"


@pytest.fixture
def fake_renderer(monkeypatch):
    return use_fake_renderer(monkeypatch)


def status_url(build: EditionBuild) -> str:
    return reverse("edities:build", args=[build.pk])


def confirmed(number: int = 1, release_note: str = "") -> dict[str, str]:
    """The preview's form as an editor sends it after ticking the confirmation."""
    return {"number": str(number), "release_note": release_note, "confirm": "on"}


def messages_of(response) -> list[str]:
    return [str(message).strip() for message in response.context["messages"]]


# Who may ----------------------------------------------------------------------------------


def test_the_urls_are_where_the_menu_points():
    assert reverse("edities:index") == INDEX
    assert reverse("edities:start") == START
    assert reverse("edities:preview") == PREVIEW


def test_anonymous_visitors_are_sent_to_the_admin_login(anonymous_client):
    for url in (INDEX, START, PREVIEW):
        response = anonymous_client.get(url)
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]


def test_an_account_without_a_role_cannot_see_or_start_builds(demo_content, visitor_client):
    assert visitor_client.get(INDEX).status_code in (302, 403)
    assert visitor_client.post(START).status_code in (302, 403)
    assert visitor_client.post(PREVIEW, confirmed()).status_code in (302, 403)
    assert not EditionBuild.objects.exists()


def test_an_admin_user_without_the_publication_rights_cannot_start(demo_content, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user(username="lezer", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client = Client()
    client.force_login(user)

    response = client.get(INDEX)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    client.post(START)
    client.post(PREVIEW, confirmed())
    assert not EditionBuild.objects.exists()
    assert b"Edities" not in client.get("/admin/").content


def test_the_redactie_finds_editions_in_the_menu(demo_content, redacteur_client):
    body = redacteur_client.get("/admin/").content.decode()

    assert "Publicatie" in body
    assert "Edities" in body
    assert INDEX in body


def test_the_redactie_sees_the_screen_and_the_button(demo_content, redacteur_client):
    response = redacteur_client.get(INDEX)

    assert response.status_code == 200
    body = response.content.decode()
    # Building starts from the preview, which ends with the confirmation form.
    assert "Nieuwe editie voorbereiden" in body
    assert f'href="{PREVIEW}"' in body
    assert "Er is nog geen editie verschenen" in body


def test_the_redactie_can_edit_the_report_chapters(demo_content, redacteur_client):
    assert redacteur_client.get(CHAPTERS).status_code == 200


# Starting ---------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["redacteur_client", "beheerder_client"])
def test_the_redactie_and_beheer_can_build_an_edition(
    demo_content, fake_renderer, persona, request
):
    client = request.getfixturevalue(persona)

    response = client.post(PREVIEW, confirmed(), follow=True)

    assert response.redirect_chain == [(INDEX, 302)]
    edition = Edition.objects.get()
    assert "Editie 1 is klaar." in messages_of(response)
    body = response.content.decode()
    assert reverse("publication:edition_pdf", args=[1]) in body
    assert edition.checksum in body


def test_starting_needs_a_post(demo_content, redacteur_client):
    assert redacteur_client.get(START).status_code == 405
    assert not EditionBuild.objects.exists()


def test_starting_needs_the_csrf_token(demo_content, redacteur):
    client = Client(enforce_csrf_checks=True)
    client.force_login(redacteur)

    assert client.post(START).status_code == 403
    assert client.post(PREVIEW, confirmed()).status_code == 403
    assert not EditionBuild.objects.exists()


def test_a_second_start_is_refused_with_a_message(demo_content, redacteur_client):
    running = builder.start_build(None)

    response = redacteur_client.post(PREVIEW, confirmed(), follow=True)

    assert messages_of(response) == [
        "Er wordt al een editie gebouwd. Wacht tot die klaar is en start daarna eventueel opnieuw."
    ]
    assert list(EditionBuild.objects.all()) == [running]


def test_a_build_that_cannot_be_queued_ends_as_failed(demo_content, redacteur_client, monkeypatch):
    class Unreachable:
        def enqueue(self, build_id):
            raise ConnectionError("database is locked")

    monkeypatch.setattr(admin_views, "build_edition", Unreachable())

    response = redacteur_client.post(PREVIEW, confirmed(), follow=True)

    build = EditionBuild.objects.get()
    assert build.status == BuildStatus.FAILED
    assert build.active is None
    assert messages_of(response) == [build.error]
    assert "ingepland" in build.error


def test_a_failed_build_shows_its_readable_error(
    demo_content, fake_renderer, redacteur_client, monkeypatch
):
    def broken(context, **options):
        raise OSError("Schijf vol")

    monkeypatch.setattr(parts, "edition_pdf", broken)

    response = redacteur_client.post(PREVIEW, confirmed(), follow=True)

    body = response.content.decode()
    assert "mislukt bij de stap ‘PDF maken’: Schijf vol" in body
    assert "Traceback" not in body
    assert 'role="alert"' in body
    assert not Edition.objects.exists()


# Progress ---------------------------------------------------------------------------------


def running_build(steps_done: int = 2) -> EditionBuild:
    build = builder.start_build(None)
    EditionBuild.objects.filter(pk=build.pk).update(
        status=BuildStatus.RUNNING, steps_done=steps_done, step_label=str(builder.STEPS[steps_done])
    )
    return EditionBuild.objects.get(pk=build.pk)


def test_an_active_build_shows_its_progress_and_polls(demo_content, redacteur_client):
    build = running_build()

    body = redacteur_client.get(INDEX).content.decode()

    assert '<progress id="edition-build-progress" max="100" value="50">' in body
    assert "2 van 4 stappen klaar" in body
    assert "PDF maken" in body
    assert f'hx-get="{status_url(build)}"' in body
    assert 'hx-trigger="every 2s"' in body
    # Without JavaScript: a link that reloads the screen.
    assert "Voortgang verversen" in body
    # No second start while one runs.
    assert "Nieuwe editie voorbereiden" not in body


def test_the_pdf_step_shows_which_part_is_being_made(demo_content, redacteur_client):
    build = running_build()
    EditionBuild.objects.filter(pk=build.pk).update(parts_done=2, parts_total=8)

    body = redacteur_client.get(INDEX).content.decode()

    assert "PDF maken (deel 3 van 8)" in body
    # Two of four steps, and a quarter of the third: 56 %.
    assert '<progress id="edition-build-progress" max="100" value="56">' in body


def test_the_progress_partial_answers_htmx(demo_content, redacteur_client):
    build = running_build(steps_done=1)

    response = redacteur_client.get(status_url(build), headers={"HX-Request": "true"})

    assert response.status_code == 200
    body = response.content.decode()
    assert body.lstrip().startswith('<div id="edition-build"')
    assert 'value="25"' in body
    assert "HTML maken" in body
    assert "<html" not in body


def test_the_partial_reloads_the_screen_when_the_build_is_over(
    demo_content, fake_renderer, redacteur_client
):
    build = build_edition_now()

    response = redacteur_client.get(status_url(build), headers={"HX-Request": "true"})

    assert response.headers["HX-Refresh"] == "true"


def test_the_partial_without_htmx_goes_to_the_screen(demo_content, redacteur_client):
    build = running_build()

    response = redacteur_client.get(status_url(build))

    assert response.status_code == 302
    assert response["Location"] == INDEX


def test_the_partial_is_for_the_redactie_only(demo_content, visitor_client):
    build = running_build()

    assert visitor_client.get(status_url(build)).status_code in (302, 403)


def test_unknown_builds_are_not_found(demo_content, redacteur_client):
    assert redacteur_client.get("/admin/edities/bouw/999999/").status_code == 404


def test_the_screen_lists_editions_and_recent_builds(demo_content, fake_renderer, redacteur_client):
    build_edition_now()
    build_edition_now()

    body = redacteur_client.get(INDEX).content.decode()

    assert "Verschenen edities" in body
    assert "Recente bouwpogingen" in body
    assert reverse("publication:edition_pdf", args=[2]) in body
    assert reverse("publication:edition_html", args=[1]) in body
    assert "13 nieuw, 0 gewijzigd, 0 verwijderd" in body
    assert "0 nieuw, 0 gewijzigd, 0 verwijderd" in body


# The preview and the confirmation ---------------------------------------------------------


def test_the_preview_shows_the_next_edition_before_anything_is_built(
    demo_content, fake_renderer, redacteur_client
):
    build_edition_now()
    page = ExamplePage.objects.get(slug="pinkies")
    page.summary = "Een nieuwe korte beschrijving."
    page.save_revision().publish()

    response = redacteur_client.get(PREVIEW)

    assert response.status_code == 200
    body = response.content.decode()
    assert "Voorbeeld van editie 2" in body
    assert "De editie bevat 13 gepubliceerde voorbeelden" in body
    assert f"{page.title} (In een notendop)" in body
    assert "Verdieping)" not in body
    assert 'name="confirm"' in body
    assert 'name="release_note"' in body
    # Looking is not building.
    assert EditionBuild.objects.count() == 1
    assert Edition.objects.count() == 1


def test_without_the_confirmation_nothing_is_built(demo_content, fake_renderer, redacteur_client):
    data = confirmed()
    del data["confirm"]

    response = redacteur_client.post(PREVIEW, data)

    assert response.status_code == 400
    assert "Bevestig dat u de editie wilt publiceren." in response.content.decode()
    assert not EditionBuild.objects.exists()


def test_the_old_start_address_leads_to_the_preview(demo_content, redacteur_client):
    response = redacteur_client.post(START)

    assert response.status_code == 302
    assert response["Location"] == PREVIEW
    assert not EditionBuild.objects.exists()


def test_a_proof_needs_no_confirmation(demo_content, fake_renderer, redacteur_client):
    redacteur_client.post(START, {"dry_run": "1"})

    build = EditionBuild.objects.get()
    assert build.dry_run
    assert build.status == BuildStatus.DONE
    assert not Edition.objects.exists()


def test_a_preview_overtaken_by_another_edition_is_shown_again(
    demo_content, fake_renderer, redacteur_client
):
    build_edition_now()

    response = redacteur_client.post(PREVIEW, confirmed(number=1), follow=True)

    assert response.redirect_chain == [(PREVIEW, 302)]
    assert "Voorbeeld van editie 2" in response.content.decode()
    assert Edition.objects.count() == 1


def test_the_release_note_goes_into_the_edition_and_onto_the_public_list(
    demo_content, fake_renderer, redacteur_client, client
):
    note = "Twee nieuwe voorbeelden uit Friesland.\n\nDe kwadranttabel is bijgewerkt."

    redacteur_client.post(PREVIEW, confirmed(release_note=note))

    edition = Edition.objects.get()
    assert edition.release_note == note
    # The PDF is made from the same context.
    assert fake_renderer["context"]["release_note"] == note
    body = client.get("/edities/").content.decode()
    assert "<p>Twee nieuwe voorbeelden uit Friesland.</p>" in body
    assert "De kwadranttabel is bijgewerkt." in body
