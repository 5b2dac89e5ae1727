"""Open an uploaded .docx only after the zip container has been checked.

Word files are zip archives. Everything here happens before python-docx sees the bytes: the
archive's declared sizes and member count bound what can ever be unpacked (zipfile never
inflates a member past its declared size), each XML part is bounded on its own because it is
what gets parsed into memory (a tree takes several times the size of its text), macro-enabled
and other Office types are refused,
and XML with a document type declaration is refused because OOXML never needs one.
python-docx itself runs no macros and does not fetch external relationships.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from docx import Document
from docx.document import Document as DocxDocument
from lxml import etree

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 20 * 1024 * 1024
MAX_MEMBERS = 2000
# Per XML part (document.xml, styles, relationships): a submission of some pages is well under
# 1 MB; 4 MB is tens of thousands of paragraphs, which the time budget then also bounds.
MAX_PART_BYTES = 4 * 1024 * 1024
XML_SUFFIXES = (".xml", ".rels")

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
OLE_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
CONTENT_TYPES = "[Content_Types].xml"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
WORD_DOCUMENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
WORD_TEMPLATE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
MACRO_MARKERS = ("macroenabled", "vbaproject", "vbadata", "activex")

_DECLARATION_RE = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


class DocxError(Exception):
    """The upload cannot be read as a Word document; `message` says why, for the submitter."""

    def __init__(self, message: str | Promise) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return str(self.message)


def _refuse_non_zip(data: bytes) -> None:
    if not data:
        raise DocxError(_("Het bestand is leeg."))
    if len(data) > MAX_UPLOAD_BYTES:
        raise DocxError(
            _("Het bestand is te groot: een Word-bestand mag hoogstens %(mb)d MB zijn.")
            % {"mb": MAX_UPLOAD_BYTES // (1024 * 1024)}
        )
    if data.startswith(OLE_SIGNATURE):
        if OLE_ENCRYPTED_STREAM in data:
            raise DocxError(
                _(
                    "Het bestand is beveiligd met een wachtwoord. Haal de beveiliging eraf en "
                    "upload het opnieuw."
                )
            )
        raise DocxError(
            _(
                "Dit is een ouder Word-bestand (.doc). Sla het in Word op als .docx en upload "
                "het opnieuw."
            )
        )
    if not data.startswith(b"PK"):
        raise DocxError(_("Dit is geen Word-bestand (.docx). Gebruik het sjabloon van deze site."))


def _check_members(archive: zipfile.ZipFile) -> None:
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise DocxError(_("Het bestand bevat te veel onderdelen om veilig te lezen."))
    if sum(member.file_size for member in members) > MAX_UNCOMPRESSED_BYTES:
        raise DocxError(
            _(
                "Het bestand is uitgepakt te groot (meer dan %(mb)d MB). Haal grote "
                "afbeeldingen weg."
            )
            % {"mb": MAX_UNCOMPRESSED_BYTES // (1024 * 1024)}
        )
    if any(
        member.file_size > MAX_PART_BYTES
        for member in members
        if member.filename.casefold().endswith(XML_SUFFIXES)
    ):
        raise DocxError(
            _(
                "Het bestand bevat te veel tekst om veilig te lezen (meer dan %(mb)d MB). Haal "
                "overbodige tekst weg, of vul de stappen op de site in."
            )
            % {"mb": MAX_PART_BYTES // (1024 * 1024)}
        )
    if any(member.flag_bits & 0x1 for member in members):
        raise DocxError(
            _(
                "Het bestand is beveiligd met een wachtwoord. Haal de beveiliging eraf en "
                "upload het opnieuw."
            )
        )
    names = " ".join(member.filename.casefold() for member in members)
    if any(marker in names for marker in MACRO_MARKERS):
        raise DocxError(_macro_message())


def _macro_message() -> Promise:
    return _(
        "Het bestand bevat macro's of ingebouwde programma's (zoals .docm). Sla het op als "
        "gewoon Word-document (.docx) en upload het opnieuw."
    )


def _check_content_types(archive: zipfile.ZipFile) -> None:
    try:
        root = etree.fromstring(archive.read(CONTENT_TYPES), _SAFE_XML)
    except KeyError:
        raise DocxError(_not_word_message()) from None
    types = [node.get("ContentType", "").casefold() for node in root.iter(f"{{{CT_NS}}}*")]
    if any("macroenabled" in content_type for content_type in types):
        raise DocxError(_macro_message())
    if WORD_DOCUMENT in types:
        return
    if WORD_TEMPLATE in types:
        raise DocxError(
            _("Dit is een Word-sjabloon (.dotx). Sla het op als document (.docx) en upload dat.")
        )
    raise DocxError(_not_word_message())


def _not_word_message() -> Promise:
    return _("Dit is geen Word-document (.docx). Gebruik het sjabloon van deze site.")


def _check_xml(archive: zipfile.ZipFile) -> None:
    for member in archive.infolist():
        if not member.filename.casefold().endswith(XML_SUFFIXES):
            continue
        # Reading also verifies each member's checksum, which catches damaged files early.
        if _DECLARATION_RE.search(archive.read(member)):
            raise DocxError(_damaged_message())


def _damaged_message() -> Promise:
    return _("Het bestand is beschadigd en kan niet gelezen worden. Sla het opnieuw op in Word.")


def open_document(data: bytes) -> DocxDocument:
    """The python-docx document for `data`, or DocxError with a message for the submitter."""
    _refuse_non_zip(data)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            _check_members(archive)
            _check_content_types(archive)
            _check_xml(archive)
    except DocxError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, etree.XMLSyntaxError, OSError):
        raise DocxError(_damaged_message()) from None
    except (ValueError, NotImplementedError, RuntimeError):
        # Unsupported compression, encryption variants and the like.
        raise DocxError(_damaged_message()) from None
    try:
        return Document(io.BytesIO(data))
    except Exception:
        # Whatever python-docx trips over, for the submitter it is an unreadable file.
        raise DocxError(_damaged_message()) from None
