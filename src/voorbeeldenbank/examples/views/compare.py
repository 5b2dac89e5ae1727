from django.shortcuts import render

from ..compare import compare_groups
from ..models import ExampleIndexPage, ExamplePage
from ..prefetch import public_format_parts
from ..slugs import is_valid_slug

MIN_COMPARE = 2
MAX_COMPARE = 4


def compare_view(request):
    requested = list(dict.fromkeys(s for s in request.GET.getlist("v") if s))
    valid = [s for s in requested if is_valid_slug(s)]
    slugs = valid[:MAX_COMPARE]
    pages = {
        p.slug: p
        for p in ExamplePage.objects.live()
        .public()
        .filter(slug__in=slugs)
        .prefetch_related(*public_format_parts())
    }
    examples = [pages[s] for s in slugs if s in pages]
    catalogue = ExampleIndexPage.objects.live().first()
    context = {
        "examples": examples,
        "groups": compare_groups(examples) if len(examples) >= MIN_COMPARE else [],
        "catalogue_url": catalogue.get_url(request) if catalogue else "/",
        "min_compare": MIN_COMPARE,
        "max_compare": MAX_COMPARE,
        "too_many": len(requested) > MAX_COMPARE,
        "missing": len(slugs) - len(examples),
    }
    return render(request, "examples/compare.html", context)
