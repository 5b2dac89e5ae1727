"""Reading an ExamplePage as content in the format: the one reader.

`content_from_page` reads an ExamplePage (live, a draft, or a revision's `as_object()`). Only
attribute access on the page, so the page models themselves may use it (the editor's panels);
hence the page is typed as Wagtail's Page.
"""

from __future__ import annotations

from typing import Any

from wagtail.models import Page

from .content import ExampleContent
from .spec import Attr, ElementTexts, Pair, Records, Rows, Store, Terms
from .table import FORMAT, Format


def content_from_page(
    page: Page, content_format: Format = FORMAT, *, public: bool = False
) -> ExampleContent:
    """The page's content. `public` leaves out what the public may not see (private contacts),
    filtered in the database or taken from examples/prefetch.py's public prefetch."""
    values = {field.name: read(field.spec.store, page, public=public) for field in content_format}
    return content_format.model.model_validate(values)


def read(store: Store, page: Page, *, public: bool = False) -> Any:
    if isinstance(store, Attr):
        return getattr(page, store.name)
    if isinstance(store, Rows):
        return [getattr(row, store.column) for row in getattr(page, store.relation).all()]
    if isinstance(store, Records):
        return [_record(store, row) for row in _rows(store, page, public)]
    if isinstance(store, Terms):
        return [term.key for term in getattr(page, store.relation).all()]
    if isinstance(store, ElementTexts):
        return [
            {"key": link.element.key, "explanation": link.explanation}
            for link in getattr(page, store.relation).all()
        ]
    if isinstance(store, Pair):
        first, second = (getattr(page, column) for column in store.columns)
        if not first and not second:
            return None
        return {store.keys[0]: first, store.keys[1]: second or None}
    raise TypeError(f"unknown store {store!r}")


def texts(store: Store, page: Page) -> list[str]:
    """The words a field holds, as the catalogue's search reads them: texts, the titles of
    terms, element explanations; keys and references are not words."""
    if isinstance(store, Attr):
        value = getattr(page, store.name)
        return [value] if isinstance(value, str) else []
    if isinstance(store, Rows):
        return [getattr(row, store.column) for row in getattr(page, store.relation).all()]
    if isinstance(store, Records):
        return [
            value
            for row in getattr(page, store.relation).all()
            for column in store.columns
            if column not in store.references and isinstance(value := getattr(row, column), str)
        ]
    if isinstance(store, Terms):
        return [term.title for term in getattr(page, store.relation).all()]
    if isinstance(store, ElementTexts):
        return [link.explanation for link in getattr(page, store.relation).all()]
    return []


def _rows(store: Records, page: Page, public: bool) -> list[Any]:
    if public and store.public:
        prefetched = getattr(page, store.prefetched, None) if store.prefetched else None
        if prefetched is not None:
            rows = list(prefetched)
        else:
            rows = list(getattr(page, store.relation).filter(**store.public))
        # Checked once more, in case a caller prefetched the wrong rows under that name.
        return [row for row in rows if _matches(row, store.public)]
    return list(getattr(page, store.relation).all())


def _matches(row: Any, conditions: dict[str, object]) -> bool:
    return all(getattr(row, name) == value for name, value in conditions.items())


def _record(store: Records, row: Any) -> dict[str, Any]:
    record = {}
    for column in store.columns:
        if column in store.references:
            target = getattr(row, store.references[column])
            record[column] = target.key if target is not None else None
        else:
            record[column] = getattr(row, column)
    return record
