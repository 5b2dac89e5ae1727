"""The redactie manages the search's synonyms (Catalogus > Synoniemen)."""

from django.db import migrations

from voorbeeldenbank.core.migration_operations import grant_to_editors

PERMISSIONS = {
    "examples": [
        f"{action}_searchsynonym" for action in ("add", "change", "delete", "view")
    ],
}


class Migration(migrations.Migration):
    dependencies = [("examples", "0010_passages")]

    operations = [grant_to_editors(PERMISSIONS)]
