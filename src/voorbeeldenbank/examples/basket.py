"""The compare basket: the examples a reader has put aside to compare, at most MAX_COMPARE.

The basket lives in the address (`v=slug`, repeated), which the filters form and the page links
carry along, so a catalogue or compare address shows the same thing to everyone and may be kept
in the page cache. The session keeps a copy only to restore the basket when the reader comes back
to an address without `v`. An address with `v` (even an empty one: the form always sends it)
says what the basket holds; without it, the session does. A response built from the session must
not be kept in a shared cache: see `mark_private`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils.cache import patch_cache_control, patch_vary_headers

from .models import ExamplePage
from .slugs import is_valid_slug

PARAM = "v"
SESSION_KEY = "compare_basket"
MIN_COMPARE = 2
MAX_COMPARE = 4


@dataclass
class Basket:
    # (slug, title) of the live, public examples in the basket, in the reader's order.
    items: list[tuple[str, str]] = field(default_factory=list)
    from_session: bool = False
    # What was asked for but left out: examples that do not exist (any more), and those past
    # MAX_COMPARE. The templates say so (examples/_basket_errors.html).
    missing: int = 0
    too_many: bool = False

    @property
    def slugs(self) -> list[str]:
        return [slug for slug, _title in self.items]

    @property
    def is_full(self) -> bool:
        return len(self.items) >= MAX_COMPARE

    def __contains__(self, slug: object) -> bool:
        return slug in self.slugs

    def __len__(self) -> int:
        return len(self.items)

    def params(self, without: str = "") -> str:
        """The basket as a query string (`v=a&v=b`), optionally without one example."""
        query = QueryDict(mutable=True)
        query.setlist(PARAM, [slug for slug in self.slugs if slug != without] or [""])
        return query.urlencode()


def build(requested: list[str], from_session: bool = False) -> Basket:
    """The basket from the values asked for: empty and repeated ones dropped, what is not the
    slug of a live, public example left out (counted, for a message), the first MAX_COMPARE."""
    slugs: list[str] = []
    missing = 0
    for value in requested:
        if not value or value in slugs:
            continue
        if is_valid_slug(value):
            slugs.append(value)
        else:
            # Cannot be a slug: it must not reach the database (slugs.py).
            missing += 1
    too_many = len(slugs) > MAX_COMPARE
    slugs = slugs[:MAX_COMPARE]
    titles = dict(
        ExamplePage.objects.live().public().filter(slug__in=slugs).values_list("slug", "title")
    )
    missing += sum(1 for slug in slugs if slug not in titles)
    return Basket(
        items=[(slug, titles[slug]) for slug in slugs if slug in titles],
        from_session=from_session,
        # An example unpublished since the reader put it aside drops out without a word.
        missing=0 if from_session else missing,
        too_many=too_many,
    )


def from_request(request: HttpRequest) -> Basket:
    """The basket the address names, or the one kept in the session; the session follows."""
    if PARAM in request.GET:
        basket = build(request.GET.getlist(PARAM))
        remember(request, basket)
        return basket
    stored = request.session.get(SESSION_KEY, [])
    if not isinstance(stored, list):
        stored = []
    return build([str(slug) for slug in stored], from_session=True)


def remember(request: HttpRequest, basket: Basket) -> None:
    """Keep the basket in the session, writing (and creating a session) only on a change."""
    stored = request.session.get(SESSION_KEY, [])
    if stored == basket.slugs:
        return
    if basket.slugs:
        request.session[SESSION_KEY] = basket.slugs
    elif SESSION_KEY in request.session:
        del request.session[SESSION_KEY]


def add(basket: Basket, slug: str) -> Basket:
    if slug in basket:
        return basket
    return build([*basket.slugs, slug])


def remove(basket: Basket, slug: str) -> Basket:
    return build([s for s in basket.slugs if s != slug])


def mark_private(response: HttpResponse, basket: Basket) -> HttpResponse:
    """A page that shows the session's basket is the reader's own: no shared cache may keep it
    (docs/page-cache.md). One that shows only its address's basket stays cacheable."""
    patch_vary_headers(response, ("Cookie",))
    if basket.from_session and basket.items:
        patch_cache_control(response, private=True)
    return response
