"""Examples side by side, section by section of the format: the rows come from the format.

Each field of the format that is `compared` becomes a row; how a value is shown follows from
its type (text as paragraphs, lists as lists, a link as a link, …), so a field added to the
format appears here without a change to this module. The elements of the vision get a row each,
with the explanation where the example shows it.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from voorbeeldenbank.core.models import Element
from voorbeeldenbank.core.templatetags.site_tags import paragraphs

from .format import FORMAT, Format, content_from_page
from .format.content import Contact, Effectiveness, ElementText, Improvement, Link, ReachFigure
from .format.spec import ElementTexts, Terms
from .models import ExamplePage, ImprovementTheme

EMPTY = mark_safe("–")


@dataclass
class Row:
    label: str
    cells: list[SafeString]
    is_element: bool = False


@dataclass
class Group:
    label: str
    rows: list[Row] = field(default_factory=list)


def _item(value: Any, titles: dict[str, str]) -> SafeString:
    if isinstance(value, Improvement):
        return _improvement(value, titles)
    render = PART_RENDERERS.get(type(value))
    if render is not None:
        return render(value)
    if hasattr(value, "model_dump"):
        texts = [str(v) for v in value.model_dump().values() if v not in (None, "", [])]
        return format_html("{}", " · ".join(texts))
    return format_html("{}", value)


def _link(link: Link) -> SafeString:
    return format_html('<a href="{}">{}</a>', link.url, link.title)


def _contact(contact: Contact) -> SafeString:
    lines = [format_html("{}", text) for text in (contact.name, contact.organisation) if text]
    if contact.email:
        lines.append(format_html('<a href="mailto:{0}">{0}</a>', contact.email))
    if contact.phone:
        lines.append(format_html("{}", contact.phone))
    if contact.url:
        lines.append(format_html('<a href="{0}">{0}</a>', contact.url))
    return mark_safe("<br>".join(lines))


def _improvement(point: Improvement, themes: dict[str, str]) -> SafeString:
    if not point.theme:
        return format_html("{}", point.text)
    title = themes.get(point.theme, point.theme)
    tag = _("Thema: %(theme)s") % {"theme": title}
    return format_html('{} <span class="tag">{}</span>', point.text, tag)


PART_RENDERERS: dict[type, Callable[[Any], SafeString]] = {
    ReachFigure: lambda figure: format_html("{}: {}", figure.label, figure.value),
    Link: _link,
    Contact: _contact,
}


def render(value: Any, titles: dict[str, str]) -> SafeString:
    """One cell; `titles` names the keys of vocabularies and themes."""
    if value is None or value == "" or value == []:
        return EMPTY
    if isinstance(value, Enum):
        return format_html("{}", getattr(value, "label", value.value))
    if isinstance(value, datetime.date):
        return format_html("{}", date_format(value, "j F Y"))
    if isinstance(value, Effectiveness):
        if value.url:
            return format_html(
                '{}<br><a href="{}">{}</a>', value.status, value.url, _("Beoordeling")
            )
        return format_html("{}", value.status)
    if isinstance(value, str):
        return paragraphs(value)
    if isinstance(value, list):
        return format_html(
            "<ul>{}</ul>",
            format_html_join("", "<li>{}</li>", ((_item(item, titles),) for item in value)),
        )
    return format_html("{}", value)


def compare_groups(examples: list[ExamplePage], content_format: Format = FORMAT) -> list[Group]:
    contents = [content_from_page(page, content_format, public=True) for page in examples]
    themes = {theme.key: theme.display_title for theme in ImprovementTheme.objects.all()}
    groups = []
    for section in content_format.sections:
        group = Group(str(section.label))
        for format_field in content_format.in_section(section.key):
            if not format_field.spec.compared:
                continue
            store = format_field.spec.store
            if isinstance(store, ElementTexts):
                group.rows += _element_rows(
                    [getattr(content, format_field.name) for content in contents]
                )
                continue
            if isinstance(store, Terms):
                # Names of vocabulary terms, joined: a short list, not a bulleted one.
                names = _titles(store, examples)
                cells = [
                    format_html("{}", ", ".join(names.get(k, k) for k in keys)) if keys else EMPTY
                    for keys in (getattr(content, format_field.name) for content in contents)
                ]
            else:
                cells = [
                    render(getattr(content, format_field.name), themes) for content in contents
                ]
            group.rows.append(Row(format_field.label, cells))
        if group.rows:
            groups.append(group)
    return groups


def _titles(store: Terms, examples: list[ExamplePage]) -> dict[str, str]:
    return {
        term.key: term.display_title
        for page in examples
        for term in getattr(page, store.relation).all()
    }


def _element_rows(per_example: list[list[ElementText]]) -> list[Row]:
    elements = list(Element.objects.all())
    present = [{item.key: item for item in items} for items in per_example]
    rows = [
        Row(
            _("Aantal elementen"),
            [
                format_html(
                    "{}", _("%(n)s van %(total)s") % {"n": len(items), "total": len(elements)}
                )
                for items in per_example
            ],
        )
    ]
    for element in elements:
        cells = []
        for texts in present:
            item = texts.get(element.key)
            if item is None:
                cells.append(
                    format_html(
                        '<p class="mark-absent"><span aria-hidden="true">– </span>{}</p>',
                        _("Niet aanwezig"),
                    )
                )
            else:
                cells.append(
                    format_html(
                        '<p class="mark-present"><span aria-hidden="true">✓ </span>{}</p>{}',
                        _("Aanwezig"),
                        paragraphs(item.explanation),
                    )
                )
        rows.append(Row(element.display_title, cells, is_element=True))
    return rows


def _is_empty(row: Row) -> bool:
    return all(str(cell) == str(EMPTY) for cell in row.cells)


def _is_same(row: Row) -> bool:
    return len({str(cell) for cell in row.cells}) <= 1


def shown_groups(groups: list[Group], only_differences: bool = False) -> tuple[list[Group], int]:
    """The groups without rows that say nothing: empty for every example, or (when asked)
    the same for every example. Returns the groups left and how many rows were the same."""
    kept: list[Group] = []
    same = 0
    for group in groups:
        rows = [row for row in group.rows if not _is_empty(row)]
        if only_differences:
            differing = [row for row in rows if not _is_same(row)]
            same += len(rows) - len(differing)
            rows = differing
        if rows:
            kept.append(Group(group.label, rows))
    return kept, same
