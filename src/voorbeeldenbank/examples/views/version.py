from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from ..models import ExamplePage
from ..versions import published_version, version_url


def version_view(request: HttpRequest, revision_id: int) -> HttpResponse:
    """An earlier published version of an example, as cited. Contact details are left out: a
    contact who has since withdrawn their consent is not shown by an old version."""
    found = published_version(revision_id)
    if found is None:
        raise Http404
    page, revision = found
    version: ExamplePage = revision.as_object()
    context = version.get_context(request)
    context.update(
        public_contacts=[],
        cited_revision=revision,
        citation_url=version_url(revision.pk),
        current_page=page,
        is_current_version=page.live_revision_id == revision.pk,
    )
    response = TemplateResponse(request, "examples/example_page.html", context)
    # The living page is the one to find; versions are for citations.
    response["X-Robots-Tag"] = "noindex"
    return response
