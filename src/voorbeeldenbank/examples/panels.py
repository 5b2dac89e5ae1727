"""A read-only panel in the page editor that lists lexicon words in an example's texts."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

# (attribute, label) of the example's plain-text fields, in the editor's order.
TEXT_FIELDS = (
    ("summary", _("Samenvatting")),
    ("deepening", _("Verdieping")),
    ("for_whom", _("Voor wie")),
    ("by_whom", _("Door wie")),
    ("what_is_needed", _("Wat is er nodig")),
)
# (relation, text attribute, label) of the orderables with texts.
ORDERABLE_TEXTS = (
    ("what_works", "text", _("Wat werkt?")),
    ("improvements", "text", _("Wat kan er nog beter?")),
    ("example_elements", "explanation", _("Toelichting bij een element")),
)


def example_findings(page: Any) -> list[dict]:
    """Per text of the example (as last saved): the lexicon words found in it."""
    from .check import check_text

    texts: list[tuple[Any, str]] = [
        (label, getattr(page, name, "") or "") for name, label in TEXT_FIELDS
    ]
    for relation, attribute, label in ORDERABLE_TEXTS:
        manager = getattr(page, relation, None)
        if manager is None:
            continue
        texts += [(label, getattr(item, attribute, "") or "") for item in manager.all()]
    sections = []
    for label, text in texts:
        findings = check_text(text).findings
        if findings:
            sections.append({"label": label, "text": text, "findings": findings})
    return sections


class LexiconFindingsPanel(Panel):
    """Advice only: it never blocks saving or publishing."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("heading", _("Taaladvies"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "lexicon/admin/findings_panel.html"

        def get_context_data(self, parent_context: dict | None = None) -> dict:
            context = super().get_context_data(parent_context)
            context["sections"] = example_findings(self.instance)
            return context
