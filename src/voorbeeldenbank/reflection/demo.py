"""The scan's statements and discussion questions (demo_content/statements.json).

Loading again leaves texts the redactie changed alone: a statement is matched by element and
place, and only created when it is missing.
"""

import json
from collections.abc import Callable
from pathlib import Path

from voorbeeldenbank.core.models import Element

from .models import DiscussionQuestion, Statement

STATEMENTS_FILE = Path(__file__).resolve().parent / "demo_content" / "statements.json"


def rows() -> dict[str, dict[str, list[list[str]]]]:
    return json.loads(STATEMENTS_FILE.read_text(encoding="utf-8"))


def load_statements(log: Callable[[str], None] = lambda message: None) -> int:
    created = 0
    elements = {element.key: element for element in Element.objects.all()}
    for key, parts in rows().items():
        element = elements.get(key)
        if element is None:
            continue
        for model, texts in (
            (Statement, parts["statements"]),
            (DiscussionQuestion, parts["questions"]),
        ):
            for order, (dutch, english) in enumerate(texts):
                _, new = model.objects.get_or_create(
                    element=element, order=order, defaults={"text_nl": dutch, "text_en": english}
                )
                created += new
    log(f"Reflectie: {created} stellingen en vragen aangemaakt")
    return created
