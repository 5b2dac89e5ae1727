"""The action step: published examples strong on exactly the elements a team wants to grow in.

"Strong on an element" is read from the example's own explanation of that element: how close
its meaning is to the vision's description of the element (the stored E5 vectors of the
example's element passages). An example that lacks one of the chosen elements ranks below every
example that has them all; how many other elements it has plays no part.
"""

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from voorbeeldenbank.core import embeddings
from voorbeeldenbank.core.models import Element
from voorbeeldenbank.examples.models import ExampleElement, ExamplePage, Passage
from voorbeeldenbank.examples.passages import from_bytes

LIMIT = 3
QUOTE_WORDS = 60


@dataclass
class Reason:
    element: Element
    quote: str


@dataclass
class Suggestion:
    page: ExamplePage
    covered: int
    similarity: float
    reasons: list[Reason]


def quote(text: str, words: int = QUOTE_WORDS) -> str:
    parts = text.split()
    return " ".join(parts) if len(parts) <= words else " ".join(parts[:words]) + " …"


@lru_cache(maxsize=64)
def _description_vector(text: str) -> np.ndarray:
    # Eight descriptions, which change rarely: embedded once per process and text.
    return embeddings.embed_passages([text])[0]


def _similarities(elements: list[Element], page_ids: list[int]) -> dict[tuple[int, str], float]:
    """Cosine of (page, element key) passage to the element's description."""
    wanted = {f"element:{element.key}": element for element in elements}
    rows = list(
        Passage.objects.filter(
            page_id__in=page_ids, section__in=wanted, vector__isnull=False
        ).values_list("page_id", "section", "vector")
    )
    if not rows:
        return {}
    by_section = {
        section: _description_vector(f"{element.title}. {element.summary}")
        for section, element in wanted.items()
    }
    return {
        (page_id, section.split(":", 1)[1]): float(
            np.dot(from_bytes(bytes(vector or b"")), by_section[section])
        )
        for page_id, section, vector in rows
    }


def suggest(elements: list[Element], limit: int = LIMIT) -> list[Suggestion]:
    if not elements:
        return []
    links = (
        ExampleElement.objects.filter(
            element__in=elements, page__in=ExamplePage.objects.live().public()
        )
        .exclude(explanation="")
        .select_related("page", "element")
        .order_by("page_id", "element__sort_order")
    )
    by_page: dict[int, list[ExampleElement]] = {}
    for link in links:
        by_page.setdefault(link.page_id, []).append(link)
    similarity = _similarities(elements, list(by_page))
    found = []
    for page_links in by_page.values():
        scores = [similarity.get((link.page_id, link.element.key), 0.0) for link in page_links]
        found.append(
            Suggestion(
                page=page_links[0].page,
                covered=len(page_links),
                # Over all chosen elements: a missing one counts as 0.
                similarity=sum(scores) / len(elements),
                reasons=[Reason(link.element, quote(link.explanation)) for link in page_links],
            )
        )
    found.sort(key=lambda s: (-s.covered, -s.similarity, s.page.title))
    return found[:limit]
