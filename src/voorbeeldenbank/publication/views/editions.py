"""The public "Edities" page and the downloads of every edition, old ones included."""

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from ..manifest import with_labels
from ..models import Edition

# An edition never changes, so its files may be cached for a long time; a day keeps a deleted
# edition (a rare, manual act of beheer) from lingering in caches much longer.
CACHE_CONTROL = "public, max-age=86400"


def edition_list(request: HttpRequest) -> HttpResponse:
    editions = [
        (edition, with_labels(edition.changes)) for edition in Edition.objects.order_by("-number")
    ]
    return render(request, "publication/edition_list.html", {"editions": editions})


def _open(edition: Edition, field: str) -> FileResponse:
    file = getattr(edition, field)
    try:
        handle = file.storage.open(file.name, "rb")
    except (FileNotFoundError, ValueError):
        raise Http404(_("Het bestand van deze editie is niet gevonden.")) from None
    response = FileResponse(handle)
    response["Cache-Control"] = CACHE_CONTROL
    return response


def edition_pdf(request: HttpRequest, number: int) -> FileResponse:
    edition = get_object_or_404(Edition, number=number)
    response = _open(edition, "pdf")
    response["Content-Type"] = "application/pdf"
    response["Content-Disposition"] = (
        f'attachment; filename="voorbeeldenbank-editie-{edition.number}.pdf"'
    )
    response["ETag"] = f'"{edition.checksum}"'
    return response


def edition_html(request: HttpRequest, number: int) -> FileResponse:
    """The web version: the HTML exactly as it was stored when the edition was built."""
    edition = get_object_or_404(Edition, number=number)
    response = _open(edition, "html")
    response["Content-Type"] = "text/html; charset=utf-8"
    return response
