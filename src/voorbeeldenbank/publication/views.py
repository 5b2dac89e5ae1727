"""Public views of the publication app: the PDF download of a single example."""

from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe

from voorbeeldenbank.examples.models import ExamplePage
from voorbeeldenbank.examples.slugs import is_valid_slug

from .render import example_pdf

# A PDF is cached per published version of its example, so it only goes stale when shared
# texts change (element titles, the template); a day bounds that.
CACHE_TIMEOUT = 60 * 60 * 24


def example_pdf_cache_key(page: ExamplePage) -> str:
    published = page.last_published_at.isoformat() if page.last_published_at else "never"
    return f"publication:example-pdf:{page.pk}:{published}"


@require_safe
def example_pdf_view(request: HttpRequest, slug: str) -> HttpResponse:
    """The example in the report's format as a tagged PDF; 404 unless it is live and public."""
    if not is_valid_slug(slug):
        raise Http404
    page = ExamplePage.objects.live().public().filter(slug=slug).first()
    if page is None:
        raise Http404
    key = example_pdf_cache_key(page)
    pdf = cache.get(key)
    if pdf is None:
        pdf = example_pdf(page)
        cache.set(key, pdf, CACHE_TIMEOUT)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"{page.slug}.pdf"
    )
    return response
