"""The result's legend, the "Vervang" buttons and the rewritten text; the categories explained."""

from voorbeeldenbank.lexicon.constants import CATEGORY_EXPLANATIONS, Category

URL = "/taalcheck/"


def result_html(client, text: str) -> str:
    return client.post(URL, {"text": text}).content.decode()


def test_the_result_has_a_legend_for_every_category(lexicon, client):
    html = result_html(client, "Het probleemgezin kreeg een diagnose.")

    legend = html.split('class="lexicon-legend"')[1].split("</section>")[0]
    for category in Category:
        assert f'lexicon-mark--{category.value}">{category.label}</mark>' in legend
        assert str(CATEGORY_EXPLANATIONS[category]) in legend
    assert "lexicon-mark--vervangen" in legend


def test_a_replaceable_finding_offers_each_alternative(lexicon, client):
    html = result_html(client, "Twee zorgmijders.")

    assert 'aria-label="Vervang „zorgmijders”"' in html
    assert 'data-finding="1" data-text="ouder die (nog) geen contact wil"' in html
    assert "Vervang door „iemand die (nog) geen contact wil”" in html
    assert "Kopieer de herschreven tekst" in html
    assert '<script src="/static/js/taalcheck.js" defer></script>' in html


def test_an_advice_only_finding_offers_no_replacement(lexicon, client):
    html = result_html(client, "Voor de training is een diagnose nodig.")

    assert "herschrijf de zin zelf" in html
    assert "Vervang door" not in html
    assert 'class="lexicon-replace"' not in html


def test_findings_elsewhere_have_no_replace_buttons(lexicon):
    from django.template.loader import render_to_string

    from voorbeeldenbank.lexicon.check import check_text

    html = render_to_string(
        "lexicon/_findings.html", {"findings": check_text("Twee zorgmijders.").findings}
    )

    assert "zorgmijders" in html
    assert "Vervang door" not in html


def test_a_text_without_findings_has_no_legend(lexicon, client):
    html = result_html(client, "In mijn kindertijd speelde ik buiten.")

    assert "lexicon-legend" not in html
    assert "taalcheck-rewrite" not in html


def test_the_lexicon_page_explains_the_categories(lexicon, client):
    html = client.get("/lexicon/").content.decode()

    assert "Wat betekenen de categorieën?" in html
    for category in Category:
        assert f'id="categorie-{category.value}"' in html
        assert str(CATEGORY_EXPLANATIONS[category]) in html


def test_an_entry_page_explains_its_category_and_an_advice_only_entry_says_so(lexicon, client):
    html = client.get("/lexicon/diagnose/").content.decode()

    assert str(CATEGORY_EXPLANATIONS[Category.MEDICALISEREND]) in html
    assert "herschrijf de zin zelf" in html
    assert "Probeer liever" not in html
    assert "Probeer liever" in client.get("/lexicon/zorgmijder/").content.decode()
