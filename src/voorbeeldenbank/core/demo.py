"""Demo content: each app loads its own part; `load()` runs them in order (idempotent).

The vision (the eight elements) is core's own part. Apps register their loader in their
AppConfig.ready(), so this module needs to know none of them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from .models import (
    AccessibilityEvaluation,
    AccessibilityIssue,
    AccessibilityStatementPage,
    ContactSettings,
    Element,
    HomePage,
    InfoPage,
    PrivacyPage,
)

DEMO_DIR = Path(__file__).resolve().parent / "demo_content"
ELEMENTS_FILE = DEMO_DIR / "elements.json"
SITE_PAGES_FILE = DEMO_DIR / "site_pages.json"

Log = Callable[[str], None]


@dataclass(frozen=True)
class Loader:
    name: str
    load: Callable[[Log], Any]
    order: int


_loaders: dict[str, Loader] = {}


def register(name: str, load: Callable[[Log], Any], *, order: int) -> None:
    """Add an app's loader; a lower order runs first. Registering a name again replaces it."""
    _loaders[name] = Loader(name, load, order)


@transaction.atomic
def load(log: Log = lambda message: None) -> dict[str, Any]:
    """Every app's demo content, in order; returns what each loader returned, by name."""
    return {
        loader.name: loader.load(log)
        for loader in sorted(_loaders.values(), key=lambda loader: loader.order)
    }


def load_elements(log: Log = lambda message: None) -> dict[str, Element]:
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


def load_site_pages(log: Log = lambda message: None) -> HomePage:
    """The home page and the pages a public site must have (about, contact, privacy,
    accessibility), with the contact details they show. Existing pages are left as edited."""
    data = json.loads(SITE_PAGES_FILE.read_text(encoding="utf-8"))
    home = ensure_site()
    site = Site.objects.get(is_default_site=True)
    ContactSettings.objects.get_or_create(site=site, defaults=data["contact"])
    for fields in data["info_pages"]:
        ensure_child(home, InfoPage, show_in_menus=True, **fields)
    ensure_child(home, PrivacyPage, show_in_menus=True, **data["privacy"])
    statement = dict(data["accessibility"])
    statement["statement_date"] = date.fromisoformat(statement["statement_date"])
    evaluations = [
        {**row, "evaluated_on": date.fromisoformat(row["evaluated_on"])}
        for row in statement.pop("evaluations")
    ]
    issues = statement.pop("issues")
    if (
        not AccessibilityStatementPage.objects.child_of(home)
        .filter(slug=statement["slug"])
        .exists()
    ):
        page = AccessibilityStatementPage(show_in_menus=True, **statement)
        page.evaluations.add(*(AccessibilityEvaluation(**row) for row in evaluations))
        page.issues.add(*(AccessibilityIssue(**row) for row in issues))
        home.add_child(instance=page)
        page.save_revision().publish()
    log("site pages")
    return home


register("elements", load_elements, order=0)
register("site", load_site_pages, order=10)
