"""Keep the catalogue's search documents in step with the live examples."""

from collections import defaultdict

from django.db import transaction
from django.utils import translation

from .constants import Formality, Kind, Scale
from .format import FORMAT
from .format.reading import texts
from .models import ExamplePage, Passage, SearchDocument, SearchTerm
from .passages import drop_passages, sync_passages
from .search.analysis import document_lemmas

MAX_LEMMA_LENGTH = 64
# Words that describe the example rather than come from its text: the vision's elements it
# shows (titles and explanations), its kind, its place in the quadrant, English term names.
ELEMENT_TITLE_WEIGHT = 3
DESCRIBING_WEIGHT = 1


def facet_keys(page: ExamplePage) -> list[str]:
    keys = [f"kind:{page.kind}", f"formality:{page.formality}", f"scale:{page.scale}"]
    keys += [f"element:{link.element.key}" for link in page.example_elements.all()]
    keys += [f"target:{term.key}" for term in page.target_groups.all()]
    keys += [f"topic:{term.key}" for term in page.topics.all()]
    keys += [f"place:{term.key}" for term in page.places.all()]
    if page.effectiveness_level:
        keys.append(f"effectiveness:{page.effectiveness_level}")
    return keys


def describing_texts(page: ExamplePage) -> list[tuple[int, str]]:
    """So that "laagdrempelig" finds every example the facet "Laagdrempelig" counts, and
    "collectief" the collective ones."""
    found: list[tuple[int, str]] = []
    for link in page.example_elements.all():
        element = link.element
        found.append((ELEMENT_TITLE_WEIGHT, f"{element.title} {element.short_title}"))
        found.append((DESCRIBING_WEIGHT, element.summary))
        found.append((DESCRIBING_WEIGHT, f"{element.title_en} {element.short_title_en}"))
    # The labels in Dutch, whatever language the publishing editor uses.
    with translation.override("nl"):
        labels = [
            str(Kind(page.kind).label) if page.kind in Kind.values else "",
            str(Formality(page.formality).label) if page.formality in Formality.values else "",
            str(Scale(page.scale).label) if page.scale in Scale.values else "",
        ]
    found += [(DESCRIBING_WEIGHT, label) for label in labels if label]
    for relation in ("target_groups", "topics", "places"):
        found += [(DESCRIBING_WEIGHT, term.title_en) for term in getattr(page, relation).all()]
    return found


def weighted_texts(page: ExamplePage) -> list[tuple[int, str]]:
    """Every searchable text of the example with its weight, as the format declares them, and
    the words that describe it."""
    return [
        (field.spec.search_weight, text)
        for field in FORMAT.searched
        for text in texts(field.spec.store, page)
    ] + describing_texts(page)


def term_weights(page: ExamplePage) -> dict[str, int]:
    weights: dict[str, int] = defaultdict(int)
    for weight, text in weighted_texts(page):
        for lemma in document_lemmas(text or ""):
            if len(lemma) <= MAX_LEMMA_LENGTH:
                weights[lemma] = min(weights[lemma] + weight, 1000)
    return weights


@transaction.atomic
def index_page(page: ExamplePage) -> SearchDocument:
    weights = term_weights(page)
    document, _ = SearchDocument.objects.update_or_create(
        page_id=page.pk,
        defaults={
            "facets": " ".join(facet_keys(page)),
            "sort_title": page.title.casefold()[:255],
            "short_name": (page.short_name or "").casefold()[:255],
            "age_min": page.age_min,
            "age_max": page.age_max,
            "length": sum(weights.values()),
            "published_at": page.first_published_at,
        },
    )
    SearchTerm.objects.filter(document=document).delete()
    SearchTerm.objects.bulk_create(
        SearchTerm(document=document, lemma=lemma, weight=weight)
        for lemma, weight in weights.items()
    )
    return document


def is_indexable(page: ExamplePage) -> bool:
    return page.live and not page.get_view_restrictions().exists()


def sync_page(page: ExamplePage) -> None:
    """Index a live, public example (its search document and its passages); drop both for
    anything else."""
    if is_indexable(page):
        index_page(page)
        sync_passages(page)
    else:
        SearchDocument.objects.filter(page_id=page.pk).delete()
        drop_passages(page.pk)


def reindex_all() -> int:
    SearchDocument.objects.all().delete()
    count = 0
    live = ExamplePage.objects.live().public().specific()
    Passage.objects.exclude(page__in=live).delete()
    for page in live:
        index_page(page)
        sync_passages(page)
        count += 1
    return count
