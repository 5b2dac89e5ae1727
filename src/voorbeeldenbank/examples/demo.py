"""Load the report's vision and 13 examples as demo content (idempotent)."""

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.text import slugify
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from voorbeeldenbank.core.models import Element, HomePage, TablePage
from voorbeeldenbank.lexicon.demo import load_lexicon
from voorbeeldenbank.publication.demo import load_chapters

from .indexing import reindex_all
from .models import (
    DeliveryRole,
    EditorialNote,
    ExampleContact,
    ExampleElement,
    ExampleIndexPage,
    ExampleLink,
    ExampleOrganisation,
    ExamplePage,
    ImprovementPoint,
    ImprovementTheme,
    InterviewRecord,
    Place,
    ReachFigure,
    TargetGroup,
    Topic,
    WhatWorksPoint,
)

ELEMENTS_FILE = Path(__file__).resolve().parent.parent / "core" / "demo_content" / "elements.json"
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
# Places whose Dutch name is not also their English one.
PLACE_NAMES_EN = {
    "Landelijk": "Nationwide",
    "Amsterdam en omstreken": "Amsterdam and surroundings",
}


def load_terms(model, rows) -> dict[str, object]:
    terms = {}
    for order, (key, title, title_en) in enumerate(rows):
        terms[key], _ = model.objects.update_or_create(
            key=key, defaults={"title": title, "title_en": title_en, "sort_order": order}
        )
    return terms


def load_elements() -> dict[str, Element]:
    rows = json.loads(ELEMENTS_FILE.read_text(encoding="utf-8"))
    elements = {}
    for order, row in enumerate(rows):
        elements[row["key"]], _ = Element.objects.update_or_create(
            key=row["key"],
            defaults={
                "title": row["title"],
                "title_en": row.get("title_en", ""),
                "short_title": row.get("short_title", ""),
                "short_title_en": row.get("short_title_en", ""),
                "summary": row["summary"],
                "summary_en": row.get("summary_en", ""),
                "sort_order": order,
            },
        )
    return elements


def ensure_root() -> Page:
    """The page tree's root; a database flushed by a transactional test has none."""
    root = Page.get_first_root_node()
    if root is None:
        Locale.objects.get_or_create(
            language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
        )
        root = Page.add_root(instance=Page(title="Root", slug="root"))
    return root


def ensure_site() -> HomePage:
    home = HomePage.objects.first()
    if home is None:
        root = ensure_root()
        # Wagtail's initial migration creates a placeholder welcome page; replace it.
        for child in root.get_children():
            if child.specific_class is Page:
                Site.objects.filter(root_page=child).delete()
                child.delete()
        home = HomePage(
            title="Voorbeeldenbank Normaliseren",
            slug="home",
            intro=(
                "Een levende verzameling praktijkvoorbeelden van normaliseren in de zorg voor "
                "jeugd: zoeken, filteren, vergelijken en de overzichtstabellen bekijken."
            ),
            intro_en=(
                "A living collection of practice examples of normalising youth care: search, "
                "filter, compare, and view the overview tables."
            ),
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": "localhost",
            "port": 80,
            "root_page": home,
            "site_name": "Voorbeeldenbank Normaliseren",
        },
    )
    return home


def ensure_child(parent: Page, model, slug: str, **fields) -> Page:
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def read_examples() -> list[dict]:
    return [
        json.loads(path.read_text(encoding="utf-8")) for path in sorted(EXAMPLES_DIR.glob("*.json"))
    ]


def ordered(items: list) -> list:
    """Number orderable children explicitly; without it their order is up to the database."""
    for position, item in enumerate(items):
        item.sort_order = position
    return items


