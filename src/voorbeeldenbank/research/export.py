"""A project's codebook and codings for researchers who continue in another tool.

Three files: the codebook as a REFI-QDA codebook (``.qdc``), the codable versions with their
codings as a REFI-QDA project (``.qdpx``), and the coded segments as CSV. Only released,
approved, de-identified text leaves the platform: the original text is never loaded, coders
are "Codeur N", and memos (free text that nobody de-identified) stay behind.

REFI-QDA counts text positions in Unicode characters from 0, the end position just after the
last character: the same as Python's string offsets, which is how segments are stored.
"""

from __future__ import annotations

import csv
import io
import re
import uuid
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from xml.etree import ElementTree as ET

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Code, ResearchProject, Segment, VerslagVersion

CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
PROJECT_NS = "urn:QDA-XML:project:1.0"
ORIGIN = "Voorbeeldenbank Normaliseren"

# Fixed, so that a code, source or coding keeps its GUID from one export to the next and a
# researcher can merge a later export with an earlier one.
GUID_NAMESPACE = uuid.UUID("6d404d57-ea37-43bc-b3e2-36b19f4b6f4d")

# Characters XML 1.0 cannot carry at all.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

# A cell that starts with one of these is a formula to Excel and LibreOffice.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class EmptyExport(Exception):
    pass


def guid(project_id: int, kind: str, ident: object) -> str:
    return str(uuid.uuid5(GUID_NAMESPACE, f"{project_id}/{kind}/{ident}"))


def code_guid(code: Code) -> str:
    return guid(code.project_id, "code", code.key)


def _xml_text(value: str) -> str:
    return _NOT_XML.sub("", value)


def _timestamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def codable_versions(project: ResearchProject) -> QuerySet[VerslagVersion]:
    """Released, approved versions of the project, without their original text."""
    return (
        VerslagVersion.objects.codable()
        .filter(verslag__interview__project=project)
        .select_related("verslag__interview")
        .defer("original_text", "proposed_spans")
        .order_by("verslag__interview_id", "number")
    )


@dataclass(frozen=True)
class ExportSegment:
    segment: Segment
    version: VerslagVersion

    @property
    def text(self) -> str:
        """The passage as it stands in the released text, not as a copy saved earlier."""
        return self.version.anonymised_text[self.segment.start : self.segment.end]


@dataclass(frozen=True)
class Material:
    project: ResearchProject
    codes: list[Code]
    versions: list[VerslagVersion]
    segments: list[ExportSegment]
    coders: dict[int, str]

    def source_name(self, version: VerslagVersion) -> str:
        interview = version.verslag.interview
        return _("Interview %(interview)s – %(role)s – versie %(number)s") % {
            "interview": interview.pk,
            "role": interview.get_role_display(),
            "number": version.number,
        }

    def coder_guid(self, user_id: int | None) -> str | None:
        return guid(self.project.pk, "user", user_id) if user_id in self.coders else None

    def segments_of(self, version: VerslagVersion) -> list[ExportSegment]:
        return [item for item in self.segments if item.version.pk == version.pk]


def collect(project: ResearchProject) -> Material:
    versions = list(codable_versions(project))
    by_pk = {version.pk: version for version in versions}
    rows = (
        Segment.objects.filter(
            version__in=list(by_pk), code__project=project, removed_at__isnull=True
        )
        .select_related("code")
        .order_by("version__verslag__interview_id", "version__number", "start", "end", "pk")
    )
    segments = [
        ExportSegment(segment, by_pk[segment.version_id])
        for segment in rows
        # Offsets outside the released text cannot point at anything; leave them out.
        if segment.end <= len(by_pk[segment.version_id].anonymised_text)
    ]
    coder_ids = sorted({s.segment.coder_id for s in segments if s.segment.coder_id is not None})
    coders = {
        user_id: _("Codeur %(number)s") % {"number": n}
        for n, user_id in enumerate(coder_ids, start=1)
    }
    codes = list(project.codes.order_by("sort_order", "name", "pk"))
    return Material(project, codes, versions, segments, coders)


def _code_elements(parent: ET.Element, codes: Sequence[Code]) -> None:
    children: dict[int | None, list[Code]] = {}
    known = {code.pk for code in codes}
    for code in codes:
        parent_id = code.parent_id if code.parent_id in known else None
        children.setdefault(parent_id, []).append(code)

    def add(into: ET.Element, code: Code) -> None:
        element = ET.SubElement(
            into,
            "Code",
            guid=code_guid(code),
            name=_xml_text(code.name),
            isCodable="true",
        )
        if code.description:
            ET.SubElement(element, "Description").text = _xml_text(code.description)
        for child in children.get(code.pk, []):
            add(element, child)

    for root in children.get(None, []):
        add(parent, root)


