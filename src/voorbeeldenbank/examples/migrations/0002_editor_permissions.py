"""Give Wagtail's editorial groups the rights to manage the catalogue's snippets."""

from django.db import migrations

from voorbeeldenbank.core.migration_operations import grant_to_editors

PERMISSIONS = {
    "core": ["change_element", "view_element"],
    "examples": [
        f"{action}_{model}"
        for model in ("targetgroup", "topic", "place", "improvementtheme", "interviewrecord")
        for action in ("add", "change", "view")
    ],
}


class Migration(migrations.Migration):
    dependencies = [
        ("examples", "0001_initial"),
        ("core", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [grant_to_editors(PERMISSIONS)]
