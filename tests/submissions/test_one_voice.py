"""The site, step 4 and the Word template address the submitter alike ("u") and state the
same rule for how many elements an example shows."""

import re

import pytest
from django.utils.html import strip_tags

from tests.submissions.docx_helpers import load, save, write_under
from voorbeeldenbank.submissions.docx import build_template, parse_docx
from voorbeeldenbank.submissions.docx import labels as L

pytestmark = pytest.mark.django_db

INFORMAL = re.compile(r"\b(je|jij|jou|jouw|jullie)\b", re.IGNORECASE)
RULE_START = "De voorbeelden in de bank laten minstens"


def template_text() -> str:
    document = load(build_template())
    texts = [p.text for p in document.paragraphs]
    texts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(texts)


def page_text(client, url: str) -> str:
    html = client.get(url).content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    return " ".join(strip_tags(main).split())


def rule_in(text: str) -> str:
    start = text.index(RULE_START)
    return text[start : text.index("situatie.", start) + len("situatie.")]


def test_the_word_template_and_step_four_say_u(submitter):
    assert INFORMAL.findall(template_text()) == []
    # An empty draft: what the page itself says, not what a submitter typed.
    submitter.submission.content = {}
    submitter.submission.save()
    step = page_text(submitter.client, submitter.url("step", step="elementen"))
    assert INFORMAL.findall(step) == []
    assert "Hoe ziet u dit terug" in step


def test_the_rule_for_the_number_of_elements_reads_the_same_everywhere(submitter):
    start = rule_in(page_text(submitter.client, "/insturen/"))
    step = rule_in(page_text(submitter.client, submitter.url("step", step="elementen")))
    word = rule_in(" ".join(template_text().split()))
    assert start == step == word
    assert "minstens 5 van de 8 elementen" in start
    assert "kunt u het toch insturen" in start


def test_a_hint_from_the_earlier_template_is_still_skipped_when_left_in():
    document = load(build_template())
    write_under(document, str(L.FURTHER.text), ["Wat wil je verder nog vertellen?"])
    content = parse_docx(save(document)).content
    assert "je verder" not in (content.get("deepening") or "")
