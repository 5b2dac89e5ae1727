import re

from voorbeeldenbank.examples.collation import sort_key
from voorbeeldenbank.examples.facets import COLLAPSE_OVER
from voorbeeldenbank.examples.models import Place


def option_input(html: str, name: str, value: str) -> str:
    match = re.search(rf'<input type="checkbox" id="f-{name}-{value}"[^>]*>', html)
    assert match, f"no option {name}={value}"
    return match.group(0)


def test_names_sort_as_a_dutch_reader_expects():
    names = ["Zwolle", "'s-Gravenhage", "Éénhoorn", "amsterdam", "Delft"]
    assert sorted(names, key=sort_key) == [
        "amsterdam",
        "Delft",
        "Éénhoorn",
        "'s-Gravenhage",
        "Zwolle",
    ]


def test_an_option_without_results_is_disabled_but_a_chosen_one_is_not(demo_content, client):
    html = client.get("/voorbeelden/?kind=beleid").content.decode()
    # Only the policy example is "beleid"; it sits outside the quadrant, so no scale applies.
    empty = [
        value
        for value in ("individueel", "collectief", "mix")
        if 'data-count="0"' in html.split(f'id="count-scale-{value}"')[1][:40]
    ]
    assert empty, "expected a scale option with no results"
    for value in empty:
        assert " disabled" in option_input(html, "scale", value)
    html = client.get(f"/voorbeelden/?kind=beleid&scale={empty[0]}").content.decode()
    chosen = option_input(html, "scale", empty[0])
    assert " checked" in chosen
    assert " disabled" not in chosen


def test_places_are_listed_alphabetically_whatever_their_sort_order(demo_content, client):
    Place.objects.create(key="s-gravenhage", title="'s-Gravenhage", sort_order=0)
    html = client.get("/voorbeelden/").content.decode()
    fieldset = html[html.index("<legend>Plaats</legend>") :]
    fieldset = fieldset[: fieldset.index("</fieldset>")]
    titles = dict(Place.objects.values_list("key", "title"))
    # The top options and the folded ones are each in alphabetical order.
    for part in fieldset.split('<details class="facet-more">'):
        names = [titles[k] for k in re.findall(r'id="f-place-([^"]+)"', part)]
        assert names == sorted(names, key=sort_key)
    folded = re.findall(r'id="f-place-([^"]+)"', fieldset.split("<details")[1])
    # Filed under G, not first for its apostrophe: between other places.
    assert 0 < folded.index("s-gravenhage") < len(folded) - 1


def test_a_long_facet_shows_the_top_options_and_folds_the_rest(demo_content, client):
    assert Place.objects.count() > COLLAPSE_OVER
    html = client.get("/voorbeelden/").content.decode()
    fieldset = html[html.index("<legend>Plaats</legend>") :]
    fieldset = fieldset[: fieldset.index("</fieldset>")]
    visible, _, folded = fieldset.partition('<details class="facet-more">')
    assert "Meer tonen" in folded
    assert 0 < visible.count('type="checkbox"') < Place.objects.count()


def test_a_chosen_place_stays_in_view_outside_meer_tonen(demo_content, client):
    html = client.get("/voorbeelden/").content.decode()
    folded = html[html.index('<details class="facet-more">') :]
    key = re.search(r'id="f-place-([^"]+)"', folded).group(1)
    html = client.get(f"/voorbeelden/?place={key}").content.decode()
    fieldset = html[html.index("<legend>Plaats</legend>") :]
    visible = fieldset[: fieldset.index('<details class="facet-more">')]
    assert f'id="f-place-{key}"' in visible


def test_the_age_field_applies_through_htmx(demo_content, client):
    html = client.get("/voorbeelden/").content.decode()
    assert "from:#id_age" in html
