"""Keep the catalogue's search documents in step with the live examples."""

from collections import defaultdict

from django.db import transaction

from voorbeeldenbank.core.text import lemmas

from .models import ExamplePage, SearchDocument, SearchTerm

# How much a match in a part of the format counts towards relevance.
WEIGHT_NAME = 8
WEIGHT_SUMMARY = 3
WEIGHT_BODY = 1
MAX_LEMMA_LENGTH = 64


def facet_keys(page: ExamplePage) -> list[str]:
    keys = [f"kind:{page.kind}", f"formality:{page.formality}", f"scale:{page.scale}"]
    keys += [f"element:{link.element.key}" for link in page.example_elements.all()]
    keys += [f"target:{term.key}" for term in page.target_groups.all()]
    keys += [f"topic:{term.key}" for term in page.topics.all()]
    keys += [f"place:{term.key}" for term in page.places.all()]
    return keys


def weighted_texts(page: ExamplePage) -> list[tuple[int, str]]:
    texts = [
        (WEIGHT_NAME, page.title),
        (WEIGHT_NAME, page.short_name),
        (WEIGHT_SUMMARY, page.summary),
        (WEIGHT_SUMMARY, page.target_group),
        (WEIGHT_BODY, page.deepening),
        (WEIGHT_BODY, page.for_whom),
        (WEIGHT_BODY, page.by_whom),
        (WEIGHT_BODY, page.what_is_needed),
    ]
    texts += [(WEIGHT_SUMMARY, org.name) for org in page.organisations.all()]
    texts += [(WEIGHT_SUMMARY, place.title) for place in page.places.all()]
    texts += [(WEIGHT_SUMMARY, topic.title) for topic in page.topics.all()]
    texts += [(WEIGHT_BODY, role.role) for role in page.delivery_roles.all()]
    texts += [(WEIGHT_BODY, link.explanation) for link in page.example_elements.all()]
    texts += [(WEIGHT_BODY, point.text) for point in page.what_works.all()]
    texts += [(WEIGHT_BODY, point.text) for point in page.improvements.all()]
    return texts


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
