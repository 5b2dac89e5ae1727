"""Purging the page cache in front of the site (nginx) when what a page shows has changed.

A published, unpublished, deleted or moved page is purged together with every address that shows
it: apps register a function that names those addresses (`register`), so this module knows none
of them. Purges are background tasks queued after the change commits, so the cache never fetches
the old text again between the purge and the commit; a purge that fails is tried again later.

Wagtail's backends and the `WAGTAILFRONTENDCACHE` setting are used as they are; the app
`wagtail.contrib.frontend_cache` is not installed, because its handlers purge only the page
itself and give up on the first error.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from datetime import timedelta
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from django.conf import settings
from django.dispatch import receiver
from django.urls import translate_url
from django.utils import timezone
from django_tasks import task
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.backends.http import PurgeRequest
from wagtail.contrib.frontend_cache.utils import get_backends
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from .sites import default_root_url
from .tasks import enqueue_later, enqueue_on_commit

logger = logging.getLogger(__name__)

# A failed purge is tried again after each of these waits, then given up (and logged): by then
# the page's own expiry in the cache has passed anyway.
RETRY_DELAYS = (timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=20))

Dependents = Callable[[Page], Iterable[str]]
_dependents: list[Dependents] = []


def register(dependents: Dependents) -> None:
    """Add a function that, for a changed page, names the paths of other pages that show it."""
    if dependents not in _dependents:
        _dependents.append(dependents)


class PurgeFailed(Exception):
    pass


class HTTPPurgeBackend(HTTPBackend):
    """Wagtail's HTTP backend (a PURGE request sent to the cache with the page's own Host), but a
    failure is raised, not only logged, so that the task can try again. "Not found" means the
    address was not in the cache: nothing to do."""

    def purge(self, url: str) -> None:
        parts = urlsplit(url)
        host = parts.netloc
        request = PurgeRequest(
            url=urlunsplit((self.cache_scheme, self.cache_netloc, parts.path, parts.query, "")),
            headers={"Host": host, "User-Agent": "voorbeeldenbank-purge"},
        )
        try:
            urlopen(request, timeout=settings.FRONTEND_CACHE_TIMEOUT)
        except HTTPError as error:
            if error.code != 404:
                raise PurgeFailed(f"{url}: HTTP {error.code} {error.reason}") from error
        except (URLError, OSError) as error:
            raise PurgeFailed(f"{url}: {error}") from error


def _in_every_language(url: str) -> list[str]:
    return list(dict.fromkeys(translate_url(url, code) for code, _name in settings.LANGUAGES))


def urls_for_page(page: Page) -> list[str]:
    """Every address to purge when `page` changed: its own (with the extra paths it declares
    through Wagtail's `get_cached_paths`) and those of the pages that show it, each in every
    language of the site."""
    urls: list[str] = []
    parts = page.specific_deferred.get_url_parts()
    if parts is not None:
        _site_id, root, path = parts
        for extra in page.specific_deferred.get_cached_paths():
            urls.append(root.rstrip("/") + path.rstrip("/") + "/" + extra.lstrip("/"))
    root = default_root_url()
    for dependents in _dependents:
        urls += [path if "://" in path else root + path for path in dependents(page)]
    return list(dict.fromkeys(url for each in urls for url in _in_every_language(each)))


def purge_page_after_commit(page: Page) -> None:
    if get_backends():
        purge_after_commit(urls_for_page(page))


def purge_paths_after_commit(paths: Iterable[str]) -> None:
    """Purge addresses on the default site, given as paths, in every language."""
    root = default_root_url()
    purge_after_commit(url for path in paths for url in _in_every_language(root + path))


def purge_after_commit(urls: Iterable[str]) -> None:
    urls = list(urls)
    if urls and get_backends():
        enqueue_on_commit(purge_urls, urls, 0)


@task()
def purge_urls(urls: list[str], attempt: int = 0) -> None:
    failed: list[str] = []
    for name, backend in get_backends().items():
        for url in urls:
            try:
                backend.purge(url)
            except PurgeFailed as error:
                logger.warning("Purge via %s failed: %s", name, error)
                failed.append(url)
    failed = list(dict.fromkeys(failed))
    if not failed:
        return
    if attempt < len(RETRY_DELAYS):
        enqueue_later(purge_urls, timezone.now() + RETRY_DELAYS[attempt], failed, attempt + 1)
    else:
        logger.error("Gave up purging %d address(es) from the page cache: %s", len(failed), failed)


@receiver(page_published)
@receiver(page_unpublished)  # Wagtail also sends it for a live page that is deleted
def purge_changed_page(sender: type[Page], instance: Page, **kwargs: object) -> None:
    purge_page_after_commit(instance)


@receiver(post_page_move)
def purge_moved_page(
    sender: type[Page], instance: Page, url_path_before: str, **kwargs: object
) -> None:
    """The page left its old address: purge that one (and what shows the page) too."""
    purge_paths_after_commit(_paths_below_site_root(url_path_before))
    purge_page_after_commit(instance)


def _paths_below_site_root(url_path: str) -> list[str]:
    # url_path includes the site's root page ("/home/voorbeelden/x/"); the address drops it.
    parts = url_path.strip("/").split("/")
    return ["/" + "/".join(parts[1:]) + "/"] if len(parts) > 1 else []
