"""The same original gets the same tag in every text that shares one mapping."""

import json
import re
from typing import TypedDict

from .categories import Category
from .patterns import national_digits

TITLES = re.compile(
    r"^(?:(?:mevrouw|meneer|mevr|mw|mr|dhr|de heer|juf|juffrouw|meester|dokter|dr|ir|drs)\.?\s+)+",
    re.IGNORECASE,
)
POSSESSIVE = re.compile(r"(?:'s|’s|')$")


class MappingDict(TypedDict):
    version: int
    entries: dict[str, dict[str, int]]


def normalise(category: Category, original: str) -> str:
    text = " ".join(original.split()).casefold()
    if category is Category.TELEFOON:
        return national_digits(original)
    if category in (Category.BSN, Category.POSTCODE):
        return re.sub(r"[\s.]", "", text)
    if category is Category.PERSOON:
        text = POSSESSIVE.sub("", TITLES.sub("", text))
    return text.strip(" .,")


class Mapping:
    """Original → number, per category; store it with `to_json()` and load it with `from_json()`."""

    def __init__(self, entries: dict[str, dict[str, int]] | None = None) -> None:
        self.entries: dict[str, dict[str, int]] = {
            category: dict(values) for category, values in (entries or {}).items()
        }

    def tag(self, category: Category, original: str) -> str:
        values = self.entries.setdefault(category.value, {})
        key = normalise(category, original)
        if key not in values and category is Category.PERSOON:
            key = self._same_person(values, key)
        if key not in values:
            values[key] = max(values.values(), default=0) + 1
        return f"[{category.value}-{values[key]}]"

    @staticmethod
    def _same_person(values: dict[str, int], key: str) -> str:
        """ "anouk" or "de wit" after "anouk de wit": the one full name it belongs to, if one."""
        if " " in key and not key.startswith(("de ", "van ")):
            return key
        matches = {
            known
            for known in values
            if " " in known and (known.startswith(key + " ") or known.endswith(" " + key))
        }
        return matches.pop() if len(matches) == 1 else key

    def to_dict(self) -> MappingDict:
        return {"version": 1, "entries": self.entries}

    @classmethod
    def from_dict(cls, data: MappingDict) -> "Mapping":
        return cls(data.get("entries", {}))

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> "Mapping":
        return cls.from_dict(json.loads(text))
