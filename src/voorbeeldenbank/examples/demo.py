"""Load the site's pages and the report's 13 examples as demo content (idempotent)."""

from pathlib import Path
from typing import Any

from wagtail.models import Page

from voorbeeldenbank.core.demo import Log, ensure_child, ensure_site
from voorbeeldenbank.core.models import TablePage

from .constants import InterviewRole
from .format import ExampleContent
from .format.writing import apply_content
from .indexing import reindex_all
from .models import (
    EditorialNote,
    ExampleIndexPage,
    ExamplePage,
    ImprovementTheme,
    InterviewRecord,
    Place,
    TargetGroup,
    Topic,
)

EXAMPLES_DIR = Path(__file__).resolve().parent / "demo_content"

TARGET_GROUPS = [
    ("ouders", "Ouders", "Parents"),
    ("kinderen", "Kinderen", "Children"),
    ("jongeren", "Jongeren", "Young people"),
    ("gezinnen", "Gezinnen", "Families"),
    ("professionals", "Professionals", "Professionals"),
]
TOPICS = [
    ("opvoeden", "Opvoeden", "Parenting"),
    ("eenzaamheid", "Eenzaamheid", "Loneliness"),
    ("psychische_klachten", "Psychische klachten", "Mental-health complaints"),
    ("armoede", "Armoede", "Poverty"),
    ("lvb", "Licht verstandelijke beperking", "Mild intellectual disability"),
    ("onderwijs", "Onderwijs", "Education"),
    ("sociaal_netwerk", "Sociaal netwerk", "Social network"),
    ("toekomst_werk", "Toekomst en werk", "Future and work"),
    ("gezondheid", "Gezondheid", "Health"),
    ("nieuwkomers", "Nieuwkomers", "Newcomers"),
]
THEMES = [
    ("bekendheid_vergroten", "Bekendheid vergroten", "Raising awareness"),
    (
        "vaders_betrekken",
        "Vaders en andere opvoeders betrekken",
        "Involving fathers and other carers",
    ),
    (
        "anderstaligen_bereiken",
        "Anderstaligen en nieuwkomers bereiken",
        "Reaching speakers of other languages and newcomers",
    ),
    ("vrijwilligers_werven", "Vrijwilligers werven", "Recruiting volunteers"),
    ("structurele_financiering", "Structurele financiering", "Structural funding"),
    ("effecten_zichtbaar_maken", "Effecten zichtbaar maken", "Making effects visible"),
    ("samenwerking_versterken", "Samenwerking versterken", "Strengthening cooperation"),
]
TABLE_PAGES = [
    (
        "quadrant",
        "kwadrant",
        "Kwadrant: informeel–formeel en individueel–collectief",
        "Quadrant: informal–formal and individual–collective",
    ),
    ("matrix", "elementenmatrix", "Elementenmatrix", "Element matrix"),
    ("interviews", "interviews", "Interviews per voorbeeld", "Interviews per example"),
]
# The places of the demo examples: the controlled vocabulary of places, alphabetical.
PLACES = [
    ("amsterdam", "Amsterdam", "Amsterdam"),
    ("amsterdam-en-omstreken", "Amsterdam en omstreken", "Amsterdam and surroundings"),
    ("delft", "Delft", "Delft"),
    ("den-bosch", "Den Bosch", "Den Bosch"),
    ("den-haag", "Den Haag", "Den Haag"),
    ("eindhoven", "Eindhoven", "Eindhoven"),
    ("gouda", "Gouda", "Gouda"),
    ("haaglanden", "Haaglanden", "Haaglanden"),
    ("hollands-midden", "Hollands Midden", "Hollands Midden"),
    ("katwijk", "Katwijk", "Katwijk"),
    ("landelijk", "Landelijk", "Nationwide"),
    ("lansingerland", "Lansingerland", "Lansingerland"),
    ("leiden", "Leiden", "Leiden"),
    ("midden-holland", "Midden-Holland", "Midden-Holland"),
    ("pijnacker-nootdorp", "Pijnacker-Nootdorp", "Pijnacker-Nootdorp"),
    ("rijnland", "Rijnland", "Rijnland"),
    ("rotterdam", "Rotterdam", "Rotterdam"),
    ("rotterdam-rijnmond", "Rotterdam Rijnmond", "Rotterdam Rijnmond"),
    ("rotterdam-zuid", "Rotterdam-Zuid", "Rotterdam-Zuid"),
    ("schiedam", "Schiedam", "Schiedam"),
    ("vlaardingen", "Vlaardingen", "Vlaardingen"),
    ("zoetermeer", "Zoetermeer", "Zoetermeer"),
    ("zuid-holland-west", "Zuid-Holland West", "Zuid-Holland West"),
    ("zwolle", "Zwolle", "Zwolle"),
]


def load_terms(model, rows) -> dict[str, object]:
    terms = {}
    for order, (key, title, title_en) in enumerate(rows):
        terms[key], _ = model.objects.update_or_create(
            key=key, defaults={"title": title, "title_en": title_en, "sort_order": order}
        )
    return terms


class DemoExample(ExampleContent):
    """A demo file: the example in the format, and what the redactie keeps beside it."""

    slug: str
    editorial_notes: list[str] = []
    interview: dict[str, Any] | None = None


def read_examples() -> list[DemoExample]:
    return [
        DemoExample.model_validate_json(path.read_text(encoding="utf-8"))
        for path in sorted(EXAMPLES_DIR.glob("*.json"))
    ]


def load_example(catalogue: Page, data: DemoExample) -> ExamplePage:
    page = ExamplePage.objects.filter(slug=data.slug).first()
    is_new = page is None
    if page is None:
        page = ExamplePage(slug=data.slug)
    apply_content(page, data)
    page.editorial_notes = [
        EditorialNote(text=text, sort_order=i) for i, text in enumerate(data.editorial_notes)
    ]
    if is_new:
        catalogue.add_child(instance=page)
    page.save_revision().publish()
    if data.interview:
        InterviewRecord.objects.update_or_create(
            example=page,
            defaults={
                **{
                    role.value: role.value in data.interview.get("roles", [])
                    for role in InterviewRole
                },
                "mode": data.interview["mode"],
            },
        )
    return page


def load(log: Log = lambda message: None) -> list[ExamplePage]:
    """The site's pages and the report's examples (the vision must be loaded first)."""
    examples = read_examples()
    load_terms(TargetGroup, TARGET_GROUPS)
    load_terms(Topic, TOPICS)
    load_terms(ImprovementTheme, THEMES)
    load_terms(Place, PLACES)
    home = ensure_site()
    catalogue = ensure_child(
        home,
        ExampleIndexPage,
        "voorbeelden",
        title="Voorbeelden",
        title_en="Examples",
        intro=(
            "Zoek in de praktijkvoorbeelden. Combineer filters om voorbeelden te vinden "
            "die passen bij uw vraag."
        ),
        intro_en=(
            "Search the practice examples. Combine filters to find examples that fit your "
            "question. The examples are written in Dutch."
        ),
    )
    for table, slug, title, title_en in TABLE_PAGES:
        ensure_child(home, TablePage, slug, title=title, title_en=title_en, table=table)
    pages = []
    for data in examples:
        page = load_example(catalogue, data)
        pages.append(page)
        log(f"{page.title}")
    reindex_all()
    return pages
