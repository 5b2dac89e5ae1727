"""Read an uploaded verslag (.txt in UTF-8 or .docx) as plain text.

A .docx is a zip archive: its declared sizes are checked before python-docx opens it, so a
small upload cannot unpack into gigabytes. Paragraphs become lines with a blank line between
them, which keeps the structure a reviewer and a coder need.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from typing import Any

from django.utils.translation import gettext as _

from .models import VerslagSource

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 20 * 1024 * 1024
MAX_MEMBERS = 1000
MACRO_MARKERS = ("vbaproject", "vbadata", "activex", "macroenabled")
DECLARATION = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)


class UploadError(Exception):
    """The file cannot be used as a verslag; the message says why, for the member."""


def _read_txt(data: bytes) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UploadError(
            _("Het tekstbestand is geen UTF-8. Sla het op als UTF-8 en probeer het opnieuw.")
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _check_archive(data: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = archive.infolist()
        too_big = sum(member.file_size for member in members) > MAX_UNCOMPRESSED_BYTES
        if len(members) > MAX_MEMBERS or too_big:
            raise UploadError(_("Het Word-bestand is uitgepakt te groot om veilig te lezen."))
        names = " ".join(member.filename.casefold() for member in members)
        if any(marker in names for marker in MACRO_MARKERS):
            raise UploadError(_("Het Word-bestand bevat macro's. Sla het op als gewone .docx."))
        for member in members:
            if member.filename.endswith((".xml", ".rels")) and DECLARATION.search(
                archive.read(member)
            ):
                raise UploadError(_("Het Word-bestand is beschadigd."))


def _read_docx(data: bytes) -> str:
    from docx import Document

    if not data.startswith(b"PK"):
        raise UploadError(_("Dit is geen Word-bestand (.docx)."))
    try:
        _check_archive(data)
        document = Document(io.BytesIO(data))
    except UploadError:
        raise
    except (zipfile.BadZipFile, zlib.error, KeyError, ValueError, OSError):
        raise UploadError(_("Het Word-bestand is beschadigd.")) from None
    except Exception:
        # Whatever python-docx trips over, for the member it is an unreadable file.
        raise UploadError(_("Het Word-bestand is beschadigd.")) from None
    paragraphs = [paragraph.text.strip() for paragraph in document.paragraphs]
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)


def read_upload(upload: Any) -> tuple[str, str]:
    """The text of the upload and its source (VerslagSource), or UploadError."""
    name = (getattr(upload, "name", "") or "").casefold()
    if name.endswith(".txt"):
        source = VerslagSource.TXT
    elif name.endswith(".docx"):
        source = VerslagSource.DOCX
    else:
        raise UploadError(_("Kies een .docx- of .txt-bestand."))
    if upload.size > MAX_UPLOAD_BYTES:
        raise UploadError(
            _("Het bestand is te groot: hoogstens %(mb)d MB.")
            % {"mb": MAX_UPLOAD_BYTES // (1024 * 1024)}
        )
    data = upload.read()
    text = _read_txt(data) if source == VerslagSource.TXT else _read_docx(data)
    if not text.strip():
        raise UploadError(_("Het bestand bevat geen tekst."))
    return text, source
