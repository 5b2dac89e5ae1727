"""Read one typed value (year, age, kind, yes/no, web or e-mail address) from plain text.

Each reader returns the value or raises `Invalid` with a short, translated reason; the parser
puts the field's label in front of it and leaves the field unset.
"""

from __future__ import annotations

import re
from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from voorbeeldenbank.examples.constants import AGE_MAX, AGE_MIN, Formality, Kind, Scale

from .cleaning import label_key, truncate

FIRST_YEAR = 1900
MAX_URL_LENGTH = 500
MAX_EMAIL_LENGTH = 254

URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"'“”‘’]+", re.IGNORECASE)
_BULLET_RE = re.compile(r"^(?:[-*•·‣◦▪▫■□●○–—>]+|\(?\d{1,3}[.)]|\(?[a-z][.)](?=\s))\s*")
_AGE_WORDS_RE = re.compile(r"\b(?:jaar|jaren|years?|yrs?|j|old)\b\.?", re.IGNORECASE)
_RANGE_WORDS_RE = re.compile(
    r"^\s*(?:van|vanaf|from)\b|\b(?:tot en met|t/m|tot|to|until|till)\b|[–—]", re.IGNORECASE
)
_ANSWER_RE = re.compile(r"\s*(ja|nee|neen|yes|no|x)[\s,.:;–—-]+(\w.*)", re.IGNORECASE | re.DOTALL)
_YEAR_WORDS_RE = re.compile(r"\b(?:sinds|since|vanaf|from|in|ca|circa)\b\.?", re.IGNORECASE)

KIND_WORDS = {
    "programma": Kind.PROGRAMMA,
    "programme": Kind.PROGRAMMA,
    "program": Kind.PROGRAMMA,
    "interventie": Kind.INTERVENTIE,
    "intervention": Kind.INTERVENTIE,
    "initiatief": Kind.INITIATIEF,
    "initiative": Kind.INITIATIEF,
    "project": Kind.PROJECT,
    "beleid": Kind.BELEID,
    "policy": Kind.BELEID,
}
_OUTSIDE = {"geen", "none", "nvt", "nietvantoepassing", "notapplicable", "na"}
_OUTSIDE |= {"buitenhetkwadrant", "outsidethequadrant", "buitenkwadrant", "outside"}
_MIX = {"mix", "mixed", "gemengd", "beide", "allebei", "both", "combinatie", "combination"}
FORMALITY_WORDS = {
    Formality.INFORMEEL: {"informeel", "informal"},
    Formality.FORMEEL: {"formeel", "formal"},
}
SCALE_WORDS = {
    Scale.INDIVIDUEEL: {"individueel", "individual", "eenopeen", "1op1", "onetoone", "1to1"},
    Scale.COLLECTIEF: {"collectief", "collective", "groep", "groepen", "group", "groups"},
}
YES_WORDS = {"ja", "j", "yes", "y", "x", "wel", "waar", "true", "aanwezig", "present"}
YES_WORDS |= {"✓", "✔", "☑", "☒", "v"}
NO_WORDS = {"nee", "neen", "n", "no", "niet", "not", "false", "onwaar", "afwezig", "absent"}
NO_WORDS |= {"☐", "✗", "✘", "-"}


class Invalid(Exception):
    def __init__(self, message: str | Promise) -> None:
        super().__init__(message)
        self.message = message


def _shown(value: str) -> str:
    return truncate(value, 60)


def _out_of_range(value: int, low: int, high: int) -> Invalid:
    return Invalid(
        _("%(value)s ligt niet tussen %(low)d en %(high)d.")
        % {"value": value, "low": low, "high": high}
    )


def parse_year(raw: str) -> int:
    text = _YEAR_WORDS_RE.sub(" ", raw).strip(" .")
    if not re.fullmatch(r"\d{4}", text):
        raise Invalid(_("'%(value)s' is geen jaartal.") % {"value": _shown(raw)})
    year, last = int(text), date.today().year + 1
    if not FIRST_YEAR <= year <= last:
        raise _out_of_range(year, FIRST_YEAR, last)
    return year


def _ages(raw: str, allow_range: bool) -> tuple[int, int]:
    text = _AGE_WORDS_RE.sub(" ", raw)
    if allow_range:
        text = _RANGE_WORDS_RE.sub("-", text)
    match = re.fullmatch(r"\s*(-?\s*\d{1,3})\s*(?:-+\s*(\d{1,3}))?\s*", text)
    if not match or (match.group(2) and not allow_range):
        raise Invalid(_("'%(value)s' is geen leeftijd in jaren.") % {"value": _shown(raw)})
    low = int(match.group(1).replace(" ", ""))
    high = int(match.group(2) or low)
    for age in (low, high):
        if not AGE_MIN <= age <= AGE_MAX:
            raise _out_of_range(age, AGE_MIN, AGE_MAX)
    return low, high


