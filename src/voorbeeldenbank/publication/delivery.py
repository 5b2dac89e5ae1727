"""Handing a stored PDF to the client: by the web server where one is configured.

EXAMPLE_PDF_DELIVERY picks how:
- "django" (default, for `make run`): Django streams the file itself (FileResponse);
- "x-accel": an empty answer with X-Accel-Redirect: EXAMPLE_PDF_ACCEL_PREFIX + the file's name;
  nginx serves the file from an `internal` location, so it is reachable only through this view
  (location /protected-media/ { internal; alias <MEDIA_ROOT>/; });
- "redirect": a redirect to the storage's own URL (nginx serving MEDIA_URL, or object storage).
"""

from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import FileResponse, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.utils.http import content_disposition_header

from .models import ExamplePdf

MODES = ("django", "x-accel", "redirect")
CONTENT_TYPE = "application/pdf"


def serve(pdf: ExamplePdf, filename: str) -> HttpResponseBase:
    mode = settings.EXAMPLE_PDF_DELIVERY
    if mode not in MODES:
        raise ImproperlyConfigured(f"EXAMPLE_PDF_DELIVERY must be one of {MODES}, not {mode!r}")
    response: HttpResponseBase
    if mode == "redirect":
        response = HttpResponseRedirect(pdf.file.url)
    elif mode == "x-accel":
        response = HttpResponse(content_type=CONTENT_TYPE)
        location = settings.EXAMPLE_PDF_ACCEL_PREFIX + quote(pdf.file.name or "")
        response["X-Accel-Redirect"] = location
    else:
        response = FileResponse(pdf.file.open("rb"), content_type=CONTENT_TYPE)
    if mode != "redirect":
        response["Content-Disposition"] = content_disposition_header(
            as_attachment=True, filename=filename
        )
    # The address stays the same when the example is published again; always ask.
    response["Cache-Control"] = "no-cache"
    return response
