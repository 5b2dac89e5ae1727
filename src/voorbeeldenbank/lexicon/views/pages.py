"""The public lexicon: A–Z, per category, searchable, one page per entry."""

from itertools import groupby

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from voorbeeldenbank.core.text import fold

from ..check import get_index
from ..check.forms import normalise
from ..constants import Category, categories_explained
from ..forms import LexiconSearchForm
from ..models import LexiconEntry


def _matches(entry: LexiconEntry, needle: str, found_slugs: set[str]) -> bool:
    if entry.slug in found_slugs:
        return True
    haystack = fold(" ".join([entry.term, entry.variants, entry.alternatives]))
    return needle in haystack


def search_entries(entries: list[LexiconEntry], query: str) -> list[LexiconEntry]:
    """Entries whose words contain the query, or that the check finds in it ('zorgmijders')."""
    needle = fold(query.strip())
    if not needle:
        return entries
    index = get_index()
    found = {
        info.slug
        for word in needle.split()
        if (info := index.lookup(normalise(word))[0]) is not None
    }
    return [entry for entry in entries if _matches(entry, needle, found)]


def lexicon_index(request: HttpRequest) -> HttpResponse:
    form = LexiconSearchForm(request.GET)
    query = category = ""
    if form.is_valid():
        query = form.cleaned_data["q"]
        category = form.cleaned_data["categorie"]
    if category not in Category.values:
        category = ""
    entries = list(LexiconEntry.objects.order_by("term"))
    counts = dict.fromkeys(Category.values, 0)
    for entry in entries:
        counts[entry.category] += 1
    if category:
        entries = [entry for entry in entries if entry.category == category]
    entries = search_entries(entries, query)
    entries.sort(key=lambda entry: fold(entry.term))
    groups = [
        {"letter": letter, "entries": list(items)}
        for letter, items in groupby(entries, key=lambda entry: entry.initial)
    ]
    categories = [
        {"value": value, "label": label, "count": counts[value], "current": value == category}
        for value, label in Category.choices
    ]
    context = {
        "form": form,
        "query": query,
        "category": category,
        "category_label": Category(category).label if category else "",
        "categories": categories,
        "groups": groups,
        "letters": [group["letter"] for group in groups],
        "total": len(entries),
        "categories_explained": categories_explained(),
    }
    return render(request, "lexicon/lexicon_index.html", context)


def lexicon_entry(request: HttpRequest, slug: str) -> HttpResponse:
    entry = get_object_or_404(LexiconEntry, slug=slug)
    return render(request, "lexicon/lexicon_entry.html", {"entry": entry})
