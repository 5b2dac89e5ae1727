from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import render
from django.utils.cache import patch_vary_headers

from .. import basket as compare_basket
from .. import catalogue
from ..facets import facet_groups
from ..models import ExampleIndexPage, ExamplePage
from ..search import explain
from .advice import advice

# The long texts a card does not show; loading them took half the time of a page of cards.
CARD_DEFERRED = ("deepening", "for_whom", "by_whom", "what_is_needed", "basis", "target_group")


def example_cards(ids: list[int]) -> list[ExamplePage]:
    """Load the examples for one page of results, in the given order, with what a card shows
    (examples/_results.html: the number of elements, the places)."""
    pages = (
        ExamplePage.objects.filter(pk__in=ids)
        .defer(*CARD_DEFERRED)
        .annotate(element_count=Count("example_elements"))
        .prefetch_related("places")
    )
    by_id = {page.pk: page for page in pages}
    return [by_id[pk] for pk in ids if pk in by_id]


def catalogue_view(request, page: ExampleIndexPage):
    vocabularies = catalogue.facet_vocabularies()
    query = catalogue.parse_query(request.GET, vocabularies)
    result = catalogue.run(query)
    paginator = Paginator(result.ids, settings.CATALOGUE_PAGE_SIZE)
    page_obj = paginator.get_page(request.GET.get("page"))
    examples = example_cards(list(page_obj.object_list))
    basket = compare_basket.from_request(request)
    params = request.GET.copy()
    params.pop("page", None)
    snippets = {}
    if result.ranking is not None:
        snippets = explain.snippets(result.snapshot, result.ranking, [e.pk for e in examples])
    # Page links carry the basket, also when it came from the session.
    params.setlist(compare_basket.PARAM, basket.slugs or [""])
    context = {
        "page": page,
        "self": page,
        "query": query,
        "result": result,
        "page_obj": page_obj,
        "examples": examples,
        "snippets": snippets,
        "mode_options": list(catalogue.MODE_LABELS.items()),
        "sort_options": list(catalogue.SORT_LABELS.items()),
        **advice(request, query, result, vocabularies),
        "shown_slugs": [example.slug for example in examples],
        "facet_groups": facet_groups(query, result, vocabularies),
        "querystring": params.urlencode(),
        "element_total": len(vocabularies["element"]),
        "basket": basket,
        "max_compare": compare_basket.MAX_COMPARE,
    }
    # htmx asks for the results region only; when it restores history after a cache miss it
    # needs the whole page.
    partial = request.htmx and not request.htmx.history_restore_request
    template = "examples/_results.html" if partial else "examples/example_index_page.html"
    response = render(request, template, context)
    # The same URL answers with a fragment or a full page: caches must keep them apart.
    patch_vary_headers(response, ("HX-Request",))
    return compare_basket.mark_private(response, basket)
