from django.http import Http404, HttpResponseRedirect, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_GET

from .. import basket as compare_basket
from ..basket import MAX_COMPARE, MIN_COMPARE
from ..compare import compare_groups, shown_groups
from ..models import ExampleIndexPage, ExamplePage
from ..prefetch import public_format_parts

__all__ = ["MAX_COMPARE", "MIN_COMPARE", "compare_add_view", "compare_view"]

DIFFERENCES_PARAM = "verschillen"


def compare_view(request):
    basket = compare_basket.from_request(request)
    pages = {
        p.slug: p
        for p in ExamplePage.objects.live()
        .public()
        .filter(slug__in=basket.slugs)
        .prefetch_related(*public_format_parts())
    }
    examples = [pages[s] for s in basket.slugs if s in pages]
    only_differences = request.GET.get(DIFFERENCES_PARAM) == "1"
    groups, same_rows = shown_groups(
        compare_groups(examples) if len(examples) >= MIN_COMPARE else [], only_differences
    )
    catalogue = ExampleIndexPage.objects.live().first()
    context = {
        "examples": examples,
        "groups": groups,
        "basket": basket,
        "only_differences": only_differences,
        "same_rows": same_rows,
        "differences_param": DIFFERENCES_PARAM,
        "catalogue_url": catalogue.get_url(request) if catalogue else "/",
        "min_compare": MIN_COMPARE,
        "max_compare": MAX_COMPARE,
    }
    response = render(request, "examples/compare.html", context)
    return compare_basket.mark_private(response, basket)


@require_GET
def compare_add_view(request, slug: str):
    """The example page's "zet in vergelijking": the example joins the reader's basket.

    The example page links here with a plain address, the same for every reader, so the page
    itself stays in the shared cache; the basket is in the session. With two or more examples
    the reader lands on the comparison, with one on the catalogue to choose the next. A basket
    that was full goes to the comparison with the new one asked for too, which then says that
    at most MAX_COMPARE fit.
    """
    if not ExamplePage.objects.live().public().filter(slug=slug).exists():
        raise Http404
    current = compare_basket.from_request(request)
    requested = [*current.slugs, slug] if slug not in current else current.slugs
    basket = compare_basket.build(requested)
    compare_basket.remember(request, basket)
    query = QueryDict(mutable=True)
    query.setlist(compare_basket.PARAM, requested)
    if len(requested) >= MIN_COMPARE:
        target = reverse("examples:compare")
    else:
        catalogue = ExampleIndexPage.objects.live().first()
        target = catalogue.get_url(request) if catalogue else reverse("examples:compare")
    response = HttpResponseRedirect(f"{target}?{query.urlencode()}")
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
