"""The format declared once: its table, the one reader and writer, and the consumers that follow
from it (a field added in a throwaway subclass reaches them without touching their modules)."""

from typing import Annotated

import pytest
from django.http import QueryDict
from pydantic import ValidationError as PydanticError

from voorbeeldenbank.api.app import build_api
from voorbeeldenbank.api.detail import detail_model, detail_values
from voorbeeldenbank.api.serializers import detail_for
from voorbeeldenbank.api.types import Licence
from voorbeeldenbank.examples.compare import compare_groups
from voorbeeldenbank.examples.format import (
    FORMAT,
    SECTION_KEYS,
    ExampleContent,
    Format,
    content_from_page,
)
from voorbeeldenbank.examples.format.content import spec
from voorbeeldenbank.examples.format.spec import Attr
from voorbeeldenbank.examples.format.writing import apply_content
from voorbeeldenbank.examples.indexing import weighted_texts
from voorbeeldenbank.examples.models import ExamplePage
from voorbeeldenbank.examples.panels import checked_texts as editor_texts
from voorbeeldenbank.publication.manifest import diff, live_examples, manifest_for
from voorbeeldenbank.submissions.draft import (
    DRAFT_FIELDS,
    InvalidContent,
    SubmissionContent,
    checked_texts,
    validated,
)

pytestmark = pytest.mark.django_db


class WithSeoTitle(ExampleContent):
    """A throwaway extension: one more field, stored in a column the page already has."""

    seo_title: Annotated[
        str, spec(section="facts", label="Titel voor zoekmachines", store=Attr("seo_title"))
    ] = ""


EXTENDED = Format(WithSeoTitle)


# The table -------------------------------------------------------------------------------


def test_every_field_has_one_spec_in_a_known_section():
    assert [field.name for field in FORMAT][:3] == ["name", "short_name", "organisations"]
    for field in FORMAT:
        assert field.spec.section in (*SECTION_KEYS, ""), field.name
        assert str(field.spec.label)
    assert {field.spec.section for field in FORMAT} - {""} == set(SECTION_KEYS)


def test_quotes_are_filed_under_a_field_of_each_text_section():
    assert FORMAT.quote_sections == {
        "notendop": "notendop",
        "verdieping": "verdieping",
        "voor_wie": "verdieping",
        "door_wie": "verdieping",
        "wat_nodig": "verdieping",
        "elementen": "elementen",
        "wat_werkt": "wat_werkt",
        "wat_beter": "wat_beter",
    }


def test_a_field_without_spec_is_refused():
    class Broken(ExampleContent):
        extra: str = ""

    with pytest.raises(TypeError, match="Spec"):
        _ = Format(Broken).fields


# The one reader and writer ---------------------------------------------------------------


def test_reading_and_writing_a_page_gives_back_the_same_content(demo_content):
    for page in demo_content:
        content = content_from_page(page)
        fresh = ExamplePage(title="x", slug="x")
        apply_content(fresh, content)
        assert content_from_page(fresh) == content, page.slug


def test_public_content_leaves_private_contacts_out(demo_content):
    page = demo_content.get(slug="duo-coaching")
    everything = content_from_page(page)
    public = content_from_page(page, public=True)
    assert any(not contact.is_public for contact in everything.contacts)
    assert public.contacts == [contact for contact in everything.contacts if contact.is_public]
    assert everything.public() == public


def test_writing_unknown_keys_is_refused_with_their_names(demo_content):
    content = content_from_page(demo_content.get(slug="pinkies"))
    broken = content.model_copy(update={"places": ["nergens"], "topics": ["onbekend"]})
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="nergens"):
        apply_content(ExamplePage(title="x", slug="x"), broken)


def test_the_content_refuses_what_the_format_does_not_allow():
    with pytest.raises(PydanticError):
        ExampleContent(name="x", kind="geen-soort", formality="informeel", scale="mix", summary="")
    with pytest.raises(PydanticError):
        ExampleContent.model_validate(
            {"name": "x", "kind": "project", "formality": "mix", "scale": "mix", "summary": "s",
             "elements": [{"key": "bestaat_niet", "explanation": "e"}]}
        )  # fmt: skip


# Consumers read the table ----------------------------------------------------------------


