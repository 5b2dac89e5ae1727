from django.db import migrations

from voorbeeldenbank.core.migration_operations import grant_to_editors

# The redactie sees which e-mails were not delivered and can send them again.
PERMISSIONS = {"core": ["view_outgoingemail", "change_outgoingemail"]}


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_outgoing_email"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [grant_to_editors(PERMISSIONS)]
