"""Element suggestions where submitter and redactie see them: the element step, the review
queue, the submission detail and the example editor. Advice only: nothing is ticked."""

import pytest
from django.urls import reverse

from tests.examples.suggestion_helpers import store_small_model
from voorbeeldenbank.examples.suggestions.tasks import suggest_text_task
from voorbeeldenbank.submissions.suggestions import description_text

from .factories import SubmissionFactory, complete_content

SUMMARY = (
    "Ouders lopen zonder afspraak en gratis binnen in de ouderkamer. Er is geen verwijzing "
    "nodig. De koffie staat altijd klaar."
)


@pytest.fixture
def element_model(demo_content):
    return store_small_model("panel-test-model")


def test_the_element_step_shows_advice_with_the_sentence_and_ticks_nothing(
    element_model, submitter
):
    submission = submitter.submission
    elements = dict(submission.content["elements"])
    elements.pop("toegang_laagdrempelig", None)
    submission.content = {**submission.content, "summary": SUMMARY, "elements": elements}
    submission.save()

    response = submitter.client.get(submitter.url("step", step="elementen"))

    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-testid="element-suggestion-toegang_laagdrempelig"' in html
    assert "omdat:" in html
    assert "zonder afspraak en gratis" in html
    form = response.context["form"]
    assert not form["present_toegang_laagdrempelig"].value()


def test_the_element_step_works_without_a_model(demo_content, submitter):
    response = submitter.client.get(submitter.url("step", step="elementen"))
    assert response.status_code == 200
    assert "omdat:" not in response.content.decode()


def test_the_detail_shows_the_suggestion_with_its_model(element_model, redacteur_client):
    submission = SubmissionFactory(
        submitted=True, content={**complete_content(), "summary": SUMMARY}
    )

    response = redacteur_client.get(reverse("submissions_admin:detail", args=[submission.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-testid="element-suggestions"' in html
    assert "panel-test-model" in html
    assert "lijkt aanwezig" in html


def test_the_queue_shows_what_a_worker_computed(element_model, redacteur_client):
    submission = SubmissionFactory(
        submitted=True, content={**complete_content(), "summary": SUMMARY}
    )
    suggest_text_task.call(description_text(submission.content))

    response = redacteur_client.get(reverse("submissions_admin:index"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "lijkt aanwezig" in html or "lijken aanwezig" in html


def test_the_example_editor_has_a_suggestion_panel(element_model, redacteur_client, demo_content):
    example = demo_content.first().specific
    response = redacteur_client.get(reverse("wagtailadmin_pages:edit", args=[example.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-testid="element-suggestion-panel"' in html
    assert "panel-test-model" in html


def test_visitors_see_the_quality_page_with_the_measured_numbers(demo_content, client):
    response = client.get(reverse("examples:suggestion_quality"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Hoe goed zijn de suggesties?" in html
    assert 'data-testid="quality-heldout"' in html
    assert reverse("examples:suggestion_quality") in client.get("/").content.decode()


def test_the_quality_page_says_per_measurement_whether_the_target_is_met(
    demo_content, client, monkeypatch
):
    from voorbeeldenbank.examples.views import suggestions as view

    def result(f1: float, top: float) -> dict:
        return {"paragraphs": 10, "macro_f1": f1, "top1": top, "elements": {}}

    monkeypatch.setattr(
        view,
        "evaluation",
        lambda: {
            "authors": result(0.75, 0.85),
            "bank": result(0.8, 0.84),
            "heldout": result(0.7, 0.9),
        },
    )
    html = client.get(reverse("examples:suggestion_quality")).content.decode()

    sections = {
        name: html.split(f'data-testid="quality-{name}"')[1].split("</section>")[0]
        for name in ("authors", "bank", "heldout")
    }
    assert "Het doel is gehaald." in sections["authors"]
    assert "Het doel is nog niet gehaald." in sections["bank"]
    assert "Het doel is nog niet gehaald." in sections["heldout"]
