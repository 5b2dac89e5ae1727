"""The public page "Hoe goed zijn de suggesties?": the measured quality of the element
suggestions, from the results benchmarks/element_eval.py wrote."""

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from voorbeeldenbank.core.constants import ELEMENT_KEYS
from voorbeeldenbank.core.models import Element

from ..suggestions.results import evaluation

MEASUREMENTS = ("authors", "bank", "heldout")
# The targets the suggestions are held to, per measurement.
TARGET_MACRO_F1 = 0.75
TARGET_TOP1 = 0.85


def meets_target(result: dict) -> bool:
    return result["macro_f1"] >= TARGET_MACRO_F1 and result["top1"] >= TARGET_TOP1


def quality_view(request: HttpRequest) -> HttpResponse:
    results = evaluation() or {}
    titles = {e.key: e.display_title for e in Element.objects.all()}
    measurements = []
    for name in MEASUREMENTS:
        result = results.get(name)
        if not result:
            continue
        rows = [
            {"title": titles.get(key, key), **result["elements"][key]}
            for key in ELEMENT_KEYS
            if key in result["elements"]
        ]
        measurements.append(
            {"name": name, "result": result, "rows": rows, "met": meets_target(result)}
        )
    context = {
        "measurements": measurements,
        "training_paragraphs": results.get("training_paragraphs"),
    }
    return TemplateResponse(request, "examples/suggestion_quality.html", context)
