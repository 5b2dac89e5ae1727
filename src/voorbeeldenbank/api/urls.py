from django.http import HttpRequest
from django.urls import URLPattern, URLResolver, re_path

from voorbeeldenbank.core.ratelimit import Limit
from voorbeeldenbank.lexicon.limits import taalcheck_limits

from . import views
from .app import build_api
from .responses import guarded
from .suggest import suggest_limits

app_name = "api"

# Ninja's own page for the API's root is not used: /api/v1/ answers with the JSON 404.
NINJA_ROOT = "api-root"


def _taalcheck_limits(request: HttpRequest) -> list[Limit]:
    return taalcheck_limits(request, page=False)


def _guard(pattern: URLPattern) -> URLPattern:
    if pattern.name == "taalcheck":
        view = guarded(pattern.callback, methods=("POST",), limits=_taalcheck_limits)
    elif pattern.name == "element-suggest":
        view = guarded(pattern.callback, methods=("POST",), limits=suggest_limits)
    else:
        view = guarded(pattern.callback)
    return URLPattern(pattern.pattern, view, pattern.default_args, pattern.name)


urlpatterns: list[URLPattern | URLResolver] = [
    _guard(pattern)
    for pattern in build_api().urls[0]
    if isinstance(pattern, URLPattern) and pattern.name != NINJA_ROOT
]
urlpatterns += [
    # Last: unknown addresses (e.g. a slug with a slash in it) get a JSON 404. Only paths that end
    # in a slash, so that CommonMiddleware can still redirect "/api/v1/examples" to the list.
    re_path(r"^(?P<path>(?:.*/)?)\Z", guarded(views.not_found), name="not-found"),
]
