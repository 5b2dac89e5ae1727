"""Dutch-looking words for synthetic examples, ranked roughly by how common they are.

Three layers give a realistic distribution of lemmas over the index: a head of domain words
(gezin/gezinnen, kind/kinderen, ouders, jongeren, ...) that most examples use, the words of
the project's own demo texts, and a long tail from simplemma's Dutch dictionary that any one
example uses only a few of.
"""

import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO_DIRS = [
    ROOT / "src" / "voorbeeldenbank" / "examples" / "demo_content",
    ROOT / "src" / "voorbeeldenbank" / "core" / "demo_content",
]

# The head: inflected forms on purpose, so that lemmatising has work to do.
DOMAIN_WORDS = """
gezin gezinnen kind kinderen ouder ouders jongere jongeren jeugdige jeugdigen vader vaders
moeder moeders opvoeder opvoeders opvoeden opvoeding opgroeien opgroeit steun steunen
ondersteuning ondersteuner ondersteuners vrijwilliger vrijwilligers vrijwilligerswerk
professional professionals hulpverlener hulpverleners hulp hulpvraag hulpvragen zorg zorgen
wijk wijken buurt buurten buurtgenoten school scholen leerkracht leerkrachten leraar leraren
klas klassen gemeente gemeenten wijkteam wijkteams jeugdhulp jeugdzorg jeugdgezondheidszorg
consultatiebureau huisarts huisartsen praktijk praktijken netwerk netwerken sociaal sociale
informeel informele formeel formele laagdrempelig laagdrempelige drempel toegang gelijkwaardig
gelijkwaardigheid vraag vragen behoefte behoeften context omgeving positief positieve sterk
sterke kracht krachten talent talenten normaal normale twijfel twijfels kwetsbaar
kwetsbaarheid problematiseren medicaliseren gewoon gewone leven dagelijks dagelijkse
samen samenwerken samenwerking verbinding contact contacten gesprek gesprekken groep groepen
bijeenkomst bijeenkomsten activiteit activiteiten training trainingen begeleiding begeleiden
coördinator coördinatoren maatje maatjes mentor mentoren coach coaches coaching traject
trajecten aanpak methode programma programma's interventie interventies initiatief
initiatieven project projecten beleid beleidsmaker beleidsmakers wethouder financiering
subsidie vertrouwen veilig veilige plek plekken thuis huis huizen spelen spel spelletjes
baby baby's peuter peuters kleuter kleuters puber pubers tiener tieners leeftijd leeftijden
ervaring ervaringen ervaringsdeskundige ervaringsdeskundigen eenzaamheid eenzaam armoede
schulden geld werk baan opleiding stage toekomst zelfstandig zelfstandigheid weerbaar
weerbaarheid psychisch psychische klacht klachten stress spanning spanningen angst somber
gezondheid gezond sport sporten bewegen voeding slapen taal taalles nieuwkomer nieuwkomers
anderstalig anderstalige cultuur culturen migratie statushouder statushouders beperking
licht verstandelijk echtscheiding scheiding ruzie conflict conflicten mantelzorg
grootouder grootouders familie familieleden vriend vrienden vriendin buren buurvrouw
buurman welzijn welzijnswerk jongerenwerk jongerenwerker jongerenwerkers opbouwwerk
buurthuis buurthuizen inloop inloopochtend koffie ochtend middag avond week weken maand
maanden jaar jaren regio landelijk lokaal lokale partner partners organisatie organisaties
signaleren luisteren praten delen leren groeien meedoen meedenken aansluiten aansluiting
vertrouwd vertrouwde betrokken betrokkenheid eigen regie keuze kiezen wensen wens doel
doelen resultaat resultaten effect effecten onderzoek evaluatie bekendheid werving
""".split()

STOPWORDS = """
de het een en of in op aan van voor met door bij naar om te tot uit als dat die dit deze is
zijn wordt worden er ook niet wel nog maar dan zo hun ze we je u al meer veel
""".split()

TOKEN_RE = re.compile(r"[^\W\d_]{3,}", re.UNICODE)


def demo_words() -> list[str]:
    """Words of the project's own demo texts, most frequent first."""
    counts: dict[str, int] = {}

    def walk(value: object) -> None:
        if isinstance(value, str):
            for word in TOKEN_RE.findall(value.lower()):
                counts[word] = counts.get(word, 0) + 1
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for folder in DEMO_DIRS:
        for path in sorted(folder.glob("*.json")):
            walk(json.loads(path.read_text(encoding="utf-8")))
    return sorted(counts, key=lambda word: (-counts[word], word))


def tail_words(count: int, rng: random.Random) -> list[str]:
    """A fixed random sample of plain words from simplemma's Dutch dictionary."""
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    dictionary = DefaultDictionaryFactory().get_dictionary("nl")
    words = sorted(
        word for word in dictionary if 4 <= len(word) <= 14 and word.isalpha() and word.islower()
    )
    return rng.sample(words, min(count, len(words)))


def ranked_vocabulary(rng: random.Random, tail: int = 40_000) -> list[str]:
    seen: set[str] = set(STOPWORDS)
    ranked: list[str] = []
    for word in [*DOMAIN_WORDS, *demo_words(), *tail_words(tail, rng)]:
        if word not in seen:
            seen.add(word)
            ranked.append(word)
    return ranked
