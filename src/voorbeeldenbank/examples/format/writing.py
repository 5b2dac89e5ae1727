"""Writing content in the format onto an ExamplePage: the one writer.

`apply_content` sets every field of the format on a page, resolving the keys of elements,
themes and vocabularies. It does not save: the caller saves, publishes or makes a revision, as
it would after editing in Wagtail. The demo content and accepted submissions both come in here.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Model
from django.utils.translation import gettext as _

from voorbeeldenbank.core.models import Element

from ..models import ExamplePage, ImprovementTheme
from .content import ExampleContent
from .spec import Attr, ElementTexts, Pair, Records, Rows, Store, Terms
from .table import FORMAT, Format

# Per vocabulary (a relation or a reference): its objects by key.
References = dict[str, dict[str, Model]]

# What a Records reference points to, per output key: resolved by the target's `key`.
REFERENCE_MODELS: dict[str, type[Model]] = {"theme": ImprovementTheme, "element": Element}


def apply_content(
    page: ExamplePage, content: ExampleContent, content_format: Format = FORMAT
) -> None:
    """Set every field of the format on the page (unsaved), ordered children in content order.

    Raises ValidationError naming any element, theme or vocabulary key that does not exist.
    """
    references = _references(content, content_format)
    for field in content_format:
        write(field.spec.store, page, getattr(content, field.name), references)


def write(store: Store, page: ExamplePage, value: Any, references: References) -> None:
    if isinstance(store, Attr):
        setattr(page, store.name, _column_value(page, store.name, value))
    elif isinstance(store, Rows):
        child = _related_model(store.relation)
        setattr(
            page,
            store.relation,
            [child(**{store.column: item, "sort_order": i}) for i, item in enumerate(value)],
        )
    elif isinstance(store, Records):
        child = _related_model(store.relation)
        rows = []
        for position, item in enumerate(value):
            values: dict[str, Any] = {"sort_order": position}
            for column in store.columns:
                raw = getattr(item, column)
                if column in store.references:
                    values[store.references[column]] = (
                        references[column][raw] if raw is not None else None
                    )
                else:
                    values[column] = _plain(raw)
            rows.append(child(**values))
        setattr(page, store.relation, rows)
    elif isinstance(store, Terms):
        setattr(page, store.relation, [references[store.relation][key] for key in value])
    elif isinstance(store, ElementTexts):
        child = _related_model(store.relation)
        setattr(
            page,
            store.relation,
            [
                child(
                    element=references["element"][item.key],
                    explanation=item.explanation,
                    sort_order=i,
                )
                for i, item in enumerate(value)
            ],
        )
    elif isinstance(store, Pair):
        first, second = (
            (getattr(value, key) or "" for key in store.keys) if value is not None else ("", "")
        )
        setattr(page, store.columns[0], first)
        setattr(page, store.columns[1], second)
    else:
        raise TypeError(f"unknown store {store!r}")


def _plain(value: Any) -> Any:
    # Choices are stored by their value.
    return getattr(value, "value", value)


def _column_value(page: ExamplePage, name: str, value: Any) -> Any:
    value = _plain(value)
    column = page._meta.get_field(name)
    if value is None and not column.null:
        return ""
    return value


def _related_model(relation: str) -> type[Model]:
    """The model of a child relation or a many-to-many of the page."""
    model: type[Model] = ExamplePage._meta.get_field(relation).related_model  # type: ignore[assignment]
    return model


def _references(content: ExampleContent, content_format: Format) -> References:
    """Every key the content refers to, looked up once per vocabulary."""
    wanted: dict[str, set[str]] = {}
    models: dict[str, type[Model]] = {}
    for field in content_format:
        store, value = field.spec.store, getattr(content, field.name)
        if isinstance(store, Terms):
            models[store.relation] = _related_model(store.relation)
            wanted.setdefault(store.relation, set()).update(value)
        elif isinstance(store, ElementTexts):
            models["element"] = Element
            wanted.setdefault("element", set()).update(item.key for item in value)
        elif isinstance(store, Records):
            for column in store.references:
                models[column] = REFERENCE_MODELS[column]
                keys = {getattr(item, column) for item in value} - {None}
                wanted.setdefault(column, set()).update(keys)
    found: References = {}
    missing = []
    for name, keys in wanted.items():
        objects = models[name]._default_manager.filter(key__in=keys)
        found[name] = {obj.key: obj for obj in objects}  # type: ignore[attr-defined]
        missing += [f"{name}: {key}" for key in sorted(keys - set(found[name]))]
    if missing:
        raise ValidationError(
            _("Onbekende sleutels in de inhoud: %(keys)s.") % {"keys": ", ".join(missing)}
        )
    return found
