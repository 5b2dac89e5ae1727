"""Keep the catalogue's search documents in step with the live examples."""

from collections import defaultdict

from django.db import transaction

from voorbeeldenbank.core.text import lemmas

from .format import FORMAT
from .format.reading import texts
from .models import ExamplePage, SearchDocument, SearchTerm

MAX_LEMMA_LENGTH = 64


def facet_keys(page: ExamplePage) -> list[str]:
    keys = [f"kind:{page.kind}", f"formality:{page.formality}", f"scale:{page.scale}"]
    keys += [f"element:{link.element.key}" for link in page.example_elements.all()]
    keys += [f"target:{term.key}" for term in page.target_groups.all()]
    keys += [f"topic:{term.key}" for term in page.topics.all()]
    keys += [f"place:{term.key}" for term in page.places.all()]
    if page.effectiveness_level:
        keys.append(f"effectiveness:{page.effectiveness_level}")
    return keys


def weighted_texts(page: ExamplePage) -> list[tuple[int, str]]:
    """Every searchable text of the example with its weight, as the format declares them."""
    return [
        (field.spec.search_weight, text)
        for field in FORMAT.searched
        for text in texts(field.spec.store, page)
    ]


def term_weights(page: ExamplePage) -> dict[str, int]:
    weights: dict[str, int] = defaultdict(int)
    for weight, text in weighted_texts(page):
        for lemma in lemmas(text or ""):
            if len(lemma) <= MAX_LEMMA_LENGTH:
                weights[lemma] = min(weights[lemma] + weight, 1000)
    return weights


@transaction.atomic
def index_page(page: ExamplePage) -> SearchDocument:
    document, _ = SearchDocument.objects.update_or_create(
        page_id=page.pk,
        defaults={
            "facets": " ".join(facet_keys(page)),
            "sort_title": page.title.casefold()[:255],
            "age_min": page.age_min,
            "age_max": page.age_max,
        },
    )
    SearchTerm.objects.filter(document=document).delete()
    SearchTerm.objects.bulk_create(
        SearchTerm(document=document, lemma=lemma, weight=weight)
        for lemma, weight in term_weights(page).items()
    )
    return document


def is_indexable(page: ExamplePage) -> bool:
    return page.live and not page.get_view_restrictions().exists()


def sync_page(page: ExamplePage) -> None:
    """Index a live, public example; drop the document of anything else."""
    if is_indexable(page):
        index_page(page)
    else:
        SearchDocument.objects.filter(page_id=page.pk).delete()


def reindex_all() -> int:
    SearchDocument.objects.all().delete()
    count = 0
    for page in ExamplePage.objects.live().public().specific():
        index_page(page)
        count += 1
    return count
