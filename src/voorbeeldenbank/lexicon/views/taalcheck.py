"""The public language check: a form that shows the text with its lexicon words marked.

Without JavaScript the whole page comes back; with htmx only the result region (and the error
summary, out of band). The typed text always stays in the textarea.
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from voorbeeldenbank.core.bodylimit import limit_body
from voorbeeldenbank.core.ratelimit import hit, limited_message, set_retry_after

from ..check import check_text
from ..check.highlight import highlight
from ..constants import categories_explained
from ..forms import TaalcheckForm, too_large_message
from ..limits import taalcheck_limits

TEMPLATE = "lexicon/taalcheck.html"
PARTIAL = "lexicon/_taalcheck_result.html"


def _max_body() -> int:
    # A form body is URL-encoded (up to 9 bytes per character); refuse what cannot fit.
    return settings.TAALCHECK_MAX_BYTES * 9 + 10_000


def _too_large(request: HttpRequest) -> HttpResponse:
    return _render(request, {"form": TaalcheckForm(), "limit_error": too_large_message()}, 413)


def _render(request: HttpRequest, context: dict, status: int = 200) -> HttpResponse:
    template = PARTIAL if getattr(request, "htmx", False) else TEMPLATE
    return render(request, template, {"result": None, "limit_error": "", **context}, status=status)


# Checked by core's BodyLimitMiddleware before CSRF parses the body.
@limit_body(_max_body, _too_large)
def taalcheck(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return _render(request, {"form": TaalcheckForm()})
    try:
        form = TaalcheckForm(request.POST)
    except RequestDataTooBig:
        # DATA_UPLOAD_MAX_MEMORY_SIZE set below what the check itself accepts.
        return _too_large(request)
    decision = hit(taalcheck_limits(request, page=True))
    if not decision.allowed:
        # The text stays in the form; only the check is refused.
        context = {"form": form, "limit_error": limited_message(decision)}
        return set_retry_after(_render(request, context, 429), decision.retry_after)
    if not form.is_valid():
        return _render(request, {"form": form}, 413 if form.too_large else 200)
    text = form.cleaned_data["text"]
    result = check_text(text, limit=settings.TAALCHECK_MAX_FINDINGS)
    context = {
        "form": form,
        "result": result,
        "highlighted": highlight(text, result.findings),
        "legend": categories_explained(),
    }
    return _render(request, context)
