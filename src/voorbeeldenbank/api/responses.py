"""JSON responses, the guard around every route (methods, rate limit, language) and the
language of the API's messages."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation.trans_real import language_code_re, parse_accept_lang_header
from django.views.decorators.csrf import csrf_exempt

from voorbeeldenbank.core.ratelimit import (
    Decision,
    Limit,
    Rate,
    hit,
    limited_message,
    per_ip,
    set_retry_after,
)

from .types import Licence

CONTENT_TYPE = "application/json; charset=utf-8"
READ_METHODS = ("GET", "HEAD")

View = Callable[..., HttpResponse]


def json_response(data: dict[str, Any], status: int = 200) -> JsonResponse:
    return JsonResponse(
        data,
        status=status,
        content_type=CONTENT_TYPE,
        json_dumps_params={"ensure_ascii": False},
    )


def licence() -> Licence:
    """The licence of the content, stated in every data response so reusers know the terms."""
    return Licence(name=settings.CONTENT_LICENCE_NAME, url=settings.CONTENT_LICENCE_URL)


def add_licence_link(response: HttpResponse) -> HttpResponse:
    """The licence as an HTTP header (RFC 8288), for files such as CSV that cannot carry it."""
    response["Link"] = f'<{settings.CONTENT_LICENCE_URL}>; rel="license"'
    return response


def error_response(messages: list[str], status: int) -> JsonResponse:
    return json_response({"errors": [str(message) for message in messages]}, status=status)


def rate_limited_response(decision: Decision) -> JsonResponse:
    """The API's 429: the error body with the wait in words, and Retry-After in seconds."""
    response = error_response([limited_message(decision)], status=429)
    set_retry_after(response, decision.retry_after)
    return response


def accepted_language(request: HttpRequest) -> str:
    """The first supported language of the Accept-Language header, else the site's default.

    LocaleMiddleware cannot do this here: with i18n_patterns(prefix_default_language=False) it
    treats every unprefixed path, /api/ included, as Dutch. The language cookie is ignored on
    purpose, so that the answer depends on one header only (Vary: Accept-Language) and can be
    cached by a reverse proxy.
    """
    header = request.META.get("HTTP_ACCEPT_LANGUAGE", "")
    for code, _quality in parse_accept_lang_header(header):
        if code == "*":
            break
        if not language_code_re.search(code):
            continue
        try:
            return translation.get_supported_language_variant(code)
        except LookupError:
            continue
    return settings.LANGUAGE_CODE


def api_limits(request: HttpRequest) -> list[Limit]:
    return [per_ip("api", request, Rate.setting("API_RATE_LIMIT"))]


def not_allowed(request: HttpRequest, methods: tuple[str, ...]) -> JsonResponse:
    method = (request.method or "")[:20]
    if "GET" in methods:
        message = _("De methode %(method)s is niet toegestaan; gebruik GET.")
    else:
        message = _("De methode %(method)s is niet toegestaan; gebruik POST.")
    response = error_response([message % {"method": method}], status=405)
    response["Allow"] = ", ".join(methods)
    return response


def guarded(
    view: View,
    methods: tuple[str, ...] = READ_METHODS,
    limits: Callable[[HttpRequest], list[Limit]] = api_limits,
) -> View:
    """Allow only `methods` (a JSON 405 otherwise), limit the rate per client IP, and answer
    in the accepted language.

    CSRF-exempt: the API reads no cookies and changes nothing, so there is nothing to forge,
    and a POST must get the documented JSON 405 rather than Django's HTML CSRF page.
    """

    @csrf_exempt
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        language = accepted_language(request)
        response: HttpResponse
        with translation.override(language):
            decision = hit(limits(request))
            if not decision.allowed:
                response = rate_limited_response(decision)
            elif request.method not in methods:
                response = not_allowed(request, methods)
            else:
                response = _answer_as_get(view, request, *args, **kwargs)
        response["Content-Language"] = language
        return response

    return wrapper


def _answer_as_get(view: View, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
    """HEAD is answered like GET, as Django's class-based views do: ninja routes by method, and
    the server leaves the body out."""
    if request.method != "HEAD":
        return view(request, *args, **kwargs)
    request.method = "GET"
    try:
        return view(request, *args, **kwargs)
    finally:
        request.method = "HEAD"
