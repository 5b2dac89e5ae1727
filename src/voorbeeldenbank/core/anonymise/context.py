"""Names recognised by the words around them: "mevrouw Jacobs", "de familie Bouzid",
"basisschool De Regenboog", "woont in Waddinxveen", "2351 AL Leiderdorp", "de Schilderswijk".

These catch names that are in no list; they need a capital and a telling neighbour, so ordinary
words stay.
"""

import re

from .categories import Category
from .patterns import SP, WS, Candidate

CAPITALISED = r"[A-Z][\w'’-]*[a-z][\w'’-]*|[A-Z]{2,}"
NAME_PARTICLES = r"(?:van|de|der|den|ter|ten|te|el|al|la|le|di|da|du|von)"
SURNAME = (
    rf"(?:{NAME_PARTICLES}{SP})*(?:{CAPITALISED})(?:-(?:{NAME_PARTICLES}{SP})?(?:{CAPITALISED}))?"
)
INITIALS = rf"(?:[A-Z]\.{SP}?)+"

TITLED = re.compile(
    rf"(?<![\w])(?:mevrouw|meneer|mevr\.|mw\.|dhr\.|de{SP}heer|juf|juffrouw|meester|familie|fam\.|"
    rf"gezin|Mevrouw|Meneer|Mevr\.|Mw\.|Dhr\.|De{SP}heer|Juf|Juffrouw|Meester|Familie|Fam\.)"
    rf"{SP}(?P<name>(?:{INITIALS})?{SURNAME}|{INITIALS}{SURNAME})"
)
POSSESSIVE_TAIL = re.compile(r"(?:'s|’s|')(?![\w])")

INSTITUTION_TYPES = (
    "basisschool|school|kinderopvang|peuteropvang|peuterspeelzaal|kinderdagverblijf|buurtcentrum"
    "|buurthuis|wijkcentrum|stichting|vereniging|praktijk|huisartsenpraktijk|bibliotheek|moskee"
    "|kerk|zorgboerderij|jeugdcentrum|jongerencentrum|opvang|sportvereniging|voetbalvereniging"
)
NAME_WORDS = (
    rf"(?:(?:de|het|'t|De|Het|'T){SP})?(?:{CAPITALISED})"
    rf"(?:{SP}(?:{CAPITALISED}|&|en|van|de|voor))*?(?:{SP}(?:{CAPITALISED}))?"
)
INSTITUTION_TYPED = re.compile(
    rf"(?<![\w-])(?P<type>(?i:{INSTITUTION_TYPES})){SP}(?P<name>{NAME_WORDS})(?![\w-])"
)
INSTITUTION_SUFFIXED = re.compile(
    rf"(?<![\w-])(?:(?:{CAPITALISED}){SP}){{1,3}}"
    r"(?:College|Lyceum|Gymnasium|Scholengemeenschap|Academie|Instituut|Ziekenhuis|Welzijn"
    r"|Jeugdzorg|Zorggroep|Groep|Kliniek|Foundation|Centrale)(?![\w-])"
)
RESIDENCE = re.compile(
    rf"(?<![\w])(?:woon\w*|wonen|verhuis\w*|verhuisd|opgegroeid|geboren|afkomstig|vandaan|"
    rf"kwam|komt|komen|fietst|reist|rijdt|gevestigd|werkzaam|zit\w*)"
    rf"(?:{SP}(?:\w+{SP}){{0,2}}?)?{SP}(?:in|naar|uit|te){SP}(?:(?:de|het){SP})?"
    rf"(?P<place>(?:{CAPITALISED})(?:[{WS}-](?:aan|den|de|op|{CAPITALISED}))*)"
)
AFTER_POSTCODE = re.compile(
    rf"(?<![\w-])[1-9]\d{{3}}{SP}?[A-Z]{{2}}{SP}+(?P<place>(?:{CAPITALISED})(?:[{WS}-](?:aan|den|de|{CAPITALISED}))*)"
)
NEIGHBOURHOOD = re.compile(
    rf"(?<![\w-])(?:[A-Z][\w'-]*(?:wijk|buurt|kwartier|polder)|(?<=wijk{SP})(?:{CAPITALISED})"
    rf"|(?<=buurt{SP})(?:{CAPITALISED}))(?![\w-])"
)


def find(text: str) -> list[Candidate]:
    found: list[Candidate] = []
    for match in TITLED.finditer(text):
        found.append(Candidate(match.start("name"), match.end("name"), Category.PERSOON, 3))
    for match in INSTITUTION_TYPED.finditer(text):
        typed = match.group("type")
        start = match.start("type") if typed[0].isupper() else match.start("name")
        found.append(Candidate(start, match.end("name"), Category.INSTELLING, 3))
    for match in INSTITUTION_SUFFIXED.finditer(text):
        found.append(Candidate(match.start(), match.end(), Category.INSTELLING, 3))
    for pattern in (RESIDENCE, AFTER_POSTCODE):
        for match in pattern.finditer(text):
            found.append(Candidate(match.start("place"), match.end("place"), Category.LOCATIE, 2))
    for match in NEIGHBOURHOOD.finditer(text):
        found.append(Candidate(match.start(), match.end(), Category.LOCATIE, 2))
    return found
