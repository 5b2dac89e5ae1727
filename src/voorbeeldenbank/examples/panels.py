"""Panels in the example editor: "Taaladvies" (lexicon words in the example's texts) and the
element suggestions for its texts.

It reads the same fields as the submitter's advice: those the format marks `checked`.
Advice only: it never blocks saving or publishing.
"""

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from voorbeeldenbank.core.models import Element
from voorbeeldenbank.lexicon import check

from .format import FORMAT
from .format.reading import texts
from .format.spec import ElementTexts
from .suggestions.suggest import Suggestion, cached_suggestion


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


def example_suggestion(page: Any) -> Suggestion | None:
    """The suggestion for the example's own texts (not its element explanations, which say
    already which element they are about), as last saved."""
    text = "\n\n".join(
        text
        for field in FORMAT.checked
        if not isinstance(field.spec.store, ElementTexts)
        for text in texts(field.spec.store, page)
        if text and text.strip()
    )
    return cached_suggestion(text) if text.strip() else None


class ElementSuggestionPanel(Panel):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("heading", _("Suggestie: elementen"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "examples/admin/suggestion_panel.html"

        def get_context_data(self, parent_context: dict | None = None) -> dict:
            context = super().get_context_data(parent_context)
            suggestion = example_suggestion(self.instance)
            linked = set(
                self.instance.example_elements.values_list("element__key", flat=True)
                if self.instance.pk
                else []
            )
            titles = {e.key: e.display_title for e in Element.objects.all()}
            context["suggestion"] = suggestion
            context["rows"] = [
                {"title": titles.get(e.key, e.key), "item": e, "linked": e.key in linked}
                for e in (suggestion.elements if suggestion else [])
            ]
            return context
