"""The public root address of the default Wagtail site (pages, sitemap and purges agree on it)."""

from django.conf import settings
from wagtail.models import Site


def default_root_url() -> str:
    site = Site.objects.filter(is_default_site=True).first()
    return (site.root_url if site is not None else settings.BASE_URL).rstrip("/")
