"""Public views of the publication app: the PDF download of a single example.

Nothing here renders a PDF: the worker makes it (example_pdfs.py); until it is ready the
visitor sees that it is being prepared, and the page follows its progress.
"""

from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.views.decorators.http import require_safe

from voorbeeldenbank.examples.models import ExamplePage
from voorbeeldenbank.examples.slugs import is_valid_slug

from .. import delivery, example_pdfs
from ..constants import BuildStatus
from ..models import ExamplePdf
from ..tasks import request_example_pdf

# Seconds before the "being prepared" page asks again (Retry-After, refresh, htmx poll).
POLL_SECONDS = 3
RETRY_FAILED_SECONDS = int(example_pdfs.RETRY_FAILED_AFTER.total_seconds())


def _preparing(request: HttpRequest, page: ExamplePage, pdf: ExamplePdf) -> HttpResponse:
    failed = pdf.status == BuildStatus.FAILED
    wait = RETRY_FAILED_SECONDS if failed else POLL_SECONDS
    context = {"page": page, "pdf": pdf, "failed": failed, "poll_seconds": wait}
    template = (
        "publication/_example_pdf_status.html"
        if getattr(request, "htmx", False)
        else "publication/example_pdf_preparing.html"
    )
    response = render(request, template, context, status=202)
    response["Retry-After"] = str(wait)
    response["Cache-Control"] = "no-store"
    return response


@require_safe
def example_pdf_view(request: HttpRequest, slug: str) -> HttpResponseBase:
    """The example in the report's format as a tagged PDF; 404 unless it is live and public."""
    if not is_valid_slug(slug):
        raise Http404
    page = ExamplePage.objects.live().public().filter(slug=slug).first()
    if page is None:
        raise Http404
    try:
        pdf = request_example_pdf(page)
    except LookupError:
        raise Http404 from None
    if not example_pdfs.is_ready(pdf):
        return _preparing(request, page, pdf)
    if getattr(request, "htmx", False):
        # The progress poll: let the browser itself load the file, not htmx.
        response = HttpResponse()
        response["HX-Redirect"] = request.path
        return response
    return delivery.serve(pdf, f"{page.slug}.pdf")
