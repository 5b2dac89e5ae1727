"""Turn the sorted sections into the submission content, checking every typed value."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from typing import Any

from django.utils.translation import gettext as _

from voorbeeldenbank.examples.constants import ELEMENT_THRESHOLD

from . import labels, values
from .cleaning import truncate
from .reader import Para
from .sections import Sections
from .vocabulary import ELEMENT_PREFIX, Vocabulary

MAX_FIELD_CHARS = 10_000
MAX_ITEM_CHARS = 2_000
MAX_NAME_CHARS = 255
MAX_ITEMS = 100
# Shorter limits where the example page stores the value in a shorter column.
NAME_LIMITS = {"short_name": 80, "phone": 40}
TEXT_SECTIONS = ("summary", "for_whom", "by_whom", "what_is_needed")
LIST_FACTS = ("places", "organisations")
SPLIT_RE = re.compile(r"[;,]")


class ContentBuilder:
    def __init__(self, sections: Sections, vocabulary: Vocabulary) -> None:
        self.sections = sections
        self.vocabulary = vocabulary
        self.content: dict[str, Any] = {}
        self.warnings: list[str] = list(sections.warnings)

    # -- helpers ----------------------------------------------------------------------------

    def warn(self, label: Any, message: Any) -> None:
        self.warnings.append(f"{label}: {message}")

    def capped(self, label: Any, text: str, limit: int) -> str:
        if len(text) <= limit:
            return text
        self.warn(label, _("tekst ingekort tot %(limit)d tekens.") % {"limit": limit})
        return truncate(text, limit)

    def items(self, label: Any, items: list[str]) -> list[str]:
        items = list(dict.fromkeys(self.capped(label, item, MAX_ITEM_CHARS) for item in items))
        if len(items) > MAX_ITEMS:
            self.too_many(label)
        return items[:MAX_ITEMS]

    @staticmethod
    def text(paragraphs: list[Para]) -> str:
        return "\n\n".join("\n".join(p.lines) for p in paragraphs if p.lines)

    def parsed(self, label: Any, raw: str, reader: Callable[[str], Any]) -> Any:
        try:
            return reader(raw)
        except values.Invalid as problem:
            self.warn(label, problem.message)
            return None

    # -- sections ---------------------------------------------------------------------------

    def facts(self) -> None:
        rows = self.sections.rows[labels.FACTS.key]
        names = {row.key: row.text for row in labels.FACT_ROWS}
        for key, paragraphs in rows.items():
            raw = " ".join(line for p in paragraphs for line in p.lines)
            if not raw:
                continue
            label = names[key]
            if key in ("title", "short_name"):
                self.content[key] = self.capped(label, raw, NAME_LIMITS.get(key, MAX_NAME_CHARS))
            elif key == "target_group":
                self.content[key] = self.capped(label, self.text(paragraphs), MAX_FIELD_CHARS)
            elif key in LIST_FACTS:
                parts = [
                    part.strip()
                    for p in paragraphs
                    for line in p.lines
                    for part in SPLIT_RE.split(line)
                ]
                parts = [
                    self.capped(label, values.strip_bullet(part), MAX_NAME_CHARS) for part in parts
                ]
                self.content[key] = self.items(label, [part for part in parts if part])
            else:
                self.typed_fact(key, label, raw)
        self.check_ages()

    def typed_fact(self, key: str, label: Any, raw: str) -> None:
        readers: dict[str, Callable[[str], Any]] = {
            "kind": values.parse_kind,
            "since_year": values.parse_year,
            "age_min": values.parse_age,
            "age_max": values.parse_age,
            "age": values.parse_age_range,
            "formality": values.parse_formality,
            "scale": values.parse_scale,
        }
        value = self.parsed(label, raw, readers[key])
        if value is None:
            return
        if key == "age":
            self.content.setdefault("age_min", value[0])
            self.content.setdefault("age_max", value[1])
        else:
            self.content[key] = value

    def check_ages(self) -> None:
        low, high = self.content.get("age_min"), self.content.get("age_max")
        if low is not None and high is not None and low > high:
            self.warn(
                labels.UNIT_LABELS["age"],
                _("de leeftijd van (%(low)d) is hoger dan de leeftijd tot (%(high)d).")
                % {"low": low, "high": high},
            )
            del self.content["age_min"], self.content["age_max"]

    def texts(self) -> None:
        texts = self.sections.texts
        for key in TEXT_SECTIONS:
            text = self.text(texts.get(key, []))
            if text:
                self.content[key] = self.capped(labels.UNIT_LABELS[key], text, MAX_FIELD_CHARS)
        deepening = self.text(
            texts.get(labels.DEEPENING.key, []) + texts.get(labels.FURTHER.key, [])
        )
        if deepening:
            self.content["deepening"] = self.capped(
                labels.DEEPENING.text, deepening, MAX_FIELD_CHARS
            )
        for key in ("what_works", "improvements"):
            lines = [values.strip_bullet(line) for p in texts.get(key, []) for line in p.lines]
            items = self.items(labels.UNIT_LABELS[key], [line for line in lines if line])
            if items:
                self.content[key] = items

    def links(self) -> None:
        links: dict[str, dict[str, str]] = {}
        for para in self.sections.texts.get(labels.LINKS.key, []):
            reader = partial(values.parse_link, targets=para.links)
            for line in para.lines:
                link = self.parsed(labels.LINKS.text, line, reader)
                if link and link["url"] not in links:
                    link["title"] = self.capped(labels.LINKS.text, link["title"], MAX_NAME_CHARS)
                    links[link["url"]] = link
        if links:
            self.content["links"] = list(links.values())[:MAX_ITEMS]
            if len(links) > MAX_ITEMS:
                self.too_many(labels.LINKS.text)

    def too_many(self, label: Any) -> None:
        self.warn(
            label, _("alleen de eerste %(limit)d punten zijn overgenomen.") % {"limit": MAX_ITEMS}
        )

    def people(self) -> None:
        for scope, rows in (
            (labels.CONTACT.key, labels.CONTACT_ROWS),
            (labels.APPROVER.key, labels.APPROVER_ROWS),
        ):
            person: dict[str, str] = {}
            for row in rows:
                label = f"{labels.UNIT_LABELS[scope]} – {row.text}"
                value = self.person_value(
                    row.key, label, self.sections.rows[scope].get(row.key, [])
                )
                if value:
                    person[row.key] = value
            if person:
                self.content[scope] = person

    def person_value(self, key: str, label: str, paragraphs: list[Para]) -> str | None:
        raw = " ".join(line for p in paragraphs for line in p.lines)
        targets = [link for p in paragraphs for link in p.links]
        if key == "url" and targets and not values.URL_RE.search(raw):
            raw = targets[0]  # a linked text such as "our contact page"
        if not raw:
            return None
        if key == "email":
            return self.parsed(label, raw, values.parse_email)
        if key == "url":
            return self.parsed(label, raw, values.parse_url)
        if key == "phone" and len(re.findall(r"\d", raw)) < 6:
            self.warn(
                label, _("'%(value)s' is geen telefoonnummer.") % {"value": truncate(raw, 60)}
            )
            return None
        return self.capped(label, raw, NAME_LIMITS.get(key, MAX_NAME_CHARS))

    def elements(self) -> None:
        elements: dict[str, dict[str, Any]] = {}
        for spec in self.vocabulary.elements:
            paragraphs = self.sections.texts.get(ELEMENT_PREFIX + spec.key)
            if paragraphs is None:
                continue
            present, explanation = self.element_answer(spec.display_title, paragraphs)
            if present is None and explanation:
                self.warn(
                    spec.display_title,
                    _(
                        "niet ingevuld of het element aanwezig is; omdat er een toelichting "
                        "staat, is 'ja' aangenomen."
                    ),
                )
                present = True
            if present is not None:
                explanation = self.capped(spec.display_title, explanation, MAX_FIELD_CHARS)
                elements[spec.key] = {"present": present, "explanation": explanation}
        if elements:
            self.content["elements"] = elements
        explained = [e for e in elements.values() if e["present"] and e["explanation"]]
        if len(explained) < ELEMENT_THRESHOLD:
            self.warnings.append(
                _(
                    "%(count)d van de %(total)d elementen zijn aanwezig en toegelicht; de "
                    "voorbeelden in de bank laten er minstens %(threshold)d zien. U kunt het toch "
                    "insturen; de redactie kijkt er dan extra naar."
                )
                % {
                    "count": len(explained),
                    "total": len(self.vocabulary.elements),
                    "threshold": ELEMENT_THRESHOLD,
                }
            )

    def element_answer(self, label: str, paragraphs: list[Para]) -> tuple[bool | None, str]:
        present: bool | None = None
        explanation: list[Para] = []
        for para in paragraphs:
            lines = para.lines
            prefix, colon, answer = lines[0].partition(":") if lines else ("", "", "")
            if colon and self.vocabulary.is_present_label(prefix):
                answer, said = values.split_answer(answer)
                present = self.parsed(label, answer, values.parse_presence)
                rest = [said, *lines[1:]] if said else lines[1:]
            elif self.vocabulary.is_present_label(lines[0]):
                rest = lines[1:]
            elif (
                present is None
                and not explanation
                and len(lines) == 1
                and len(lines[0]) <= 12
                and self.quiet_presence(lines[0]) is not None
            ):
                present = self.quiet_presence(lines[0])
                rest = []
            else:
                rest = lines
            if rest:
                explanation.append(Para("\n".join(rest)))
        return present, self.text(explanation)

    @staticmethod
    def quiet_presence(line: str) -> bool | None:
        """A lone 'ja' or 'nee' where the presence line was removed."""
        try:
            return values.parse_presence(line)
        except values.Invalid:
            return None

    def build(self) -> dict[str, Any]:
        self.facts()
        self.texts()
        self.elements()
        self.links()
        self.people()
        return self.content
