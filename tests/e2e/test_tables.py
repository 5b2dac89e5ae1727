"""The report's three overview tables, read as a visitor would."""

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_quadrant_lists_every_example_and_pijnacker_nootdorp_apart(page: Page, site):
    from voorbeeldenbank.examples.models import ExamplePage

    page.goto(f"{site}/kwadrant/")

    table = page.locator("table.quadrant")
    expect(table.locator("thead th")).to_have_text(["Informeel", "Formeel"])
    expect(table.locator("tbody th")).to_have_text(["Individueel", "Collectief"])
    informal_individual = table.locator("tbody tr").nth(0).locator("td").nth(0)
    expect(informal_individual.get_by_role("link", name="Buurtgezinnen")).to_be_visible()
    expect(table).not_to_contain_text("Pijnacker")

    outside = page.locator("section", has=page.get_by_role("heading", name="Buiten het kwadrant"))
    expect(outside.get_by_role("link", name="Beleid Gemeente Pijnacker-Nootdorp")).to_be_visible()
    expect(outside).to_contain_text("beleid")

    in_table = table.locator("tbody a").count()
    assert in_table + outside.locator("li").count() == ExamplePage.objects.live().count()


def test_matrix_counts_rows_and_columns(page: Page, site):
    from voorbeeldenbank.examples.models import ExamplePage

    page.goto(f"{site}/elementenmatrix/")
    table = page.locator("table.matrix")
    rows = table.locator("tbody tr")
    expect(rows).to_have_count(13)

    column_totals = [0] * 8
    for index in range(rows.count()):
        row = rows.nth(index)
        marks = row.locator("td.mark")
        expect(marks).to_have_count(8)
        present = ["mark--yes" in (marks.nth(i).get_attribute("class") or "") for i in range(8)]
        column_totals = [total + mark for total, mark in zip(column_totals, present, strict=True)]
        name = row.locator("th").inner_text().strip()
        count = int(re.match(r"\d+", row.locator("td.num").inner_text().strip()).group())
        assert count == sum(present), name
        example = ExamplePage.objects.get(short_name=name)
        assert count == example.example_elements.count(), name
        # Every mark is readable without seeing the tick.
        assert marks.nth(0).locator(".visually-hidden").inner_text() in {
            "aanwezig",
            "niet aanwezig",
        }

    footer = table.locator("tfoot td.mark").all_inner_texts()
    assert [int(value) for value in footer] == column_totals
    pinkies = rows.filter(has=page.get_by_role("link", name="Pinkies", exact=True))
    expect(pinkies.locator("td.num")).to_contain_text("5")
    # Counts without a ranking look: a number per row, no bars.
    expect(table.locator("tbody svg")).to_have_count(0)
    # Column headers break between words, never inside one ("Laagdrempe|lig").
    broken = page.evaluate(
        """() => [...document.querySelectorAll('table.matrix thead th span[aria-hidden]')]
            .flatMap((span) => [...span.childNodes].filter((n) => n.nodeType === 3))
            .flatMap((node) => {
              const words = [];
              const re = /\\S+/g;
              let match;
              while ((match = re.exec(node.textContent))) {
                const range = document.createRange();
                range.setStart(node, match.index);
                range.setEnd(node, match.index + match[0].length);
                const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
                if (lines.size > 1) words.push(match[0]);
              }
              return words;
            })"""
    )
    assert broken == []
    # Short names are written out: in an abbr and in the legend below the table.
    abbreviation = table.locator("tbody th abbr").first
    expect(abbreviation).to_have_attribute("title", re.compile(r"\w{6,}"))
    expect(page.get_by_role("heading", name="Korte namen voluit")).to_be_visible()
    expect(page.get_by_text("Een hoger aantal betekent niet")).to_be_visible()
    chart = page.get_by_role("img", name=re.compile("Aantal voorbeelden per element"))
    expect(chart).to_be_visible()


def test_interviews_table_has_roles_mode_and_totals(page: Page, site):
    from voorbeeldenbank.examples.models import InterviewRecord

    page.goto(f"{site}/interviews/")
    table = page.locator("table.interviews")
    expect(table.locator("thead th")).to_have_text(
        [
            "Voorbeeld",
            "Ouder/jeugdige",
            "Vrijwilliger",
            "Professional",
            "Coördinator",
            "Beleid",
            "Vorm",
            "Aantal rollen",
        ]
    )
    expect(table.locator("tbody tr")).to_have_count(InterviewRecord.objects.count())
    beleid_total = InterviewRecord.objects.filter(beleid=True).count()
    expect(table.locator("tfoot td").nth(4)).to_have_text(str(beleid_total))
    row = table.locator("tbody tr", has=page.get_by_role("link", name="Pijnacker-Nootdorp"))
    expect(row.locator("td").nth(5)).to_have_text("Digitaal")
