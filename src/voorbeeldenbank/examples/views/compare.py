from django.shortcuts import render

from ..models import ExamplePage

MIN_COMPARE = 2
MAX_COMPARE = 4


def compare_view(request):
    slugs = [s for s in request.GET.getlist("v") if s][:MAX_COMPARE]
    pages = {p.slug: p for p in ExamplePage.objects.live().public().filter(slug__in=slugs)}
    examples = [pages[s] for s in dict.fromkeys(slugs) if s in pages]
    return render(request, "examples/compare.html", {"examples": examples})