def parse_age(raw: str) -> int:
    return _ages(raw, allow_range=False)[0]


def parse_age_range(raw: str) -> tuple[int, int]:
    """'4-12', '4 tot 12 jaar', 'van 0 t/m 18': a single age is a range of one year."""
    return _ages(raw, allow_range=True)


def parse_kind(raw: str) -> str:
    words = {label_key(word) for word in re.findall(r"\w+", raw)}
    words |= {label_key(raw)}
    found = {str(kind) for word, kind in KIND_WORDS.items() if word in words}
    found |= {str(choice.value) for choice in Kind if label_key(str(choice.label)) in words}
    if len(found) != 1:
        raise Invalid(
            _("'%(value)s' is geen bekende soort; kies uit %(choices)s.")
            % {"value": _shown(raw), "choices": ", ".join(Kind.values)}
        )
    return found.pop()


def _parse_dimension(raw: str, words_by_value: dict[str, set[str]], choices: str) -> str:
    whole = label_key(raw)
    words = {label_key(word) for word in re.findall(r"[\w/-]+", raw)} | {whole}
    if whole in _OUTSIDE or (words & _OUTSIDE and not words & _MIX):
        return "none"
    found = {value for value, synonyms in words_by_value.items() if words & synonyms}
    if len(found) == 2 or (words & _MIX):
        return "mix"
    if len(found) == 1:
        return found.pop()
    raise Invalid(
        _("'%(value)s' niet herkend; kies uit %(choices)s.")
        % {"value": _shown(raw), "choices": choices}
    )


def parse_formality(raw: str) -> str:
    choices = format_lazy("{}, {}, {}", _("informeel"), _("formeel"), _("mix"))
    return _parse_dimension(raw, {str(k): v for k, v in FORMALITY_WORDS.items()}, str(choices))


def parse_scale(raw: str) -> str:
    choices = format_lazy("{}, {}, {}", _("individueel"), _("collectief"), _("mix"))
    return _parse_dimension(raw, {str(k): v for k, v in SCALE_WORDS.items()}, str(choices))


def parse_presence(raw: str) -> bool | None:
    """True/False for a clear answer; None while the template's 'ja/nee' is left as it was."""
    tokens = set(re.findall(r"[^\W_]+|[✓✔☑☒☐✗✘-]", raw.casefold()))
    if not tokens:
        return None
    yes, no = tokens & YES_WORDS, tokens & NO_WORDS
    if {"niet", "not"} & tokens and not {"ja", "yes"} & tokens:
        return False
    if yes and not no:
        return True
    if no and not yes:
        return False
    if yes and no and len(tokens) == 2:
        return None
    raise Invalid(_("'%(value)s' niet herkend; schrijf ja of nee.") % {"value": _shown(raw)})


def split_answer(raw: str) -> tuple[str, str]:
    """'Ja, want ouders helpen elkaar' -> ('Ja', 'want ouders helpen elkaar')."""
    match = _ANSWER_RE.match(raw)
    if match:
        return match.group(1), match.group(2).strip()
    return raw.strip(), ""


def parse_url(raw: str) -> str:
    value = raw.strip().strip("<>()[]").rstrip(".,;:")
    if value.casefold().startswith("www."):
        value = f"https://{value}"
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        raise Invalid(_("'%(value)s' is geen geldig webadres.") % {"value": _shown(raw)}) from None
    if len(value) > MAX_URL_LENGTH:
        raise Invalid(_("'%(value)s' is geen geldig webadres.") % {"value": _shown(raw)})
    return value


def parse_email(raw: str) -> str:
    value = raw.strip().strip("<>")
    if value.casefold().startswith("mailto:"):
        value = value[len("mailto:") :]
    try:
        validate_email(value)
    except ValidationError:
        raise Invalid(
            _("'%(value)s' is geen geldig e-mailadres.") % {"value": _shown(raw)}
        ) from None
    if len(value) > MAX_EMAIL_LENGTH:
        raise Invalid(_("'%(value)s' is geen geldig e-mailadres.") % {"value": _shown(raw)})
    return value


def strip_bullet(line: str) -> str:
    return _BULLET_RE.sub("", line, count=1).strip()


def parse_link(line: str, targets: tuple[str, ...]) -> dict[str, str]:
    """'Title – https://…' (or only an address, or a Word hyperlink) as {'title', 'url'}."""
    match = URL_RE.search(line)
    if match:
        address = match.group(0).rstrip(".,;:)")
        title = line[: match.start()] + " " + line[match.end() :]
    elif targets:
        address, title = targets[0], line
    else:
        raise Invalid(_("geen webadres gevonden in '%(value)s'.") % {"value": _shown(line)})
    url = parse_url(address)
    title = strip_bullet(title).strip(" -–—:|•()[]").strip()
    return {"title": title or url.split("://", 1)[-1].rstrip("/"), "url": url}
