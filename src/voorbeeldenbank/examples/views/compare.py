from django.shortcuts import render

from voorbeeldenbank.core.models import Element

from ..models import ExampleIndexPage, ExamplePage
from ..slugs import is_valid_slug

MIN_COMPARE = 2
MAX_COMPARE = 4


def element_rows(examples: list[ExamplePage]) -> list[dict]:
    """Per element of the vision, for each example: how it is realised, or None when absent."""
    present = [
        {link.element_id: link for link in example.example_elements.all()} for example in examples
    ]
    return [
        {"element": element, "links": [links.get(element.pk) for links in present]}
        for element in Element.objects.all()
    ]


def compare_view(request):
    requested = list(dict.fromkeys(s for s in request.GET.getlist("v") if s))
    valid = [s for s in requested if is_valid_slug(s)]
    slugs = valid[:MAX_COMPARE]
    pages = {
        p.slug: p
        for p in ExamplePage.objects.live()
        .public()
        .filter(slug__in=slugs)
        .prefetch_related("example_elements__element", "places", "organisations")
    }
    examples = [pages[s] for s in slugs if s in pages]
    catalogue = ExampleIndexPage.objects.live().first()
    context = {
        "examples": examples,
        "element_rows": element_rows(examples) if len(examples) >= MIN_COMPARE else [],
        "catalogue_url": catalogue.get_url(request) if catalogue else "/",
        "min_compare": MIN_COMPARE,
        "max_compare": MAX_COMPARE,
        "too_many": len(requested) > MAX_COMPARE,
        "missing": len(slugs) - len(examples),
    }
    return render(request, "examples/compare.html", context)
