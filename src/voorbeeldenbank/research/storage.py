"""Evidence of consent is kept outside MEDIA_ROOT, with no URL: only the admin serves it."""

from django.conf import settings
from django.core.files.storage import FileSystemStorage


def private_storage() -> FileSystemStorage:
    # A callable, so migrations do not freeze a path that differs per deployment.
    return FileSystemStorage(location=settings.RESEARCH_PRIVATE_ROOT, base_url=None)
