"""The public language check: a form that shows the text with its lexicon words marked.

Without JavaScript the whole page comes back; with htmx only the result region (and the error
summary, out of band). The typed text always stays in the textarea.
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ..check import check_text
from ..check.highlight import highlight
from ..forms import TaalcheckForm, too_large_message

TEMPLATE = "lexicon/taalcheck.html"
PARTIAL = "lexicon/_taalcheck_result.html"


def _content_length(request: HttpRequest) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def taalcheck(request: HttpRequest) -> HttpResponse:
    context: dict = {"form": TaalcheckForm(), "result": None, "limit_error": ""}
    status = 200
    if request.method == "POST":
        # A form body is URL-encoded (up to 9 bytes per character); refuse what cannot fit.
        too_big = _content_length(request) > settings.TAALCHECK_MAX_BYTES * 9 + 10_000
        if not too_big:
            try:
                form = TaalcheckForm(request.POST)
            except RequestDataTooBig:
                too_big = True
        if too_big:
            context["limit_error"] = too_large_message()
            status = 413
        else:
            context["form"] = form
            if form.is_valid():
                result = check_text(form.cleaned_data["text"])
                context["result"] = result
                context["highlighted"] = highlight(form.cleaned_data["text"], result.findings)
            elif form.too_large:
                status = 413
    template = PARTIAL if getattr(request, "htmx", False) else TEMPLATE
    return render(request, template, context, status=status)
