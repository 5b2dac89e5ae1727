"""Let Wagtail's editorial groups open the research menu; what they see there depends on
project membership (research/access.py)."""

from django.db import migrations

from voorbeeldenbank.core.migration_operations import grant_to_editors

PERMISSIONS = {
    "research": [
        "access_research",
        "add_researchproject",
        "change_researchproject",
        "view_researchproject",
        "add_candidate",
        "change_candidate",
        "delete_candidate",
        "view_candidate",
        "add_interview",
        "change_interview",
        "delete_interview",
        "view_interview",
    ]
}


class Migration(migrations.Migration):
    dependencies = [
        ("research", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [grant_to_editors(PERMISSIONS)]
