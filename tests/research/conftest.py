"""Research personas on top of tests/conftest.py: a member of the project (a redacteur), a
redacteur who is not a member, and the project's lead."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client

from .factories import ProjectMemberFactory, ResearchProjectFactory


def editor(django_user_model, username: str):
    user = django_user_model.objects.create_user(
        username=username, email=f"{username}@example.org", password="wachtwoord"
    )
    user.groups.add(Group.objects.get(name="Editors"))
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


@pytest.fixture
def project(db):
    return ResearchProjectFactory(name="Voorbeelden 2025")


@pytest.fixture
def lead(django_user_model, project):
    user = editor(django_user_model, "projectleider")
    ProjectMemberFactory(project=project, user=user, lead=True)
    return user


@pytest.fixture
def member(django_user_model, project):
    user = editor(django_user_model, "interviewer")
    ProjectMemberFactory(project=project, user=user)
    return user


@pytest.fixture
def outsider(django_user_model):
    """A redacteur with the research permission who is not a member of the project."""
    return editor(django_user_model, "buitenstaander")


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def member_client(member) -> Client:
    return logged_in(member)


@pytest.fixture
def lead_client(lead) -> Client:
    return logged_in(lead)


@pytest.fixture
def outsider_client(outsider) -> Client:
    return logged_in(outsider)
