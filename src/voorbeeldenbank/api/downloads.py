"""CSV and JSON downloads of the catalogue and the element matrix, for the website's links.

They live under the API so that they share its filters, guard and error format, but
they answer with a file (Content-Disposition: attachment) and with every row at once.
"""

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from pydantic import BaseModel

from . import opendata
from .responses import CONTENT_TYPE, add_licence_link, error_response, licence
from .types import CatalogueDownload

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
# Excel only reads a CSV file as UTF-8 when it starts with a byte order mark.
BOM = "\ufeff"
# A cell starting with one of these is run as a formula by spreadsheet programs (CSV injection,
# OWASP); a leading apostrophe makes them show it as text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FILE_STEMS = {"catalogue": "catalogus", "matrix": "elementenmatrix"}


def filename(subject: str, extension: str) -> str:
    # The local date: a file downloaded in the evening should not carry tomorrow's date.
    return f"voorbeeldenbank-{FILE_STEMS[subject]}-{timezone.localdate():%Y-%m-%d}.{extension}"


def safe_cell(value: Any) -> Any:
    """A value as the csv module should write it, defused if it could run as a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_text(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    buffer = io.StringIO()
    buffer.write(BOM)
    # The excel dialect: comma, CRLF, and quotes around any cell that needs them.
    writer = csv.writer(buffer, dialect="excel")
    writer.writerow(header)
    writer.writerows([safe_cell(value) for value in row] for row in rows)
    return buffer.getvalue()


def _attachment(response: HttpResponse, name: str) -> HttpResponse:
    response["Content-Disposition"] = content_disposition_header(True, name)
    return add_licence_link(response)


def csv_response(header: Sequence[str], rows: Iterable[Sequence[Any]], name: str) -> HttpResponse:
    response = HttpResponse(csv_text(header, rows).encode("utf-8"), content_type=CSV_CONTENT_TYPE)
    return _attachment(response, name)


def json_file_response(data: BaseModel, name: str) -> HttpResponse:
    # Compact like the API's answers: indenting would nearly double a 10,000-example file.
    body = json.dumps(data.model_dump(mode="json"), ensure_ascii=False)
    return _attachment(HttpResponse(body.encode("utf-8"), content_type=CONTENT_TYPE), name)


def catalogue_download(request: HttpRequest, extension: str) -> HttpResponse:
    """The catalogue's results, as on the catalogue page with the same q and filters."""
    selection = opendata.catalogue_ids(request.GET)
    if selection.errors:
        return error_response(selection.errors, status=400)
    entries = opendata.catalogue_entries(selection.ids or [], request)
    name = filename("catalogue", extension)
    if extension == "csv":
        rows = (opendata.catalogue_cells(entry) for entry in entries)
        return csv_response(opendata.CATALOGUE_COLUMNS, rows, name)
    download = CatalogueDownload(count=len(entries), results=entries, licence=licence())
    return json_file_response(download, name)


def matrix_download(request: HttpRequest, extension: str) -> HttpResponse:
    """The element matrix: one row per example, one 0/1 column per element."""
    selection = opendata.select(request.GET)
    if selection.errors:
        return error_response(selection.errors, status=400)
    data = opendata.matrix_data(request, selection.ids)
    name = filename("matrix", extension)
    if extension == "csv":
        keys = [element.key for element in data.elements]
        rows = (opendata.matrix_cells(entry, keys) for entry in data.results)
        return csv_response(opendata.matrix_columns(keys), rows, name)
    return json_file_response(data, name)
