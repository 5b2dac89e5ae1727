"""Let Wagtail's editorial groups keep the lexicon: add, change and delete entries."""

from django.db import migrations

from voorbeeldenbank.core.migration_operations import grant_to_editors

PERMISSIONS = {
    "lexicon": [
        "add_lexiconentry",
        "change_lexiconentry",
        "delete_lexiconentry",
        "view_lexiconentry",
    ]
}


class Migration(migrations.Migration):
    dependencies = [
        ("lexicon", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [grant_to_editors(PERMISSIONS)]
