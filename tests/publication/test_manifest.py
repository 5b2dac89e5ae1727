"""The manifest (a fingerprint per example and section) and the change list between editions."""

import pytest
from django.utils import translation

from tests.factories import ExamplePageFactory
from tests.submissions.pages import editor_post_data
from voorbeeldenbank.examples.constants import SpeakerRole
from voorbeeldenbank.examples.models import ExampleContact, ExamplePage, Quote
from voorbeeldenbank.publication.manifest import (
    SECTION_LABELS,
    SECTIONS,
    diff,
    live_examples,
    manifest_for,
    with_labels,
)

pytestmark = pytest.mark.django_db


def publish(page: ExamplePage, **fields) -> None:
    page = ExamplePage.objects.get(pk=page.pk)
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()


def test_it_lists_every_published_example_once_and_no_drafts(demo_content):
    draft = ExamplePageFactory(title="Nog in bewerking", draft=True)

    manifest = manifest_for(live_examples())

    assert sorted(manifest) == sorted(demo_content.values_list("slug", flat=True))
    assert len(manifest) == 13
    assert draft.slug not in manifest
    for entry in manifest.values():
        assert list(entry["sections"]) == list(SECTIONS)
        assert all(len(value) == 64 for value in entry["sections"].values())


def test_it_leaves_out_unpublished_examples(demo_content):
    page = demo_content.get(slug="pinkies")
    page.unpublish()

    assert "pinkies" not in manifest_for(live_examples())


def test_fingerprints_do_not_depend_on_the_language_or_the_query(demo_content):
    dutch = manifest_for(live_examples())
    with translation.override("en"):
        english = manifest_for(live_examples())
    # A plain list (no prefetching) gives the same result as the prefetched queryset.
    assert manifest_for(list(live_examples())) == dutch == english


def test_a_published_change_to_the_notendop_changes_only_that_section(demo_content):
    before = manifest_for(live_examples())
    publish(demo_content.get(slug="pinkies"), summary="Een nieuwe korte beschrijving.")

    after = manifest_for(live_examples())

    assert diff(before, after)["changed"] == [
        {"slug": "pinkies", "title": after["pinkies"]["title"], "sections": ["notendop"]}
    ]


def test_an_unpublished_draft_of_a_live_example_does_not_count(demo_content):
    before = manifest_for(live_examples())
    page = ExamplePage.objects.get(slug="pinkies")
    page.summary = "Alleen een concept."
    page.save_revision()

    assert manifest_for(live_examples()) == before


@pytest.mark.parametrize(
    ("field", "section"),
    [
        ("title", "facts"),
        ("age_max", "facts"),
        ("deepening", "verdieping"),
        ("for_whom", "verdieping"),
        ("what_is_needed", "verdieping"),
        ("basis", "links_contact"),
    ],
)
def test_each_field_counts_for_its_own_section(demo_content, field, section):
    page = demo_content.get(slug="pinkies")
    before = manifest_for(live_examples())
    publish(page, **{field: 17 if field == "age_max" else f"Nieuwe tekst voor {field}"})

    changed = diff(before, manifest_for(live_examples()))["changed"]

    assert [item["sections"] for item in changed] == [[section]]


def test_parts_of_the_format_count_for_their_sections(demo_content):
    page = ExamplePage.objects.get(slug="pinkies")
    before = manifest_for(live_examples())

    first = page.what_works.first()
    first.text = "Iets anders werkt."
    first.save()
    link = page.example_elements.first()
    link.explanation = "Een andere uitleg."
    link.save()

    changed = diff(before, manifest_for(live_examples()))["changed"]
    assert changed[0]["sections"] == ["elementen", "wat_werkt"]


def test_private_contacts_leave_no_trace_public_ones_do(demo_content):
    page = ExamplePage.objects.get(slug="pinkies")
    before = manifest_for(live_examples())

    ExampleContact.objects.create(page=page, name="Privé", email="prive@example.org")
    assert manifest_for(live_examples()) == before

    ExampleContact.objects.create(page=page, name="Balie", email="info@example.org", is_public=True)
    changed = diff(before, manifest_for(live_examples()))["changed"]
    assert changed[0]["sections"] == ["links_contact"]


def test_the_first_edition_lists_everything_as_added(demo_content):
    manifest = manifest_for(live_examples())

    changes = diff(None, manifest)

    assert changes["changed"] == changes["removed"] == []
    assert {item["slug"] for item in changes["added"]} == set(manifest)
    titles = [item["title"] for item in changes["added"]]
    assert titles == sorted(titles, key=str.casefold)