def apply_example(page: ExamplePage, data: dict, refs: dict) -> None:
    page.title = data["name"]
    page.short_name = data["short_name"]
    page.kind = data["kind"]
    page.since_year = data.get("since_year")
    page.target_group = data.get("target_group", "")
    page.age_min = data.get("age_min")
    page.age_max = data.get("age_max")
    page.formality = data["formality"]
    page.scale = data["scale"]
    page.summary = data["summary"]
    page.deepening = data.get("deepening", "")
    page.for_whom = data.get("for_whom", "")
    page.by_whom = data.get("by_whom", "")
    page.what_is_needed = data.get("what_is_needed", "")
    page.basis = data.get("basis", "")
    effectiveness = data.get("effectiveness") or {}
    page.effectiveness_status = effectiveness.get("status", "")
    page.effectiveness_url = effectiveness.get("url") or ""
    page.last_checked = (
        date.fromisoformat(data["last_checked"]) if data.get("last_checked") else None
    )
    page.organisations = ordered(
        [ExampleOrganisation(name=name) for name in data.get("organisations", [])]
    )
    page.reach_figures = ordered(
        [ReachFigure(label=r["label"], value=str(r["value"])) for r in data.get("reach", [])]
    )
    page.delivery_roles = ordered(
        [DeliveryRole(role=role) for role in data.get("delivered_by", [])]
    )
    page.example_elements = ordered(
        [
            ExampleElement(element=refs["elements"][key], explanation=text)
            for key, text in sorted(
                data["elements"].items(), key=lambda kv: refs["elements"][kv[0]].sort_order
            )
        ]
    )
    page.what_works = ordered([WhatWorksPoint(text=text) for text in data.get("what_works", [])])
    page.improvements = ordered(
        [
            ImprovementPoint(text=point["text"], theme=refs["themes"].get(point.get("theme") or ""))
            for point in data.get("improvements", [])
        ]
    )
    links = data.get("links", [])
    page.links = ordered(
        [ExampleLink(title=link["title"], url=link["url"]) for link in links if link.get("url")]
    )
    page.contacts = ordered(
        [
            ExampleContact(
                name=c.get("name") or "",
                organisation=c.get("organisation") or "",
                role=c.get("role") or "",
                email=c.get("email") or "",
                phone=c.get("phone") or "",
                url=c.get("url") or "",
                is_public=bool(c.get("is_public")),
            )
            for c in data.get("contacts", [])
        ]
    )
    notes = list(data.get("editorial_notes", []))
    # The report prints some links as a title only; keep them for the redactie to complete.
    notes += [
        f"Link zonder webadres in het rapport: {link['title']}"
        for link in links
        if not link.get("url")
    ]
    page.editorial_notes = ordered([EditorialNote(text=text) for text in notes])
    page.target_groups = [refs["targets"][key] for key in data.get("target_groups", [])]
    page.topics = [refs["topics"][key] for key in data.get("topics", [])]
    page.places = [refs["places"][slugify(name)] for name in data.get("places", [])]


def load_places(examples: list[dict]) -> dict[str, Place]:
    names = sorted({name for data in examples for name in data.get("places", [])})
    return dict(
        zip(
            [slugify(name) for name in names],
            load_terms(
                Place, [(slugify(name), name, PLACE_NAMES_EN.get(name, name)) for name in names]
            ).values(),
            strict=True,
        )
    )


@transaction.atomic
def load(log: Callable[[str], None] = lambda message: None) -> list[ExamplePage]:
    examples = read_examples()
    refs = {
        "elements": load_elements(),
        "targets": load_terms(TargetGroup, TARGET_GROUPS),
        "topics": load_terms(Topic, TOPICS),
        "themes": load_terms(ImprovementTheme, THEMES),
        "places": load_places(examples),
    }
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
        page = ExamplePage.objects.filter(slug=data["slug"]).first()
        if page is None:
            page = ExamplePage(slug=data["slug"])
            apply_example(page, data, refs)
            catalogue.add_child(instance=page)
        else:
            apply_example(page, data, refs)
        page.save_revision().publish()
        interview = data.get("interview") or {}
        if interview:
            InterviewRecord.objects.update_or_create(
                example=page,
                defaults={
                    **{
                        role: role in interview.get("roles", [])
                        for role in (
                            "ouder_jeugdige",
                            "vrijwilliger",
                            "professional",
                            "coordinator",
                            "beleid",
                        )
                    },
                    "mode": interview["mode"],
                },
            )
        pages.append(page)
        log(f"{page.title}")
    load_chapters()
    load_lexicon()
    reindex_all()
    return pages
