"""“Zet in vergelijking” on an example page: the basket grows, the page stays cacheable."""

from voorbeeldenbank.examples.basket import MAX_COMPARE, SESSION_KEY


def test_the_example_page_offers_the_same_compare_link_to_everyone(demo_content, client):
    response = client.get("/voorbeelden/ease/")
    html = response.content.decode()
    assert 'href="/vergelijk/erbij/ease/"' in html
    # Nothing of the reader's basket is on the page: it may stay in the shared cache.
    assert "private" not in response.get("Cache-Control", "")


def test_the_first_example_goes_back_to_the_catalogue_to_choose_another(demo_content, client):
    response = client.get("/vergelijk/erbij/ease/")
    assert response.status_code == 302
    assert response["Location"] == "/voorbeelden/?v=ease"
    assert client.session[SESSION_KEY] == ["ease"]
    assert "no-store" in response["Cache-Control"]
    html = client.get(response["Location"]).content.decode()
    assert "Vergelijken (1)" in html


def test_the_second_example_opens_the_comparison(demo_content, client):
    client.get("/vergelijk/erbij/ease/")
    response = client.get("/vergelijk/erbij/pinkies/")
    assert response["Location"] == "/vergelijk/?v=ease&v=pinkies"
    assert client.session[SESSION_KEY] == ["ease", "pinkies"]
    page = client.get(response["Location"]).content.decode()
    assert page.count('scope="col"') == 2


def test_adding_an_example_twice_keeps_it_once(demo_content, client):
    client.get("/vergelijk/erbij/ease/")
    client.get("/vergelijk/erbij/pinkies/")
    response = client.get("/vergelijk/erbij/ease/")
    assert response["Location"] == "/vergelijk/?v=ease&v=pinkies"
    assert client.session[SESSION_KEY] == ["ease", "pinkies"]


def test_a_full_basket_says_so_and_keeps_what_it_held(demo_content, client):
    held = ["ease", "pinkies", "giz", "buurtgezinnen"]
    client.get("/voorbeelden/?" + "&".join(f"v={s}" for s in held))
    response = client.get("/vergelijk/erbij/ouderkamer/")
    assert client.session[SESSION_KEY] == held[:MAX_COMPARE]
    html = client.get(response["Location"]).content.decode()
    assert "maximaal 4" in html


def test_an_unknown_or_unpublished_example_is_not_found(demo_content, client):
    from voorbeeldenbank.examples.models import ExamplePage

    assert client.get("/vergelijk/erbij/bestaat-niet/").status_code == 404
    ExamplePage.objects.get(slug="pinkies").unpublish()
    assert client.get("/vergelijk/erbij/pinkies/").status_code == 404
    assert SESSION_KEY not in client.session


def test_only_get_changes_the_basket_this_way(demo_content, client):
    assert client.post("/vergelijk/erbij/ease/").status_code == 405


def test_search_engines_are_asked_to_stay_away(demo_content, client):
    assert "Disallow: /vergelijk/erbij/" in client.get("/robots.txt").content.decode()