def test_added_changed_and_removed_between_two_states(demo_content):
    before = manifest_for(live_examples())
    publish(demo_content.get(slug="pinkies"), summary="Anders verteld.")
    new = ExamplePageFactory(title="Een nieuw voorbeeld")
    demo_content.get(slug="ease").unpublish()

    changes = diff(before, manifest_for(live_examples()))

    assert changes["added"] == [{"slug": new.slug, "title": "Een nieuw voorbeeld"}]
    assert [(c["slug"], c["sections"]) for c in changes["changed"]] == [("pinkies", ["notendop"])]
    assert [item["slug"] for item in changes["removed"]] == ["ease"]


def test_no_changes_between_identical_states(demo_content):
    manifest = manifest_for(live_examples())

    assert diff(manifest, manifest) == {"added": [], "changed": [], "removed": []}


def test_changed_sections_get_readable_names():
    changes = {
        "added": [],
        "changed": [{"slug": "x", "title": "X", "sections": ["notendop", "links_contact"]}],
        "removed": [],
    }

    labelled = with_labels(changes)

    assert labelled["changed"][0]["section_labels"] == ["In een notendop", "Links en contact"]


# Section by section, as the redactie edits: through the page editor's form ---------------


# One field per section of the format, with the form key the editor sends for it. The quotes
# (quotes-0 under "In een notendop", quotes-1 under "Voor wie?") count for their sections too.
EDITOR_CHANGES = [
    ("facts", "target_group", "Alle ouders in de wijk"),
    ("notendop", "summary", "Een nieuwe korte beschrijving, regel een.\nEn regel twee."),
    ("notendop", "quotes-0-text", "Een ander citaat bij de notendop."),
    ("verdieping", "deepening", "Een nieuwe verdieping.\nMet een tweede regel."),
    ("verdieping", "quotes-1-text", "Een ander citaat bij voor wie."),
    ("elementen", "example_elements-0-explanation", "Een andere uitleg bij dit element."),
    ("wat_werkt", "what_works-0-text", "Iets anders werkt."),
    ("wat_beter", "improvements-0-text", "Iets anders kan beter."),
    ("links_contact", "basis", "Een andere basis voor de beschrijving."),
]


@pytest.fixture
def quoted_page(demo_content) -> ExamplePage:
    """A live demo example with a quote in the notendop and one in the verdieping."""
    page = ExamplePage.objects.get(slug="pinkies")
    page.quotes.add(
        Quote(text="Het gaf ons rust.", speaker_role=SpeakerRole.OUDER, section="notendop"),
        Quote(text="Het is er voor ons.", speaker_role=SpeakerRole.OUDER, section="voor_wie"),
    )
    page.save_revision().publish()
    return ExamplePage.objects.get(pk=page.pk)


def publish_in_editor(client, page: ExamplePage, user, **changes) -> None:
    """Publish through the edit form with every text as a browser sends it (CRLF line ends)."""
    data = editor_post_data(page, user, **changes, **{"action-publish": "action-publish"})
    data = {
        key: value.replace("\n", "\r\n") if isinstance(value, str) else value
        for key, value in data.items()
    }
    response = client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:2000]


def test_saving_unchanged_in_the_editor_changes_no_section(
    quoted_page, beheerder, beheerder_client
):
    before = manifest_for(live_examples())

    publish_in_editor(beheerder_client, quoted_page, beheerder)

    assert ExamplePage.objects.get(pk=quoted_page.pk).live_revision_id != (
        quoted_page.live_revision_id
    )
    assert diff(before, manifest_for(live_examples()))["changed"] == []


def test_every_section_has_a_case():
    assert {section for section, _field, _value in EDITOR_CHANGES} == set(SECTIONS)


@pytest.mark.parametrize(("section", "field", "value"), EDITOR_CHANGES)
def test_a_change_in_the_editor_names_exactly_its_section(
    quoted_page, beheerder, beheerder_client, section, field, value
):
    before = manifest_for(live_examples())

    publish_in_editor(beheerder_client, quoted_page, beheerder, **{field: value})

    changes = diff(before, manifest_for(live_examples()))
    assert changes["changed"] == [
        {"slug": quoted_page.slug, "title": quoted_page.title, "sections": [section]}
    ]
    assert changes["added"] == changes["removed"] == []
    assert with_labels(changes)["changed"][0]["section_labels"] == [str(SECTION_LABELS[section])]
