"""Regular patterns for what deduce misses or gets wrong in interview reports.

Every pattern stays on one line (spaces and tabs, never `\\s`), so replacing a span never joins or
splits lines.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .categories import Category

WS = " \t\u00a0"
SP = f"[{WS}]"
MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
MONTH_ABBREVIATIONS = "jan|feb|febr|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec"
WEEKDAYS = "maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag"


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    category: Category
    priority: int


EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")

# A Dutch number: national (0…), international (+31 / 0031, with an optional "(0)") or with the
# area code in brackets. The digits are checked afterwards: ten national digits.
PHONE = re.compile(
    rf"(?<![\w+])(?:(?:\+|00){SP}?31{SP}?(?:\(0\){SP}?)?[-{WS}]?|\(0\d{{1,3}}\){SP}?|0)"
    rf"\d(?:[\d{WS}\-]|\.(?=\d)){{6,16}}\d"
)

BSN = re.compile(
    rf"(?<![\w.\-])(?:\d{{9}}|\d{{4}}\.\d{{2}}\.\d{{3}}|\d{{3}}[.{WS}]\d{{3}}[.{WS}]\d{{3}})"
    r"(?![\w\-]|[.,]\d)"
)

POSTCODE = re.compile(rf"(?<![\w\-])[1-9]\d{{3}}{SP}?(?!SA|SD|SS)[A-Z]{{2}}(?![\w\-])")

STREET_SUFFIX = (
    "straat|laan|weg|plein|gracht|kade|singel|dijk|hof|pad|steeg|park|dreef|plantsoen|markt"
    "|baan|wal|veld|erf|akker|burg|boulevard|passage|poort|haven|hout|rade|ring|lei|zoom|wetering"
    "|vaart|oord|kwartier|tuin|tuinen|bosch|straatje|laantje|pleintje|hoek|berg|donk|brink"
)
PARTICLES = "van|de|der|den|het|'t|te|ter|ten|op|in|aan|bij|en"
NUMBER = rf"\d{{1,4}}(?:{SP}?[a-zA-Z](?![\w]))?(?:[-/]\d{{1,3}}|{SP}(?:hs|bis|huis|I{{1,3}}))?"
ADDRESS = re.compile(
    # "Burgemeester de Monchyplein 3", "Van Beuningenlaan 4a", "Laan van Meerdervoort 233-II"
    rf"(?<![\w-])(?:[A-Z][\w'.-]*{SP}(?:(?:{PARTICLES}){SP})*)*"
    rf"(?:[A-Z][\w'-]*(?:{STREET_SUFFIX})"
    rf"|(?:Laan|Plein|Kade|Singel|Dijk|Burgwal|Oude|Nieuwe){SP}(?:(?:{PARTICLES}){SP})*[A-Z][\w'-]*)"
    rf"{SP}{NUMBER}(?![\w])"
)

DAY = r"(?:0?[1-9]|[12]\d|3[01])"
DATE_WORDS = re.compile(
    rf"(?<![\w-]){DAY}(?:e|ste|de)?{SP}(?:(?:{MONTHS})(?![\w])|(?:{MONTH_ABBREVIATIONS})(?:\.|(?![\w])))(?:{SP}(?:'\d{{2}}|(?:19|20)\d{{2}}))?(?![\w])",
    re.IGNORECASE,
)
DATE_NUMERIC = re.compile(
    rf"(?<![\w/.\-]){DAY}([-/.])(?:0?[1-9]|1[0-2])\1(?:(?:19|20)\d{{2}}|\d{{2}})(?![\w/\-]|\.\d)"
    r"|(?<![\w/.\-])(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\w/\-])"
)

_AGE_NUMBER = r"(?:1[01]\d|\d{1,2})"
# "is 12 jaar", "(43 jaar)", "van 15 jaar oud", "de 16-jarige": an age by its verb or form;
# "al 12 jaar" and "sinds 3 jaar" are durations and are left alone.
AGE_YEARS = re.compile(
    rf"(?:\b(?:is|was|ben|bent|werd|wordt|worden|zijn|waren|nu|pas|amper|net|van|leeftijd|"
    rf"oud|toen){SP}|\()"
    rf"(?P<age>{_AGE_NUMBER}{SP}?(?:jaar(?:{SP}oud)?|jr\.?))(?![\w])"
    rf"|(?<![\w-])(?P<form>{_AGE_NUMBER}{SP}?(?:jaar{SP}oud|-?jarige?n?))(?![\w])",
    re.IGNORECASE,
)
KIN = (
    "zoon|zoontje|dochter|dochtertje|kind|kindje|kinderen|jongen|jongetje|meisje|meid|broer"
    "|broertje|zus|zusje|tweeling|tiener|baby|peuter|kleuter|jongere|puber|knul|jongens|meisjes"
)
# "zoon van 7", "kinderen van 3 en 5": every number in the list is an age.
AGE_KIN = re.compile(
    rf"(?<![\w])(?:{KIN}){SP}van{SP}((?:{_AGE_NUMBER}(?:{SP}?(?:,|en|&){SP}?)?)+)(?:{SP}jaar)?",
    re.IGNORECASE,
)
AGE_BRACKET = re.compile(rf"(?<=[A-Za-zÀ-ÿ]{SP}\()\d{{1,2}}(?=\))")


def elfproef(digits: str) -> bool:
    """The BSN check: 9·d1 + 8·d2 + … + 2·d8 − d9 is a multiple of 11 (and not all zeros)."""
    if len(digits) != 9 or not digits.isdigit() or digits == "0" * 9:
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True))
    return (total - int(digits[8])) % 11 == 0


def national_digits(number: str) -> str:
    """0612345678 for "+31 (0)6 1234 5678", "0031 6-12345678" and "06-12345678"."""
    compact = number.replace("(0)", "")
    digits = re.sub(r"\D", "", compact)
    if compact.lstrip().startswith("+31") or digits.startswith("0031"):
        digits = "0" + digits[4 if digits.startswith("0031") else 2 :]
    return digits


def _phones(text: str) -> Iterator[Candidate]:
    for match in PHONE.finditer(text):
        value = match.group()
        # Shrink at group boundaries until ten national digits remain ("06-12345678 2023").
        while value:
            digits = national_digits(value)
            if len(digits) == 10 and digits.startswith("0") and digits[1] != "0":
                yield Candidate(match.start(), match.start() + len(value), Category.TELEFOON, 8)
                break
            cut = max(value.rfind(" "), value.rfind("-"), value.rfind("\t"), value.rfind("."))
            if cut <= 0 or len(digits) < 10:
                break
            value = value[:cut].rstrip(" -.\t")


def _ages(text: str) -> Iterator[Candidate]:
    for match in AGE_YEARS.finditer(text):
        group = "age" if match.group("age") else "form"
        yield Candidate(match.start(group), match.end(group), Category.LEEFTIJD, 6)
    for match in AGE_BRACKET.finditer(text):
        yield Candidate(match.start(), match.end(), Category.LEEFTIJD, 6)
    for match in AGE_KIN.finditer(text):
        offset = match.start(1)
        for number in re.finditer(r"\d+", match.group(1)):
            end = offset + number.end()
            if number.end() == len(match.group(1).rstrip(" ,&en")) and match.group().endswith(
                "jaar"
            ):
                end = match.end()
            yield Candidate(offset + number.start(), end, Category.LEEFTIJD, 6)


def find(text: str) -> list[Candidate]:
    found: list[Candidate] = []
    found += [Candidate(m.start(), m.end(), Category.EMAIL, 9) for m in EMAIL.finditer(text)]
    found += _phones(text)
    found += [
        Candidate(m.start(), m.end(), Category.BSN, 8)
        for m in BSN.finditer(text)
        if elfproef(re.sub(r"\D", "", m.group()))
    ]
    found += [Candidate(m.start(), m.end(), Category.POSTCODE, 7) for m in POSTCODE.finditer(text)]
    found += [Candidate(m.start(), m.end(), Category.ADRES, 7) for m in ADDRESS.finditer(text)]
    found += [Candidate(m.start(), m.end(), Category.DATUM, 6) for m in DATE_WORDS.finditer(text)]
    found += [Candidate(m.start(), m.end(), Category.DATUM, 6) for m in DATE_NUMERIC.finditer(text)]
    found += _ages(text)
    return found
