"""Strict paging for the API: a client that asks for a page that does not exist gets a 400."""

import math
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest, QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

DEFAULT_PAGE_SIZE = 20
# Enough digits for any real page number; longer input would only make int() slow or fail.
MAX_DIGITS = 9


@dataclass
class PageRequest:
    number: int = 1
    size: int = DEFAULT_PAGE_SIZE


def _positive_int(params: QueryDict, name: str, default: int, errors: list[str]) -> int:
    raw = params.get(name)
    if raw is None:
        return default
    raw = raw.strip()
    # isascii: int() accepts other scripts' digits, and isdigit() accepts '²', which int() refuses.
    if raw.isascii() and raw.isdigit() and len(raw) <= MAX_DIGITS and int(raw) > 0:
        return int(raw)
    errors.append(
        _("De parameter '%(name)s' moet een geheel getal groter dan nul zijn.") % {"name": name}
    )
    return default


def parse_paging(params: QueryDict, errors: list[str]) -> PageRequest:
    """Read page and page_size; problems are added to errors."""
    number = _positive_int(params, "page", 1, errors)
    size = _positive_int(params, "page_size", DEFAULT_PAGE_SIZE, errors)
    limit = settings.API_MAX_PAGE_SIZE
    if size > limit:
        errors.append(_("De parameter 'page_size' mag hoogstens %(max)s zijn.") % {"max": limit})
        size = limit
    return PageRequest(number=number, size=size)


def page_count(total: int, size: int) -> int:
    # An empty result still has one (empty) page, so page=1 is always valid.
    return max(1, math.ceil(total / size))


def check_page_exists(paging: PageRequest, total: int, errors: list[str]) -> None:
    pages = page_count(total, paging.size)
    if paging.number > pages:
        errors.append(
            ngettext(
                "Pagina %(page)s bestaat niet; er is %(pages)s pagina.",
                "Pagina %(page)s bestaat niet; er zijn %(pages)s pagina's.",
                pages,
            )
            % {"page": paging.number, "pages": pages}
        )


def page_link(request: HttpRequest, number: int) -> str:
    params = request.GET.copy()
    params["page"] = str(number)
    return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")


def neighbour_links(
    request: HttpRequest, paging: PageRequest, total: int
) -> tuple[str | None, str | None]:
    """Absolute links to the next and previous page, keeping every other parameter."""
    pages = page_count(total, paging.size)
    following = page_link(request, paging.number + 1) if paging.number < pages else None
    previous = page_link(request, paging.number - 1) if paging.number > 1 else None
    return following, previous
