"""Join separately laid-out tagged PDFs (the parts of an edition) into one tagged PDF.

WeasyPrint keeps every laid-out page in memory until it writes a document, so a 2,500-page
edition needs gigabytes. Rendering it in parts keeps memory bounded; this module puts the parts
back together without losing what makes the PDF accessible and navigable:

- the structure tree: every part's top-level structure elements go under one Document element,
  and the ParentTree (which maps marked content and annotations back to the tree) is renumbered;
- links between parts: a part cannot resolve an anchor that lives in another part, so the
  renderer writes such links as `PART_LINK` URIs; here they become named destinations again;
- the named destinations of all parts, in one sorted name tree;
- the bookmarks, rebuilt as one outline (an example in a later part nests under the chapter
  bookmark of an earlier part).

The first part supplies the catalogue: language, PDF/UA metadata, viewer preferences.
"""

import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pikepdf
from pikepdf import Array, Dictionary, Name, Object, OutlineItem, String

# The URI scheme of a link whose anchor is in another part of the same edition.
PART_LINK = "voorbeeldenbank-part:"
# Parts are made by our renderer; a deeper outline means something else went wrong.
MAX_OUTLINE_DEPTH = 16


@dataclass
class Bookmark:
    level: int
    title: str
    destination: Object


def join(parts: Sequence[Path], output: Path, *, outline_levels: Sequence[int] = ()) -> int:
    """Write the parts, in order, as one tagged PDF to `output`; return its page count.

    `outline_levels` gives, per part, the level of its top bookmarks (default 1): a part that
    starts inside a chapter has its sub-bookmarks at the top of its own outline.
    """
    if not parts:
        raise ValueError("No parts to join.")
    levels = list(outline_levels) or [1] * len(parts)
    if len(levels) != len(parts):
        raise ValueError("One outline level per part, please.")
    with pikepdf.open(parts[0]) as base:
        others = [pikepdf.open(path) for path in parts[1:]]
        try:
            document = _document_element(base)
            nums: list = []
            names: list[tuple[bytes, Object]] = []
            bookmarks: list[Bookmark] = []
            for source, level in zip([base, *others], levels, strict=True):
                _add_part(base, source, document, nums, names, bookmarks, level)
            root = base.Root.StructTreeRoot
            root.ParentTree = base.make_indirect(Dictionary(Nums=Array(nums)))
            root.ParentTreeNextKey = len(nums) // 2
            _write_names(base, names)
            _write_outline(base, bookmarks)
            base.save(output, object_stream_mode=pikepdf.ObjectStreamMode.generate)
            return len(base.pages)
        finally:
            for source in others:
                source.close()


def _document_element(pdf: pikepdf.Pdf) -> Object:
    root = pdf.Root.get("/StructTreeRoot")
    if root is None:
        raise ValueError("A part of the edition is not a tagged PDF.")
    kids = root.K
    document = kids[0] if isinstance(kids, Array) else kids
    if document.get("/S") != Name.Document:
        raise ValueError("A part of the edition has no Document structure element.")
    return document


