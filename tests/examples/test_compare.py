from voorbeeldenbank.examples.basket import MAX_COMPARE, SESSION_KEY


def test_the_basket_is_kept_in_the_links_when_a_filter_changes(demo_content, client):
    html = client.get("/voorbeelden/?v=ease&v=pinkies&formality=informeel").content.decode()
    assert "Vergelijken (2)" in html
    assert 'name="v" value="ease" form="catalogue-form"' in html
    assert "/vergelijk/?v=ease&amp;v=pinkies" in html


def test_the_session_restores_the_basket_on_an_address_without_it(demo_content, client):
    client.get("/voorbeelden/?v=ease&v=pinkies")
    assert client.session[SESSION_KEY] == ["ease", "pinkies"]
    response = client.get("/voorbeelden/?kind=programma")
    assert "Vergelijken (2)" in response.content.decode()
    # Built from the session: the reader's own page, not for a shared cache.
    assert "private" in response["Cache-Control"]


def test_an_empty_v_empties_the_basket(demo_content, client):
    client.get("/voorbeelden/?v=ease&v=pinkies")
    html = client.get("/voorbeelden/?v=").content.decode()
    assert "Vergelijken (0)" in html
    assert SESSION_KEY not in client.session


def test_a_page_with_the_basket_in_its_address_stays_cacheable(demo_content, client):
    response = client.get("/voorbeelden/?v=ease&v=pinkies")
    assert "private" not in response.get("Cache-Control", "")


def test_the_basket_holds_at_most_four(demo_content, client):
    slugs = ["ease", "pinkies", "giz", "buurtgezinnen", "ouderkamer"]
    query = "&".join(f"v={s}" for s in slugs)
    html = client.get(f"/voorbeelden/?{query}").content.decode()
    assert f"Vergelijken ({MAX_COMPARE})" in html
    assert "maximaal 4" in html
    assert client.session[SESSION_KEY] == slugs[:MAX_COMPARE]


def test_bad_slugs_are_refused_with_a_message(demo_content, client):
    response = client.get("/vergelijk/?v=ease&v=bestaat-niet&v=%00%3Cx&v=pinkies")
    assert response.status_code == 200
    html = response.content.decode()
    assert "2 gekozen voorbeelden bestaan niet (meer)" in html
    assert html.count('scope="col"') == 2


def test_only_differences_hides_the_rows_that_are_the_same(demo_content, client):
    full = client.get("/vergelijk/?v=ease&v=pinkies").content.decode()
    diff = client.get("/vergelijk/?v=ease&v=pinkies&verschillen=1").content.decode()
    assert "Alleen verschillen tonen" in full
    assert diff.count('scope="row"') < full.count('scope="row"')
    assert "voor alle voorbeelden gelijk" in diff


def test_rows_empty_for_every_example_are_hidden(demo_content, client):
    from voorbeeldenbank.examples.compare import EMPTY, Group, Row, shown_groups

    groups = [Group("A", [Row("leeg", [EMPTY, EMPTY]), Row("vol", [EMPTY, EMPTY.__class__("x")])])]
    kept, _same = shown_groups(groups)
    assert [row.label for row in kept[0].rows] == ["vol"]
    html = client.get("/vergelijk/?v=ease&v=pinkies").content.decode()
    for row in html.split('<th scope="row">')[1:]:
        cells = row.split("</tr>")[0]
        assert cells.count("<td>–</td>") < cells.count("<td>")
