from django.shortcuts import render

from .. import basket as compare_basket
from ..basket import MAX_COMPARE, MIN_COMPARE
from ..compare import compare_groups, shown_groups
from ..models import ExampleIndexPage, ExamplePage
from ..prefetch import public_format_parts

__all__ = ["MAX_COMPARE", "MIN_COMPARE", "compare_view"]

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
