"""Let Wagtail's editorial groups review submissions (the review queue checks this permission)."""

from django.db import migrations

from voorbeeldenbank.core.migration_operations import grant_to_editors

PERMISSIONS = {"submissions": ["review_submission", "view_submission", "change_submission"]}


class Migration(migrations.Migration):
    dependencies = [
        ("submissions", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [grant_to_editors(PERMISSIONS)]
