"""A quote filed under "Wat werkt?" or "Wat kan er nog beter?" shows on the page even when the
example has no points there yet (a quote placed from the research comes before the points)."""

import pytest
from django.test import Client

from voorbeeldenbank.examples.models import Quote

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("section", "heading", "points"),
    [
        ("wat_werkt", "Wat werkt?", "what_works"),
        ("wat_beter", "Wat kan er nog beter?", "improvements"),
    ],
)
def test_a_quote_opens_its_section_without_points(demo_content, section, heading, points):
    page = demo_content.first()
    getattr(page, points).all().delete()
    before = Client().get(page.url).content.decode()
    assert heading not in before
    Quote.objects.create(
        page=page, text="Hier voelt iedereen zich welkom", speaker_role="ouder", section=section
    )
    after = Client().get(page.url).content.decode()
    assert heading in after
    assert "Hier voelt iedereen zich welkom" in after
