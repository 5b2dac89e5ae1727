"""Element suggestions for a submission: advice for the submitter and the redactie, computed
from the submission's own description. They never tick or change anything."""

from typing import Any

from voorbeeldenbank.core.models import Element
from voorbeeldenbank.examples.suggestions.suggest import Suggestion, cached_many, cached_suggestion
from voorbeeldenbank.examples.suggestions.tasks import suggest_text_task

from .models import Submission

DESCRIPTION_KEYS = ("summary", "deepening", "for_whom", "by_whom", "what_is_needed")
# The queue asks a worker for at most this many missing suggestions per page view.
QUEUE_BATCH = 20


def description_text(content: dict[str, Any]) -> str:
    parts = [str(content.get(key) or "").strip() for key in DESCRIPTION_KEYS]
    parts += [str(point).strip() for point in content.get("what_works") or []]
    return "\n\n".join(part for part in parts if part)


def submission_suggestion(submission: Submission) -> Suggestion | None:
    text = description_text(submission.content)
    return cached_suggestion(text) if text else None


def suggestion_rows(suggestion: Suggestion | None) -> list[dict[str, Any]]:
    """Per element in the vision's order: its title, and the suggestion for it."""
    if suggestion is None:
        return []
    elements = {e.key: e for e in Element.objects.all()}
    return [
        {"element": elements.get(item.key), "key": item.key, "suggestion": item}
        for item in suggestion.elements
    ]


def queue_suggestions(submissions: list[Submission]) -> dict[int, Suggestion]:
    """The suggestions already computed for these submissions; the missing ones are handed to
    a worker, so the queue shows them on a later visit without waiting now."""
    texts = {s.pk: description_text(s.content) for s in submissions}
    found = cached_many([t for t in texts.values() if t])
    missing = [t for t in dict.fromkeys(texts.values()) if t and t not in found]
    for text in missing[:QUEUE_BATCH]:
        suggest_text_task.enqueue(text)
    return {pk: found[text] for pk, text in texts.items() if text in found}
