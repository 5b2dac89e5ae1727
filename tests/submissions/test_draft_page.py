"""The draft example page made from an accepted submission."""

import pytest

from .factories import SubmissionFactory

pytestmark = pytest.mark.django_db


def test_the_basis_of_the_description_names_no_internal_id(demo_content):
    submission = SubmissionFactory(accepted=True)
    page = submission.example_page
    assert page.basis.startswith("Ingestuurd via het formulier")
    assert str(submission.pk) not in page.basis
    assert "inzending" not in page.basis.lower()


def with_content(state: str, **changes):
    from .factories import complete_content

    return SubmissionFactory(**{state: True}, content={**complete_content(), **changes})


def test_places_match_the_vocabulary_whatever_the_case_and_accents(redacteur, demo_content):
    from voorbeeldenbank.examples.models import Place
    from voorbeeldenbank.submissions.workflow import accept

    before = Place.objects.count()
    submission = with_content("in_review", places=["zoetermeer", "Dén  Haag", "ZOETERMEER"])
    accept(submission, redacteur)
    submission.refresh_from_db()
    assert [p.key for p in submission.example_page.places.all()] == ["den-haag", "zoetermeer"]
    assert Place.objects.count() == before


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("Ouders met een baby in de wijk", {"ouders"}),
        ("Jongeren en hun gezinnen", {"jongeren", "gezinnen"}),
        ("Elke ouder die twijfelt", {"ouders"}),
        ("Buurtbewoners", set()),
    ],
)
def test_target_groups_are_found_in_the_submitters_description(text, keys, demo_content):
    submission = with_content("accepted", target_group=text)
    assert {g.key for g in submission.example_page.target_groups.all()} == keys


def test_an_unknown_place_waits_for_the_redactie_to_confirm_it(redacteur_client, demo_content):
    from voorbeeldenbank.examples.models import Place
    from voorbeeldenbank.submissions.constants import State

    from .actions import post_step

    submission = with_content("in_review", places=["Zoetermeer", "Bleiswijk"])
    screen = redacteur_client.get(f"/admin/inzendingen/{submission.pk}/").content.decode()
    assert 'data-testid="place-proposals"' in screen
    assert 'value="Bleiswijk"' in screen
    response = post_step(redacteur_client, submission, State.AKKOORD_REDACTIE)
    follow = redacteur_client.get(response["Location"]).content.decode()
    assert "Bevestig eerst de nieuwe plaatsen (Bleiswijk)" in follow
    submission.refresh_from_db()
    assert (submission.state, submission.example_page) == (State.IN_BEHANDELING, None)
    assert not Place.objects.filter(title="Bleiswijk").exists()

    redacteur_client.post(f"/admin/inzendingen/{submission.pk}/plaatsen/", {"place": "Bleiswijk"})
    titles = [place.title for place in Place.objects.all()]
    assert "Bleiswijk" in titles
    assert titles == sorted(titles, key=str.casefold)
    post_step(redacteur_client, submission, State.AKKOORD_REDACTIE)
    submission.refresh_from_db()
    places = [place.title for place in submission.example_page.places.all()]
    assert sorted(places) == ["Bleiswijk", "Zoetermeer"]


def test_a_new_place_goes_where_it_belongs_alphabetically(demo_content):
    from voorbeeldenbank.examples.models import Place
    from voorbeeldenbank.submissions.taxonomy import create_places

    create_places(["Alphen aan den Rijn", "Zwijndrecht", "Ámsterdam-Noord"])
    titles = [place.title for place in Place.objects.all()]
    assert titles.index("Alphen aan den Rijn") < titles.index("Amsterdam")
    assert titles[-1] == "Zwolle"
    assert titles.index("Zwijndrecht") < titles.index("Zwolle")
    assert titles.index("Amsterdam en omstreken") < titles.index("Ámsterdam-Noord")
    # A name the vocabulary already has is not made twice.
    assert create_places(["zwijndrecht"]) == []


@pytest.mark.parametrize("who", ["anonymous_client", "visitor_client"])
def test_only_the_redactie_may_create_places(who, request, demo_content):
    from voorbeeldenbank.examples.models import Place

    submission = with_content("in_review", places=["Bleiswijk"])
    client = request.getfixturevalue(who)
    response = client.post(f"/admin/inzendingen/{submission.pk}/plaatsen/", {"place": "Bleiswijk"})
    assert response.status_code in (302, 403)
    assert not Place.objects.filter(title="Bleiswijk").exists()


@pytest.mark.parametrize("consent", [True, False])
def test_the_contact_is_public_only_with_the_submitters_consent(consent, demo_content):
    from .factories import complete_content

    contact = {**complete_content()["contact"], "is_public": consent}
    submission = with_content("accepted", contact=contact)
    assert submission.example_page.contacts.get().is_public is consent
