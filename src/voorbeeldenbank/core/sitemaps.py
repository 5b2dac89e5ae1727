"""The sitemap's part for the page tree: every live public page, in each of the site's languages,
with the other languages named as alternates (apps add their own views' parts, see urls.py)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap as DjangoSitemap
from django.urls import translate_url
from wagtail.contrib.sitemaps import Sitemap

from .sites import default_root_url


class PageSitemap(Sitemap):
    def _urls(self, page: Any, protocol: str, domain: str) -> list[dict[str, Any]]:
        urls = []
        for info in super()._urls(page, protocol, domain):
            alternates = [
                {"lang_code": code, "location": translate_url(info["location"], code)}
                for code, _name in settings.LANGUAGES
            ]
            for alternate in alternates:
                urls.append({**info, "location": alternate["location"], "alternates": alternates})
        return urls


class ViewSitemap(DjangoSitemap):
    """A sitemap part for views outside the page tree, in each language, on the same address as
    the pages (the Wagtail site's root, not the request's host name)."""

    i18n = True
    alternates = True

    def get_protocol(self, protocol: str | None = None) -> str:
        return urlsplit(default_root_url()).scheme

    def get_domain(self, site: Any = None) -> str:
        return urlsplit(default_root_url()).netloc
