"""Coding of released, approved verslagen: codebook, segments and their log, agreement between
two coders, quotes on the example page under consent, and the interviews table."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from tests.factories import ExamplePageFactory
from voorbeeldenbank.core.constants import ELEMENT_KEYS
from voorbeeldenbank.examples import tables
from voorbeeldenbank.examples.constants import (
    FormatSection,
    InterviewMode,
    InterviewRole,
    SpeakerRole,
)
from voorbeeldenbank.examples.models import ExamplePage, ImprovementTheme, InterviewRecord, Quote
from voorbeeldenbank.research import agreement, coding, quotes
from voorbeeldenbank.research.constants import ConsentKind, ConsentMethod
from voorbeeldenbank.research.models import (
    AppendOnlyError,
    CodingAction,
    CodingLog,
    Consent,
    ResearchLog,
    Segment,
    Verslag,
)

from .conftest import editor, logged_in
from .factories import CandidateFactory, InterviewFactory, ProjectMemberFactory

pytestmark = pytest.mark.django_db

TEXT = (
    "We begonnen in de buurt met koffie.\n"
    "[PERSOON-1] zei: hier mag je gewoon twijfelen. Dat hielp veel ouders.\n"
    "Soms is het lastig om vrijwilligers te vinden. De gemeente helpt daarbij."
)


def make_version(interview, member, *, approved=True, released=True):
    verslag = Verslag.objects.create(interview=interview)
    version = verslag.add_version("origineel", member)
    version.anonymised_text = TEXT
    version.released_at = timezone.now() if released else None
    version.approved_at = timezone.now() if approved else None
    version.save()
    return version


@pytest.fixture
def example(demo_content):
    return ExamplePageFactory(title="Koffie in de buurt")


@pytest.fixture
def interview(project, example, member):
    candidate = CandidateFactory(project=project, akkoord=True)
    candidate.describe(member, example)
    return InterviewFactory(candidate=candidate, role=InterviewRole.OUDER_JEUGDIGE)


@pytest.fixture
def version(interview, member):
    return make_version(interview, member)


@pytest.fixture
def codes(project, demo_content):
    return {code.key: code for code in coding.ensure_codebook(project)}


@pytest.fixture
def coder(django_user_model, project):
    user = editor(django_user_model, "codeur")
    ProjectMemberFactory(project=project, user=user, role="coder")
    return user


def span(passage):
    start = TEXT.index(passage)
    return start, start + len(passage)


def code_passage(version, user, code, passage, **kwargs):
    start, end = span(passage)
    return coding.add_segment(version, user, code, start, end, passage, **kwargs)


def give_quote_consent(interview, user, given=True):
    return Consent.register(
        interview, user, kind=ConsentKind.QUOTES, given=given, method=ConsentMethod.FORM
    )


# Codebook ------------------------------------------------------------------------------------


def test_the_codebook_holds_the_elements_sections_and_themes_once(project, demo_content):
    first = coding.ensure_codebook(project)
    again = coding.ensure_codebook(project)
    assert len(first) == len(again) == project.codes.count()
    keys = [code.key for code in project.codes.filter(kind="element").order_by("sort_order")]
    assert keys == [f"element:{key}" for key in ELEMENT_KEYS]
    wat_beter = project.codes.get(key="onderdeel:wat_beter")
    assert project.codes.filter(key="onderdeel:wat_werkt").exists()
    themes = ImprovementTheme.objects.all()
    assert set(wat_beter.children.values_list("key", flat=True)) == {
        f"thema:{theme.key}" for theme in themes
    }


def test_a_member_adds_a_free_code_once_on_the_codebook_page(project, member_client, member):
    url = reverse("research_project:codebook", args=[project.pk])
    response = member_client.post(url, {"name": "Vertrouwen", "description": ""})
    assert response.status_code == 302
    assert project.codes.get(key="vrij:vertrouwen").created_by == member
    again = member_client.post(url, {"name": "vertrouwen"})
    assert again.status_code == 400
    assert project.codes.filter(key="vrij:vertrouwen").count() == 1


# Segments ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "snippet"),
    [(-1, 5, "We be"), (5, 5, ""), (0, len(TEXT) + 1, TEXT), (0, 5, "Wij b"), (3, 12, "We begonn")],
)
def test_offsets_outside_the_text_or_off_the_snippet_are_refused(
    version, codes, member, start, end, snippet
):
    with pytest.raises(ValidationError):
        coding.add_segment(version, member, codes["onderdeel:wat_werkt"], start, end, snippet)
    assert not Segment.objects.exists()
    assert not CodingLog.objects.exists()


def test_a_coder_codes_a_selection_with_its_offsets(version, codes, member, member_client):
    passage = "hier mag je gewoon twijfelen"
    start, end = span(passage)
    url = reverse("research_project:code", args=[version.verslag.interview.project_id, version.pk])
    data = {
        "code": codes["element:twijfels_normaal"].pk,
        "snippet": passage,
        "start": start,
        "end": end,
        "is_quote": "on",
    }
    assert member_client.post(url, data).status_code == 302
    segment = Segment.objects.get()
    assert (segment.start, segment.end, segment.snippet, segment.is_quote) == (
        start,
        end,
        passage,
        True,
    )
    bad = member_client.post(url, {**data, "start": start + 1})
    assert bad.status_code == 400
    assert Segment.objects.count() == 1


def test_a_typed_passage_is_found_and_an_absent_one_refused(version, codes, member_client):
    url = reverse("research_project:code", args=[version.verslag.interview.project_id, version.pk])
    code = codes["onderdeel:wat_beter"].pk
    response = member_client.post(url, {"code": code, "snippet": "vrijwilligers te vinden"})
    assert response.status_code == 302
    segment = Segment.objects.get()
    assert TEXT[segment.start : segment.end] == "vrijwilligers te vinden"
    missing = member_client.post(url, {"code": code, "snippet": "niet in de tekst"})
    assert missing.status_code == 400


def test_a_version_that_is_not_codable_is_refused(interview, member, member_client, codes):
    unapproved = make_version(interview, member, approved=False)
    with pytest.raises(ValidationError):
        coding.add_segment(unapproved, member, codes["onderdeel:wat_werkt"], 0, 2, "We")
    url = reverse("research_project:code", args=[interview.project_id, unapproved.pk])
    assert member_client.get(url).status_code == 404
    assert member_client.post(url, {"code": 1, "snippet": "We"}).status_code == 404
    assert not Segment.objects.exists()


def test_someone_outside_the_project_gets_404_on_every_coding_page(
    version, codes, member, outsider_client, anonymous_client
):
    segment = code_passage(version, member, codes["onderdeel:wat_werkt"], "koffie", is_quote=True)
    project_id = version.verslag.interview.project_id
    urls = [
        reverse("research_project:codebook", args=[project_id]),
        reverse("research_project:coding", args=[project_id]),
        reverse("research_project:code", args=[project_id, version.pk]),
        reverse("research_project:agreement", args=[project_id]),
        reverse("research_project:place_quote", args=[project_id, version.pk, segment.pk]),
    ]
    for url in urls:
        assert outsider_client.get(url).status_code == 404, url
        assert anonymous_client.get(url).status_code == 302, url
    segment_url = reverse("research_project:segment", args=[project_id, version.pk, segment.pk])
    assert outsider_client.post(segment_url, {"action": "verwijderen"}).status_code == 404
    segment.refresh_from_db()
    assert segment.removed_at is None


def test_the_coding_screen_shows_the_text_and_everyones_segments_with_a_filter(
    version, codes, member, coder, member_client
):
    code_passage(version, member, codes["onderdeel:wat_werkt"], "met koffie")
    code_passage(version, coder, codes["onderdeel:wat_beter"], "De gemeente helpt daarbij.")
    url = reverse("research_project:code", args=[version.verslag.interview.project_id, version.pk])
    page = member_client.get(url).content.decode()
    assert "Dat hielp veel ouders." in page
    assert page.count("data-segment=") == 2
    mine = member_client.get(url, {"codeur": "ik"}).content.decode()
    assert mine.count("data-segment=") == 1
    others = member_client.get(url, {"codeur": "anderen"}).content.decode()
    assert others.count("data-segment=") == 1
    assert "De gemeente helpt daarbij." in others


def test_every_change_writes_an_append_only_log_row_without_the_text(
    version, codes, member, coder, member_client
):
    segment = code_passage(version, member, codes["onderdeel:wat_werkt"], "met koffie")
    coding.change_segment(segment, member, is_quote=True)
    project_id = version.verslag.interview.project_id
    url = reverse("research_project:segment", args=[project_id, version.pk, segment.pk])
    # Another coder may not remove it (Wagtail answers a refusal with a redirect to the
    # dashboard); its own coder may.
    refused = logged_in(coder).post(url, {"action": "verwijderen"})
    assert refused.status_code == 302
    assert refused.url == reverse("wagtailadmin_home")
    segment.refresh_from_db()
    assert segment.removed_at is None
    assert member_client.post(url, {"action": "verwijderen"}).status_code == 302
    segment.refresh_from_db()
    assert segment.removed_at is not None
    rows = list(CodingLog.objects.order_by("pk"))
    assert [row.action for row in rows] == [
        CodingAction.ADDED,
        CodingAction.CHANGED,
        CodingAction.REMOVED,
    ]
    assert all(row.code_key == "onderdeel:wat_werkt" and row.segment == segment for row in rows)
    assert "koffie" not in str([row.detail for row in rows])
    rows[0].detail = {"changed": True}
    with pytest.raises(AppendOnlyError):
        rows[0].save()
    with pytest.raises(AppendOnlyError):
        rows[0].delete()


# Agreement -----------------------------------------------------------------------------------


def test_kappa_of_a_hand_computed_table():
    # 10 units: both 3, only A 1, only B 2, neither 4.
    # po = 7/10; A yes 4/10, B yes 5/10; pe = .4*.5 + .6*.5 = .5; kappa = (.7-.5)/(1-.5) = .4
    table = agreement.Table(both=3, only_a=1, only_b=2, neither=4)
    assert table.n == 10
    assert table.observed == pytest.approx(0.7)
    assert table.expected == pytest.approx(0.5)
    assert table.kappa == pytest.approx(0.4)
    assert agreement.Table(neither=5).kappa is None


def test_sentences_are_the_units():
    spans = agreement.sentences(TEXT)
    assert [TEXT[start:end] for start, end in spans] == [
        "We begonnen in de buurt met koffie.",
        "[PERSOON-1] zei: hier mag je gewoon twijfelen.",
        "Dat hielp veel ouders.",
        "Soms is het lastig om vrijwilligers te vinden.",
        "De gemeente helpt daarbij.",
    ]


def test_agreement_per_code_over_the_sentences_of_a_doubly_coded_version(
    version, codes, member, coder, member_client
):
    twijfel, beter = codes["element:twijfels_normaal"], codes["onderdeel:wat_beter"]
    # Sentences 2 and 3 by A, sentence 2 only by B: both 1, only A 1, neither 3 of 5.
    code_passage(version, member, twijfel, "gewoon twijfelen. Dat hielp")
    code_passage(version, coder, twijfel, "hier mag je")
    # Both give sentence 4.
    code_passage(version, member, beter, "vrijwilligers te vinden")
    code_passage(version, coder, beter, "Soms is het lastig")
    result = agreement.project_agreement(version.verslag.interview.project, member, coder)
    tables = {code.key: table for code, table in result.per_code}
    twijfel_table = tables[twijfel.key]
    assert (twijfel_table.both, twijfel_table.only_a, twijfel_table.only_b, twijfel_table.n) == (
        1,
        1,
        0,
        5,
    )
    # po = 4/5; A 2/5, B 1/5; pe = .4*.2 + .6*.8 = .56; kappa = (.8-.56)/.44
    assert twijfel_table.kappa == pytest.approx(0.24 / 0.44)
    assert tables[beter.key].kappa == pytest.approx(1.0)
    assert tables["onderdeel:wat_werkt"].kappa is None
    assert result.overall.n == 5 * len(codes)
    page = member_client.get(
        reverse("research_project:agreement", args=[version.verslag.interview.project_id]),
        {"coder_a": member.pk, "coder_b": coder.pk},
    ).content.decode()
    assert "Cohen&#x27;s kappa" in page or "Cohen's kappa" in page
    assert "0,55" in page or "0.55" in page


# Quotes --------------------------------------------------------------------------------------


def test_a_quote_is_refused_without_consent(version, codes, member, member_client, example):
    segment = code_passage(
        version, member, codes["onderdeel:wat_werkt"], "met koffie", is_quote=True
    )
    url = reverse(
        "research_project:place_quote",
        args=[version.verslag.interview.project_id, version.pk, segment.pk],
    )
    response = member_client.post(url, {"section": FormatSection.WAT_WERKT})
    assert response.status_code == 400
    give_quote_consent(version.verslag.interview, member, given=False)
    with pytest.raises(ValidationError):
        quotes.place_quote(segment, member, section=FormatSection.WAT_WERKT)
    assert not Quote.objects.exists()
    assert not example.get_latest_revision_as_object().quotes.exists()


def test_a_consented_quote_goes_on_the_public_page_and_off_again_on_withdrawal(
    version, codes, member, member_client, example, anonymous_client
):
    passage = "hier mag je gewoon twijfelen"
    segment = code_passage(
        version, member, codes["element:twijfels_normaal"], passage, is_quote=True
    )
    interview = version.verslag.interview
    consent = give_quote_consent(interview, member)
    member.groups.add(Group.objects.get(name="Moderators"))  # may publish pages
    url = reverse(
        "research_project:place_quote", args=[interview.project_id, version.pk, segment.pk]
    )
    response = member_client.post(url, {"section": FormatSection.NOTENDOP})
    assert response.status_code == 302
    quote = Quote.objects.get(research_segment_id=segment.pk)
    assert (quote.page_id, quote.speaker_role, quote.text) == (
        example.pk,
        SpeakerRole.OUDER,
        passage,
    )
    assert passage in anonymous_client.get(example.url).content.decode()
    assert ResearchLog.objects.filter(object_type="citaat", object_id=segment.pk).exists()

    consent.withdraw(member)
    assert not Quote.objects.filter(research_segment_id=segment.pk).exists()
    assert passage not in anonymous_client.get(example.url).content.decode()
    page = ExamplePage.objects.get(pk=example.pk)
    assert not page.has_unpublished_changes
    assert not list(page.get_latest_revision_as_object().quotes.all())
    assert ResearchLog.objects.filter(
        object_type="citaat", action="verwijderd", detail__interview=interview.pk
    ).exists()


def test_a_page_with_a_draft_gets_the_quote_in_the_draft_and_loses_it_from_both(
    version, codes, member, example, anonymous_client
):
    example.summary = "Een nieuwe samenvatting die nog niet gepubliceerd is, voor ouders."
    example.save_revision()
    segment = code_passage(
        version, member, codes["onderdeel:wat_beter"], "vrijwilligers te vinden", is_quote=True
    )
    interview = version.verslag.interview
    give_quote_consent(interview, member)
    placement = quotes.place_quote(segment, member, section=FormatSection.WAT_BETER)
    assert placement.published is False
    assert not Quote.objects.exists()
    page = ExamplePage.objects.get(pk=example.pk)
    draft = page.get_latest_revision_as_object()
    assert [q.research_segment_id for q in draft.quotes.all()] == [segment.pk]
    assert draft.summary.startswith("Een nieuwe samenvatting")

    give_quote_consent(interview, member, given=False)
    page = ExamplePage.objects.get(pk=example.pk)
    draft = page.get_latest_revision_as_object()
    assert list(draft.quotes.all()) == []
    assert draft.summary.startswith("Een nieuwe samenvatting")
    assert page.has_unpublished_changes


# Interviews table ----------------------------------------------------------------------------


def test_the_interviews_table_follows_the_research_interviews(interview, example, member):
    def row():
        data = tables.interviews()
        return next(r for r in data["rows"] if r["example"].pk == example.pk)

    roles = list(InterviewRole)
    first = row()
    assert first["marks"] == [role == InterviewRole.OUDER_JEUGDIGE for role in roles]
    assert first["mode"] == InterviewMode.FYSIEK.label
    second = InterviewFactory(
        candidate=interview.candidate, role=InterviewRole.BELEID, mode=InterviewMode.DIGITAAL
    )
    changed = row()
    assert changed["count"] == 2
    assert changed["mode"] == InterviewMode.BEIDE.label
    assert InterviewRecord.objects.get(example=example).from_research
    second.delete()
    interview.delete()
    assert not InterviewRecord.objects.filter(example=example).exists()
    assert all(r["example"].pk != example.pk for r in tables.interviews()["rows"])


def test_describing_a_candidate_with_interviews_fills_the_row(project, member, demo_content):
    candidate = CandidateFactory(project=project, akkoord=True)
    InterviewFactory(candidate=candidate, role=InterviewRole.VRIJWILLIGER)
    page = ExamplePageFactory(title="Later beschreven")
    assert not InterviewRecord.objects.filter(example=page).exists()
    candidate.describe(member, page)
    record = InterviewRecord.objects.get(example=page)
    assert record.roles == [InterviewRole.VRIJWILLIGER]


def test_a_quote_on_an_unpublished_example_leaves_its_draft_on_withdrawal(
    project, member, demo_content
):
    page = ExamplePageFactory(title="Nog niet live", draft=True)
    candidate = CandidateFactory(project=project, akkoord=True)
    candidate.describe(member, page)
    interview = InterviewFactory(candidate=candidate, role=InterviewRole.BELEID)
    version = make_version(interview, member)
    code = coding.ensure_codebook(project)[0]
    segment = code_passage(version, member, code, "De gemeente helpt daarbij.", is_quote=True)
    consent = give_quote_consent(interview, member)
    placement = quotes.place_quote(segment, member, section=FormatSection.NOTENDOP)
    assert placement.published is False
    assert placement.quote.speaker_role == SpeakerRole.BELEIDSADVISEUR
    latest = ExamplePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert [q.research_segment_id for q in latest.quotes.all()] == [segment.pk]
    consent.withdraw(member)
    latest = ExamplePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert list(latest.quotes.all()) == []
