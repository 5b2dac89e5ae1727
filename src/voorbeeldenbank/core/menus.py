"""The links that every public page shows (menu and footer), kept in the cache between changes.

Each page of the site names the home page, the catalogue, the table pages and the redactie's
service pages, with their addresses. Looking them up costs a handful of queries and a few
milliseconds on every uncached page, while they change only when a page is published,
unpublished, moved or deleted. So they are kept in the default cache (Redis in production,
shared by every app server) under a version that those changes replace, at once and again after the
change commits: a reader can never bring the old links back between the change and its commit.

What is kept is plain data (addresses and labels), per site and language. When the cache is
unreachable every lookup builds the links afresh (core/cache.py).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.http import HttpRequest
from django.utils.translation import get_language
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

T = TypeVar("T")

VERSION_KEY = "menus:version"
# Kept at most this long even without a change, so a change made outside Wagtail's signals
# (a raw database edit) shows within the hour.
TIMEOUT = 60 * 60


def version() -> int:
    return cache.get(VERSION_KEY) or 0


def bump() -> None:
    """Every kept menu is out of date from now on."""
    cache.set(VERSION_KEY, time.time_ns(), None)


def bump_now_and_after_commit() -> None:
    """At once, so this transaction's own requests see the change, and after the commit, so
    that links another request rebuilt from the old data in between are dropped too."""
    bump()
    transaction.on_commit(bump)


def cached(request: HttpRequest | None, name: str, build: Callable[[], T]) -> T:
    """What `build` returns for this request's site and language, from the cache when it can."""
    site = Site.find_for_request(request) if request is not None else None
    language = get_language() or settings.LANGUAGE_CODE
    key = f"menus:{name}:{version()}:{site.pk if site else 0}:{language}"
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, TIMEOUT)
    return value


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def _page_changed(sender: type[Page], instance: Page, **kwargs: object) -> None:
    bump_now_and_after_commit()


@receiver(post_delete)
def _page_deleted(sender: type, instance: object, **kwargs: object) -> None:
    if isinstance(instance, Page):
        bump_now_and_after_commit()
