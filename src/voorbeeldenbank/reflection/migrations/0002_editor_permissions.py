"""The redactie edits the scan's statements and discussion questions (Reflectiescan)."""

from django.db import migrations

from voorbeeldenbank.core.migration_operations import grant_to_editors

PERMISSIONS = {
    "reflection": [
        f"{action}_{model}"
        for model in ("statement", "discussionquestion")
        for action in ("add", "change", "delete", "view")
    ],
}


class Migration(migrations.Migration):
    dependencies = [
        ("reflection", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [grant_to_editors(PERMISSIONS)]
