"""POST /api/v1/taalcheck/: the language check as JSON. Stateless, so no CSRF token needed."""

import json

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from voorbeeldenbank.api.responses import (
    accepted_language,
    error_response,
    json_response,
    rate_limited_response,
)
from voorbeeldenbank.core.ratelimit import hit

from ..check import CheckResult, check_text
from ..check.readability import Readability
from ..limits import taalcheck_limits


def readability_json(readability: Readability | None) -> dict | None:
    if readability is None:
        return None
    return {
        "score": readability.score,
        "level": readability.level,
        "label": str(readability.label),
        "explanation": str(readability.explanation),
        "meets_b1": readability.meets_b1,
    }


def result_json(result: CheckResult) -> dict:
    return {
        "findings": [finding.as_json() for finding in result.findings],
        "readability": readability_json(result.readability),
        "total_findings": result.total,
        "truncated": result.truncated,
        "message": result.truncated_message or None,
    }


def _too_large() -> HttpResponse:
    return error_response(
        [
            _("De tekst is te groot: de taalcheck leest tot %(size)s bytes per verzoek.")
            % {"size": settings.TAALCHECK_MAX_BYTES}
        ],
        status=413,
    )


def _read_text(request: HttpRequest) -> str | HttpResponse:
    """The text from a JSON body {"text": "..."}, or the error response to send."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > settings.TAALCHECK_MAX_BYTES:
        return _too_large()
    try:
        body = request.body
    except RequestDataTooBig:
        return _too_large()
    if len(body) > settings.TAALCHECK_MAX_BYTES:
        return _too_large()
    try:
        data = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError:
        return error_response([_("De inhoud is geen geldige UTF-8-tekst.")], status=400)
    except ValueError:
        return error_response(
            [_('Stuur JSON in de vorm {"text": "..."}; dit is geen geldige JSON.')], status=400
        )
    if not isinstance(data, dict) or "text" not in data:
        return error_response([_('Het veld "text" ontbreekt.')], status=400)
    if not isinstance(data["text"], str):
        return error_response([_('Het veld "text" moet een tekst (string) zijn.')], status=400)
    return data["text"]


def _answer(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        response = error_response(
            [
                _("De methode %(method)s is niet toegestaan; gebruik POST.")
                % {"method": (request.method or "")[:20]}
            ],
            status=405,
        )
        response["Allow"] = "POST"
        return response
    decision = hit(taalcheck_limits(request, page=False))
    if not decision.allowed:
        return rate_limited_response(decision)
    text = _read_text(request)
    if isinstance(text, HttpResponse):
        return text
    return json_response(result_json(check_text(text, limit=settings.TAALCHECK_MAX_FINDINGS)))


@csrf_exempt
def taalcheck_api(request: HttpRequest) -> HttpResponse:
    language = accepted_language(request)
    with translation.override(language):
        response = _answer(request)
    response["Content-Language"] = language
    return response
