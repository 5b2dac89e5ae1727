"""Evidence of consent is kept outside MEDIA_ROOT, with no URL: only the admin serves it, to
members of the project."""

from __future__ import annotations

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateStorage(FileSystemStorage):
    # The location is read on every use, not frozen when the model is imported, so that a
    # deployment (or a test) may point RESEARCH_PRIVATE_ROOT elsewhere.
    @property  # type: ignore[override]
    def base_location(self) -> str:
        return str(settings.RESEARCH_PRIVATE_ROOT)

    @property  # type: ignore[override]
    def location(self) -> str:
        return os.path.abspath(self.base_location)

    def url(self, name: str | None) -> str:
        # FileSystemStorage would fall back to MEDIA_URL: these files have no public address.
        raise ValueError("Research files have no URL; the admin serves them to members.")


def private_storage() -> PrivateStorage:
    # A callable, so migrations do not freeze a path that differs per deployment.
    return PrivateStorage()