def _serialise(root: ET.Element, namespace: str) -> bytes:
    # The namespace as the root's default: every element of these formats is in it, and
    # ElementTree's own default_namespace refuses attributes without a prefix.
    root.set("xmlns", namespace)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def codebook_qdc(project: ResearchProject) -> bytes:
    """The project's codebook as a REFI-QDA codebook (an empty codebook has no file)."""
    codes = list(project.codes.order_by("sort_order", "name", "pk"))
    if not codes:
        raise EmptyExport(_("Het codeboek van dit project is nog leeg."))
    root = ET.Element("CodeBook", origin=ORIGIN)
    _code_elements(ET.SubElement(root, "Codes"), codes)
    return _serialise(root, CODEBOOK_NS)


def _project_qde(material: Material) -> bytes:
    project = material.project
    root = ET.Element(
        "Project",
        name=_xml_text(project.name),
        origin=ORIGIN,
        creationDateTime=_timestamp(timezone.now()),
    )
    # The schema wants at least one child in each of these lists: an empty list is left out.
    if material.coders:
        users = ET.SubElement(root, "Users")
        for user_id, label in material.coders.items():
            ET.SubElement(users, "User", guid=guid(project.pk, "user", user_id), name=label)
    if material.codes:
        codes = ET.SubElement(ET.SubElement(root, "CodeBook"), "Codes")
        _code_elements(codes, material.codes)
    if material.versions:
        sources = ET.SubElement(root, "Sources")
        for version in material.versions:
            _text_source(sources, material, version)
    return _serialise(root, PROJECT_NS)


def _text_source(sources: ET.Element, material: Material, version: VerslagVersion) -> None:
    source_guid = guid(material.project.pk, "version", version.pk)
    attributes = {
        "guid": source_guid,
        "name": _xml_text(material.source_name(version)),
        "plainTextPath": f"internal://{source_guid}.txt",
    }
    if version.released_at is not None:
        attributes["creationDateTime"] = _timestamp(version.released_at)
    source = ET.SubElement(sources, "TextSource", attributes)
    for item in material.segments_of(version):
        segment = item.segment
        selection = ET.SubElement(
            source,
            "PlainTextSelection",
            _with_creator(
                {
                    "guid": guid(material.project.pk, "segment", segment.pk),
                    "name": _xml_text(item.text),
                    "startPosition": str(segment.start),
                    "endPosition": str(segment.end),
                },
                material.coder_guid(segment.coder_id),
                segment.created,
            ),
        )
        if segment.is_quote:
            ET.SubElement(selection, "Description").text = _("Citaat")
        coding = ET.SubElement(
            selection,
            "Coding",
            _with_creator(
                {"guid": guid(material.project.pk, "coding", segment.pk)},
                material.coder_guid(segment.coder_id),
                segment.created,
            ),
        )
        ET.SubElement(coding, "CodeRef", targetGUID=code_guid(segment.code))


def _with_creator(attributes: dict[str, str], user: str | None, at: datetime) -> dict[str, str]:
    if user is not None:
        attributes["creatingUser"] = user
    attributes["creationDateTime"] = _timestamp(at)
    return attributes


def project_qdpx(project: ResearchProject) -> tuple[bytes, Material]:
    """A REFI-QDA project: ``project.qde`` and each version's text under ``sources/``."""
    material = collect(project)
    if not material.versions:
        raise EmptyExport(_("Dit project heeft nog geen vrijgegeven, goedgekeurde verslagen."))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", _project_qde(material))
        for version in material.versions:
            name = f"sources/{guid(project.pk, 'version', version.pk)}.txt"
            # No byte order mark: it would count as a character before position 0.
            archive.writestr(name, version.anonymised_text.encode("utf-8"))
    return buffer.getvalue(), material


def safe_cell(value: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula starts with an apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def segments_csv(project: ResearchProject) -> tuple[bytes, Material]:
    """All coded segments, one a row; UTF-8 with a byte order mark and ';' for Dutch Excel."""
    material = collect(project)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(_csv_header())
    for item in material.segments:
        writer.writerow([safe_cell(cell) for cell in _csv_row(material, item)])
    return buffer.getvalue().encode("utf-8-sig"), material


def _csv_header() -> list[str]:
    return [
        _("versie-id"),
        _("versie"),
        _("interview-id"),
        _("perspectief"),
        _("vorm"),
        _("codesleutel"),
        _("codenaam"),
        _("begin"),
        _("eind"),
        _("fragment"),
        _("citaat"),
        _("codeur"),
        _("aangemaakt"),
    ]


def _csv_row(material: Material, item: ExportSegment) -> Iterable[Any]:
    segment, version = item.segment, item.version
    interview = version.verslag.interview
    return [
        version.pk,
        version.number,
        interview.pk,
        interview.get_role_display(),
        interview.get_mode_display(),
        segment.code.key,
        segment.code.name,
        segment.start,
        segment.end,
        item.text,
        _("ja") if segment.is_quote else _("nee"),
        material.coders.get(segment.coder_id or 0, ""),
        timezone.localtime(segment.created).isoformat(timespec="seconds"),
    ]