def test_search_reads_the_weights_the_format_declares(demo_content):
    page = demo_content.get(slug="pinkies")
    texts = weighted_texts(page)
    assert (8, page.title) in texts
    assert (3, page.summary) in texts
    assert (3, "Haaglanden") in texts  # a place is searched by its name
    weights = {field.name: field.spec.search_weight for field in FORMAT.searched}
    assert weights["name"] == weights["short_name"] == 8
    assert weights["summary"] == 3
    assert "kind" not in weights


def test_submitter_and_editor_advice_read_the_same_fields(demo_content):
    page = demo_content.get(slug="pinkies")
    draft = SubmissionContent(
        summary="a", for_whom="b", by_whom="c", what_is_needed="d", deepening="e",
        elements={"gelijkwaardigheid": {"present": True, "explanation": "f"}},
        what_works=["g"], improvements=["h"], target_group="niet gelezen",
    )  # fmt: skip
    submitter_labels = [label for label, _text in checked_texts(draft)]
    editor_labels = {label for label, _text in editor_texts(page)}
    assert submitter_labels == [field.label for field in FORMAT.checked]
    assert set(submitter_labels) == editor_labels
    assert "niet gelezen" not in [text for _label, text in checked_texts(draft)]


def test_every_field_of_the_format_is_mapped_or_not_asked_of_submitters():
    assert set(DRAFT_FIELDS) == {field.name for field in FORMAT}
    for part in DRAFT_FIELDS.values():
        assert part is None or part in SubmissionContent.model_fields


def test_submission_content_is_refused_when_written_in_another_shape():
    assert validated({"title": "Koffie", "elements": {"gelijkwaardigheid": {"present": True}}})
    for broken in (
        {"titel": "Koffie"},
        {"kind": "geen-soort"},
        {"elements": {"bestaat_niet": {"present": True}}},
        {"since_year": "vorig jaar"},
        {"links": [{"title": "zonder adres"}]},
    ):
        with pytest.raises(InvalidContent):
            validated(broken)


# A field added to the format reaches the consumers ---------------------------------------


def publish(page: ExamplePage, **fields) -> None:
    page = ExamplePage.objects.get(pk=page.pk)
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()


def test_a_new_field_counts_in_the_manifest_and_the_change_list(demo_content):
    before = manifest_for(live_examples(), EXTENDED)
    base_before = manifest_for(live_examples())
    publish(demo_content.get(slug="pinkies"), seo_title="Pinkies: steun voor jonge ouders")

    changes = diff(before, manifest_for(live_examples(), EXTENDED))
    assert changes["changed"] == [{"slug": "pinkies", "title": "Pinkies", "sections": ["facts"]}]
    # The format without the field does not see the change.
    assert diff(base_before, manifest_for(live_examples()))["changed"] == []


def test_a_new_field_appears_in_the_compare_view(demo_content):
    pages = list(demo_content.filter(slug__in=["pinkies", "ease"]).order_by("slug"))
    ExamplePage.objects.filter(pk=pages[1].pk).update(seo_title="Pinkies: steun")
    pages[1].refresh_from_db()
    facts = compare_groups(pages, EXTENDED)[0]
    row = next(row for row in facts.rows if row.label == "Titel voor zoekmachines")
    assert "Pinkies: steun" in row.cells[1]
    base = compare_groups(pages)[0]
    assert "Titel voor zoekmachines" not in [row.label for row in base.rows]


def test_a_new_field_appears_in_the_api_schema_and_answer(demo_content, rf):
    ExamplePage.objects.filter(slug="pinkies").update(seo_title="Pinkies: steun")
    request = rf.get("/api/v1/schema/")

    extended = build_api(EXTENDED).openapi_document(request)["components"]["schemas"]
    base = build_api().openapi_document(request)["components"]["schemas"]

    assert extended["ExampleDetail"]["properties"]["seo_title"] == {
        "title": "Seo Title",
        "type": "string",
    }
    assert "seo_title" in extended["ExampleDetail"]["required"]
    assert "seo_title" not in base["ExampleDetail"]["properties"]
    answer = detail_values(detail_for("pinkies"), request, EXTENDED, Licence(name="x", url="y"))
    assert detail_model(EXTENDED).model_validate(answer).model_dump()["seo_title"] == (
        "Pinkies: steun"
    )


def test_the_compare_view_shows_the_sections_of_the_format(demo_content, client):
    html = client.get("/vergelijk/", QueryDict("v=ease&v=pinkies")).content.decode()
    for section in FORMAT.sections:
        assert f'colspan="3">{section.label}</th>' in html
    assert "Aantal elementen" in html
    assert "Informeel of formeel" in html
