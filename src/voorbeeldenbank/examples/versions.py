"""Published versions of an example, each with its own permanent address for citations."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from wagtail.models import PageLogEntry, Revision

from .models import ExamplePage


def version_url(revision_id: int) -> str:
    return settings.BASE_URL.rstrip("/") + reverse("examples:version", args=[revision_id])


def published_version(revision_id: int) -> tuple[ExamplePage, Revision] | None:
    """The live, public example and one of its revisions that was published, or None: a draft
    revision, or a version of an example that is no longer public, has no address."""
    revision = Revision.page_revisions.filter(pk=revision_id).select_related("content_type").first()
    if revision is None or revision.content_type.model_class() is not ExamplePage:
        return None
    page = ExamplePage.objects.live().public().filter(pk=revision.object_id).first()
    if page is None:
        return None
    was_published = PageLogEntry.objects.filter(
        page_id=page.pk, revision_id=revision.pk, action="wagtail.publish"
    ).exists()
    return (page, revision) if was_published else None
