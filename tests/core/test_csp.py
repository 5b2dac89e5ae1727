import pytest

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, list[str]]:
    policy = response.headers["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


def test_public_pages_allow_only_the_sites_own_files(client, demo_content):
    policy = directives(client.get("/voorbeelden/"))

    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]


def test_error_pages_carry_the_policy_too(client, demo_content):
    response = client.get("/bestaat-niet/")

    assert response.status_code == 404
    assert directives(response)["script-src"] == ["'self'"]


def test_admin_screens_get_the_admin_policy(client):
    policy = directives(client.get("/admin/login/"))

    assert "'unsafe-inline'" in policy["style-src"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]
