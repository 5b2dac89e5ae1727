"""The "Taaladvies" panel in the example editor: lexicon words in the example's texts.

It reads the same fields as the submitter's advice: those the format marks `checked`.
Advice only: it never blocks saving or publishing.
"""

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from voorbeeldenbank.lexicon import check

from .format import FORMAT
from .format.reading import texts


def checked_texts(page: Any) -> list[tuple[str, str]]:
    """(label, text) of every text the language check reads, as last saved."""
    return [
        (field.label, text)
        for field in FORMAT.checked
        for text in texts(field.spec.store, page)
        if text and text.strip()
    ]


def example_findings(page: Any) -> list[dict]:
    sections = []
    for label, text in checked_texts(page):
        findings = check.check_text(text).findings
        if findings:
            sections.append({"label": label, "text": text, "findings": findings})
    return sections


class LanguageAdvicePanel(Panel):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("heading", _("Taaladvies"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "examples/admin/language_panel.html"

        def get_context_data(self, parent_context: dict | None = None) -> dict:
            context = super().get_context_data(parent_context)
            context["sections"] = example_findings(self.instance)
            return context
