"""Absolute addresses of the public submission pages, for e-mails."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from ..tokens import absolute

register = template.Library()


@register.simple_tag
def lost_link_url() -> str:
    """The "link kwijt?" page in the site's main language (e-mails hold both languages)."""
    with translation.override(settings.LANGUAGE_CODE):
        return absolute(reverse("submissions:lost_link"))