def _add_part(
    base: pikepdf.Pdf,
    source: pikepdf.Pdf,
    document: Object,
    nums: list,
    names: list[tuple[bytes, Object]],
    bookmarks: list[Bookmark],
    outline_level: int,
) -> None:
    """Renumber the part's structure keys from len(nums) // 2 on, then take it over."""
    is_base = source is base
    renumbered = _renumber(source, first_key=len(nums) // 2)
    for page in source.pages:
        _restore_part_links(page)
    if not is_base:
        part_document = _document_element(source)
        children = list(part_document.K)
        # Detach the children from the part's own tree before copying, or copying them would
        # drag the part's whole StructTreeRoot along through their /P entries.
        for child in children:
            del child["/P"]
        with warnings.catch_warnings():
            # pikepdf warns that extend() drops named destinations: _write_names merges them.
            warnings.filterwarnings("ignore", category=pikepdf.PageCopyWarning)  # type: ignore[attr-defined]
            base.pages.extend(source.pages)
        for child in children:
            copied = base.copy_foreign(child)
            copied.P = document
            document.K.append(copied)
    for key, value in renumbered:
        nums.extend([key, value if is_base else _copy(base, value)])
    for name, destination in _named_destinations(source):
        names.append((name, destination if is_base else _copy(base, destination)))
    for bookmark in _bookmarks(source, outline_level):
        if not is_base:
            bookmark.destination = _copy(base, bookmark.destination)
        bookmarks.append(bookmark)


def _renumber(source: pikepdf.Pdf, *, first_key: int) -> list[tuple[int, Object]]:
    """Give the part's ParentTree entries consecutive keys from `first_key`, updating the pages'
    /StructParents and the annotations' /StructParent that point at them."""
    old_nums = list(source.Root.StructTreeRoot.ParentTree.Nums)
    new_key = {int(old_nums[i]): first_key + i // 2 for i in range(0, len(old_nums), 2)}
    for page in source.pages:
        if "/StructParents" in page.obj:
            page.obj.StructParents = new_key[int(page.obj.StructParents)]
        for annotation in page.obj.get("/Annots", []):
            if "/StructParent" in annotation:
                annotation.StructParent = new_key[int(annotation.StructParent)]
    return [(new_key[int(old_nums[i])], old_nums[i + 1]) for i in range(0, len(old_nums), 2)]


def _restore_part_links(page: pikepdf.Page) -> None:
    """A link written as a PART_LINK URI becomes a link to the named destination again."""
    for annotation in page.obj.get("/Annots", []):
        action = annotation.get("/A")
        if action is None or action.get("/S") != Name.URI:
            continue
        uri = bytes(action.URI).decode("utf-8", "replace")
        if not uri.startswith(PART_LINK):
            continue
        anchor = uri.removeprefix(PART_LINK)
        del annotation["/A"]
        annotation.Dest = String(anchor)
        annotation.Contents = String(anchor)


def _copy(base: pikepdf.Pdf, value: Any) -> Any:
    """Copy a foreign object; direct arrays are copied item by item (copy_foreign needs indirect
    objects). An object already copied (a page, a structure element) maps to the same copy."""
    if isinstance(value, Object) and value.is_indirect:
        return base.copy_foreign(value)
    if isinstance(value, Array):
        return Array([_copy(base, item) for item in value])
    return value


def _named_destinations(pdf: pikepdf.Pdf) -> Iterator[tuple[bytes, Object]]:
    names = pdf.Root.get("/Names")
    tree = names.get("/Dests") if names is not None else None
    if tree is None:
        return
    yield from _name_tree_leaves(tree)


def _name_tree_leaves(node: Object) -> Iterator[tuple[bytes, Object]]:
    if "/Names" in node:
        flat = list(node.Names)
        for i in range(0, len(flat), 2):
            yield bytes(flat[i]), flat[i + 1]
    for kid in node.get("/Kids", []):
        yield from _name_tree_leaves(kid)


def _write_names(base: pikepdf.Pdf, names: list[tuple[bytes, Object]]) -> None:
    flat: list = []
    seen: set[bytes] = set()
    # A name tree is sorted by byte value; the first part to define a name wins, as in HTML.
    for name, destination in sorted(names, key=lambda item: item[0]):
        if name in seen:
            continue
        seen.add(name)
        flat.extend([String(name), destination])
    if "/Names" not in base.Root:
        base.Root.Names = Dictionary()
    base.Root.Names.Dests = base.make_indirect(Dictionary(Names=Array(flat)))


def _bookmarks(pdf: pikepdf.Pdf, top_level: int) -> list[Bookmark]:
    outlines = pdf.Root.get("/Outlines")
    found: list[Bookmark] = []
    if outlines is not None:
        _walk_outline(outlines.get("/First"), top_level, found)
    return found


def _walk_outline(item: Object | None, level: int, found: list[Bookmark]) -> None:
    if level > MAX_OUTLINE_DEPTH:
        raise ValueError("A part of the edition has an outline that is too deep.")
    while item is not None:
        destination = item.get("/Dest")
        if isinstance(destination, Array):
            found.append(Bookmark(level, str(item.Title), destination))
        _walk_outline(item.get("/First"), level + 1, found)
        item = item.get("/Next")


def _write_outline(base: pikepdf.Pdf, bookmarks: list[Bookmark]) -> None:
    """One outline from the parts' bookmarks in order; levels nest across parts."""
    if "/Outlines" in base.Root:
        del base.Root["/Outlines"]
    with base.open_outline() as outline:
        stack: list[tuple[int, list[OutlineItem]]] = [(0, outline.root)]
        for bookmark in bookmarks:
            while stack[-1][0] >= bookmark.level:
                stack.pop()
            item = OutlineItem(bookmark.title, destination=Array(bookmark.destination))
            stack[-1][1].append(item)
            stack.append((bookmark.level, item.children))
