"""The public /taalcheck/ page: with and without htmx, errors, limits and escaping."""

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from voorbeeldenbank.lexicon.check import check_text

URL = "/taalcheck/"


def test_the_address_is_stable():
    assert reverse("lexicon:taalcheck") == URL


def test_the_empty_form_is_shown_to_anyone(lexicon, client):
    response = client.get(URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert '<textarea name="text" id="id_text"' in html
    assert "csrfmiddlewaretoken" in html
    assert 'hx-post="/taalcheck/"' in html
    assert "htmx" in html  # the script django-htmx ships
    assert 'class="lexicon-findings' not in html


def test_without_javascript_the_whole_page_comes_back_with_marks(lexicon, client):
    text = "De zorgmijders in de wijk.\nGedragsstoornissen komen voor."
    response = client.post(URL, {"text": text})

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>" in html  # the full page
    assert f">{text}</textarea>" in html  # the text stays in the textarea
    assert '<mark class="lexicon-mark lexicon-mark--stigmatiserend">zorgmijders</mark>' in html
    assert (
        '<mark class="lexicon-mark lexicon-mark--medicaliserend">Gedragsstoornissen</mark>' in html
    )
    assert 'href="#bevinding-2"' in html
    assert 'id="bevinding-2"' in html
    assert "2 woorden uit het lexicon gevonden." in html
    assert "Flesch-Douma-score" in html
    assert reverse("lexicon:entry", args=["zorgmijder"]) in html


def test_with_htmx_only_the_result_region_comes_back(lexicon, client):
    response = client.post(URL, {"text": "Een probleemgezin."}, HTTP_HX_REQUEST="true")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>" not in html
    assert "<textarea" not in html
    assert "probleemgezin</mark>" in html
    assert 'id="taalcheck-errors" hx-swap-oob="innerHTML"' in html


def test_a_text_without_lexicon_words_says_so(lexicon, client):
    html = client.post(URL, {"text": "In mijn kindertijd speelde ik buiten."}).content.decode()

    assert "Geen woorden uit het lexicon gevonden." in html
    assert "<mark" not in html


@pytest.mark.parametrize("text", ["", "   \n  "])
def test_an_empty_text_gets_an_error_summary(lexicon, client, text):
    response = client.post(URL, {"text": text})

    html = response.content.decode()
    assert response.status_code == 200
    assert 'role="alert"' in html
    assert "Vul een tekst in om te controleren." in html
    assert 'aria-invalid="true"' in html


def test_an_empty_text_with_htmx_updates_the_error_summary(lexicon, client):
    html = client.post(URL, {"text": ""}, HTTP_HX_REQUEST="true").content.decode()

    assert 'hx-swap-oob="innerHTML"' in html
    assert "Vul een tekst in om te controleren." in html


def test_a_megabyte_of_text_gets_a_413_and_keeps_the_text(lexicon, client):
    text = "woord " * 170_000
    response = client.post(URL, {"text": text})

    assert response.status_code == 413
    html = response.content.decode()
    assert "De tekst is te lang" in html
    assert text[:600] in html  # still in the textarea


def test_a_body_beyond_any_form_gets_a_413_without_being_read(lexicon, client, settings):
    settings.TAALCHECK_MAX_BYTES = 100
    response = client.post(URL, {"text": "x" * 20_000}, HTTP_HX_REQUEST="true")

    assert response.status_code == 413
    assert "De tekst is te lang" in response.content.decode()


def test_the_limit_is_a_setting(lexicon, client, settings):
    settings.TAALCHECK_MAX_BYTES = 50
    assert client.post(URL, {"text": "kort"}).status_code == 200
    assert client.post(URL, {"text": "lang " * 20}).status_code == 413


def test_html_is_shown_as_text_never_run(lexicon, client):
    text = '<script>alert("x")</script><img src=x onerror=alert(1)> probleemgezin'
    html = client.post(URL, {"text": text}).content.decode()

    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "probleemgezin</mark>" in html


def test_binary_garbage_gets_an_answer_not_a_500(lexicon, client):
    raw = bytes(byte for byte in range(1, 256) if byte not in b"&=%+")
    body = b"text=" + raw + b"%FF%FE%C3probleemgezin"
    response = client.post(URL, body, content_type="application/x-www-form-urlencoded")

    assert response.status_code == 200
    assert "probleemgezin</mark>" in response.content.decode()


def test_a_null_character_gets_an_error_message(lexicon, client):
    response = client.post(URL, {"text": "probleemgezin\x00"})

    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()


def test_the_check_is_in_the_site_navigation(lexicon, demo_content, client):
    html = client.get("/").content.decode()

    assert 'href="/taalcheck/"' in html
    assert 'href="/lexicon/"' in html


def test_the_page_exists_in_english(lexicon, client):
    response = client.get("/en/taalcheck/")

    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()


def test_the_findings_include_works_on_its_own(index):
    findings = check_text("Het probleemgezin.", index).findings

    html = render_to_string("lexicon/_findings.html", {"findings": findings})
    empty = render_to_string("lexicon/_findings.html", {"findings": []})

    assert "gezin dat het even zwaar heeft" in html
    assert 'href="/lexicon/probleemgezin/"' in html
    assert 'id="bevinding-' not in html  # ids only where the highlighted text links to them
    assert "Geen woorden uit het lexicon gevonden." in empty


# Limits ---------------------------------------------------------------------------------------


def browser(number: int):
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.cookies[settings.CSRF_COOKIE_NAME] = f"browser{number}".ljust(32, "x")
    return client


def test_a_long_list_of_findings_is_capped_with_a_message(lexicon, client, settings):
    settings.TAALCHECK_MAX_FINDINGS = 5
    response = client.post(URL, {"text": "Een probleemgezin. " * 40})

    html = response.content.decode()
    assert response.status_code == 200
    assert "40 woorden uit het lexicon gevonden." in html
    assert "De tekst heeft 40 woorden uit het lexicon. Alleen de eerste 5 staan hier." in html
    assert html.count('<li class="lexicon-finding"') == 5
    marked_text = html.split('<div class="taalcheck-text">')[1].split("</div>")[0]
    assert marked_text.count("probleemgezin</mark>") == 5
    assert 'href="#bevinding-6"' not in html


def test_a_text_full_of_findings_gives_a_page_of_bounded_size(lexicon, client):
    # About the 195 kB text that once gave a 12.9 MB page.
    text = "De zorgmijders en hun probleemgezinnen. " * 4_800
    response = client.post(URL, {"text": text})

    assert response.status_code == 200
    assert len(response.content) < 3_000_000


def test_checks_are_rate_limited_per_browser_and_keep_the_text(lexicon, settings):
    settings.TAALCHECK_RATE_LIMIT = "2/m"
    first = browser(1)
    assert first.post(URL, {"text": "kort"}).status_code == 200
    assert first.post(URL, {"text": "kort"}).status_code == 200
    response = first.post(URL, {"text": "mijn eigen zin"})

    html = response.content.decode()
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 120
    assert "Probeer het over" in html
    assert ">mijn eigen zin</textarea>" in html
    assert browser(2).post(URL, {"text": "kort"}).status_code == 200


def test_with_htmx_the_refusal_comes_in_the_error_summary(lexicon, settings):
    settings.TAALCHECK_RATE_LIMIT = "1/m"
    first = browser(1)
    first.post(URL, {"text": "kort"}, HTTP_HX_REQUEST="true")
    response = first.post(URL, {"text": "kort"}, HTTP_HX_REQUEST="true")

    assert response.status_code == 429
    assert 'id="taalcheck-errors" hx-swap-oob="innerHTML"' in response.content.decode()
    assert "Probeer het over" in response.content.decode()


def test_many_browsers_behind_one_address_share_the_higher_ceiling(lexicon, settings):
    settings.TAALCHECK_RATE_LIMIT = "1/m"
    settings.TAALCHECK_RATE_LIMIT_PER_IP = "4/m"
    statuses = [browser(n).post(URL, {"text": "kort"}).status_code for n in range(5)]
    assert statuses == [200, 200, 200, 200, 429]
