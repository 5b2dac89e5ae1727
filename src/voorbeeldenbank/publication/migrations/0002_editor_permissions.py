"""Let Wagtail's editorial groups build editions, see them, and edit the report's chapters."""

from django.db import migrations

from voorbeeldenbank.core.migration_operations import grant_to_editors

PERMISSIONS = {
    "publication": [
        "add_editionbuild",
        "view_editionbuild",
        "view_edition",
        "change_reportchapter",
        "view_reportchapter",
    ]
}


class Migration(migrations.Migration):
    dependencies = [
        ("publication", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [grant_to_editors(PERMISSIONS)]
