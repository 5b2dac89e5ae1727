"""Only members of a project see its material: every research view against every persona."""

import pytest
from django.test import Client
from django.urls import reverse

from .conftest import logged_in
from .factories import (
    CandidateContactFactory,
    InterviewContactFactory,
    ProjectMemberFactory,
    ResearchProjectFactory,
)

pytestmark = pytest.mark.django_db

PERSONAS = ["anonymous", "visitor", "outsider", "member", "lead", "beheerder"]


@pytest.fixture
def world(project, member, lead, outsider, visitor_account, beheerder):
    contact = InterviewContactFactory(
        interview__candidate__project=project,
        interview__candidate__name="Moedercafé De Linde",
    )
    interview = contact.interview
    candidate = interview.candidate
    CandidateContactFactory(candidate=candidate)
    users = {
        "visitor": visitor_account,
        "outsider": outsider,
        "member": member,
        "lead": lead,
        "beheerder": beheerder,
    }
    clients = {"anonymous": Client(), **{name: logged_in(user) for name, user in users.items()}}
    return {"project": project, "candidate": candidate, "interview": interview, "clients": clients}


OBJECT_VIEWS = [
    ("research_project:board", "project"),
    ("research_project:members", "project"),
    ("research_candidate:edit", "candidate"),
    ("research_candidate:state", "candidate"),
    ("research_candidate:delete", "candidate"),
    ("research_candidate:history", "candidate"),
    ("research_interview:edit", "interview"),
    ("research_interview:consent", "interview"),
    ("research_interview:recordings", "interview"),
    ("research_interview:delete", "interview"),
]


def assert_sent_to_login(response):
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def assert_refused(response):
    """Wagtail's admin answers a PermissionDenied with a message on the dashboard."""
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(("view", "target"), OBJECT_VIEWS)
def test_only_members_and_beheer_open_a_projects_material(world, persona, view, target):
    obj = world[target]
    response = world["clients"][persona].get(reverse(view, args=[obj.pk]))
    if persona in ("anonymous", "visitor"):
        assert_sent_to_login(response)
    elif persona == "outsider":
        assert response.status_code == 404
    else:
        assert response.status_code == 200
        assert "Moedercafé De Linde" in response.content.decode() or target == "project"


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(
    "view", ["research_project:index", "research_candidate:index", "research_interview:index"]
)
def test_listings_show_only_the_users_projects(world, persona, view):
    response = world["clients"][persona].get(reverse(view))
    if persona in ("anonymous", "visitor"):
        assert_sent_to_login(response)
        return
    assert response.status_code == 200
    html = response.content.decode()
    shown = "Voorbeelden 2025" in html or "Moedercafé De Linde" in html
    assert shown is (persona != "outsider")


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_lead_and_beheer_edit_the_project(world, persona):
    response = world["clients"][persona].get(
        reverse("research_project:edit", args=[world["project"].pk])
    )
    expected = {"outsider": 404, "lead": 200, "beheerder": 200}
    if persona in ("anonymous", "visitor"):
        assert_sent_to_login(response)
    elif persona == "member":
        assert_refused(response)
    else:
        assert response.status_code == expected[persona]


@pytest.mark.parametrize("persona", ["outsider", "member"])
def test_only_the_lead_adds_members(world, persona, django_user_model):
    newcomer = django_user_model.objects.create_user(username="nieuw", password="x")
    response = world["clients"][persona].post(
        reverse("research_project:members", args=[world["project"].pk]),
        {"user": newcomer.pk, "role": "coder"},
    )
    if persona == "outsider":
        assert response.status_code == 404
    else:
        assert_refused(response)
    assert not world["project"].members.filter(user=newcomer).exists()


def test_the_lead_adds_and_removes_a_member(world, django_user_model):
    newcomer = django_user_model.objects.create_user(username="nieuw", password="x")
    client = world["clients"]["lead"]
    url = reverse("research_project:members", args=[world["project"].pk])
    response = client.post(url, {"user": newcomer.pk, "role": "coder"})
    assert response.status_code == 302
    membership = world["project"].members.get(user=newcomer)
    assert membership.role == "coder"
    again = client.post(url, {"user": newcomer.pk, "role": "coder"})
    assert again.status_code == 400
    client.post(
        reverse("research_project:remove_member", args=[world["project"].pk, membership.pk])
    )
    assert not world["project"].members.filter(user=newcomer).exists()
    actions = world["project"].log.values_list("action", flat=True)
    assert {"lid_toegevoegd", "lid_verwijderd"} <= set(actions)


@pytest.mark.parametrize("persona", ["outsider", "member"])
def test_outsiders_cannot_move_a_candidate(world, persona):
    candidate = world["candidate"]
    response = world["clients"][persona].post(
        reverse("research_candidate:state", args=[candidate.pk]),
        {"action": "afvallen", "afvallen-reason": "Geen tijd"},
    )
    candidate.refresh_from_db()
    if persona == "outsider":
        assert response.status_code == 404
        assert candidate.state == "akkoord"
    else:
        assert response.status_code == 302
        assert candidate.state == "afgevallen"


def test_the_research_menu_is_shown_to_editors(world):
    html = world["clients"]["member"].get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("research_project:index") in html
    outsider = world["clients"]["outsider"].get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("research_project:index") in outsider
    beheer = world["clients"]["beheerder"].get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("research_candidate:index") in beheer


def test_the_create_form_offers_only_the_users_projects(world, outsider):
    own = ResearchProjectFactory(name="Eigen project van de buitenstaander")
    ProjectMemberFactory(project=own, user=outsider)
    html = world["clients"]["outsider"].get(reverse("research_candidate:add")).content.decode()
    assert "Eigen project van de buitenstaander" in html
    assert "Voorbeelden 2025" not in html
