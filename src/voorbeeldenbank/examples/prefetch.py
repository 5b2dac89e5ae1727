"""Every part of an example's format, prefetched for public output: one query per part.

Only public contacts are fetched, under `public_contacts`: a non-public contact is filtered in
the database and never reaches a serializer or template. Editorial notes and interview records
are never fetched.
"""

from django.db.models import Prefetch

from .models import ExampleContact, ExampleElement, ImprovementPoint, Quote


def public_format_parts() -> list[str | Prefetch]:
    return [
        "organisations",
        "places",
        "target_groups",
        "topics",
        "reach_figures",
        "delivery_roles",
        Prefetch("example_elements", queryset=ExampleElement.objects.select_related("element")),
        "what_works",
        Prefetch("improvements", queryset=ImprovementPoint.objects.select_related("theme")),
        Prefetch("quotes", queryset=Quote.objects.select_related("element")),
        "links",
        Prefetch(
            "contacts",
            queryset=ExampleContact.objects.filter(is_public=True),
            to_attr="public_contacts",
        ),
    ]
