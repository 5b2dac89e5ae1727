"""Capitalised words of the field that deduce may take for a name, place or organisation."""

import re

from .patterns import MONTHS, WEEKDAYS

FIELD_WORDS = """
jeugdwet wmo wlz zvw participatiewet cjg jgz ggd ggz jeugdzorg jeugdhulp wijkteam buurtteam
sociaal wijkteam ouder ouders moeder vader kind kinderen jongere jongeren gezin gezinnen
gemeente gemeenten rijk provincie school scholen basisschool huisarts praktijkondersteuner
poh poh-ggz poh-jeugd jeugdverpleegkundige jeugdarts consultatiebureau voorschool kinderopvang
veilig thuis raad voor de kinderbescherming kinderbescherming jeugdbescherming normaliseren
leernetwerk werkplaats samen pgb mbo hbo wo vo po vmbo havo vwo nji ncj zonmw vng
ouderkamer buurtgezinnen maatjes maatje vrijwilliger vrijwilligers coach coaches mentor
opvoeden opgroeien hoop steun samen thuis welzijn buurthuis buurtcentrum wijk buurt
""".split()

# Words that stand alone in a sentence but are no identifier: months and weekdays without a day,
# the field's capitalised terms.
PROTECTED = frozenset(
    [
        *FIELD_WORDS,
        *MONTHS.split("|"),
        *WEEKDAYS.split("|"),
        *"voorjaar najaar zomer winter lente herfst kerst pasen ramadan".split(),
    ]
)


def is_protected(text: str) -> bool:
    return " ".join(text.split()).casefold().strip(" .,:;") in PROTECTED


# Words that deduce takes as the start of a name: roles and sentence openers before a name
# ("Jeugdverpleegkundige Iris Mulder", "Volgens Marloes").
ROLE = re.compile(
    r"^(?:(?:[\w-]*(?:kundige|werker|coach|medewerker|coördinator|coordinator|begeleider|consulent"
    r"|leider|arts|docent|pedagoog|onderzoeker|vrijwilliger|respondent|interviewer|deelnemer"
    r"|student|leerling|collega|moeder|vader|oma|opa|tante|oom|buurvrouw|buurman|zus|broer"
    r"|zoon|dochter|maatje|mentor|wethouder|directeur|ouder)"
    r"|volgens|ook|toen|dan|maar|want|dus|zegt|vertelt|aldus|met|door|en|of|dat)\s+)+",
    re.IGNORECASE,
)


def leading_role(text: str) -> int:
    """How many characters of role words and openers `text` starts with."""
    match = ROLE.match(text)
    return match.end() if match and match.end() < len(text) else 0
