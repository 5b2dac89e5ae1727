"""Let Wagtail's editorial groups build editions, see them, and edit the report's chapters."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORIAL_GROUPS = ("Editors", "Moderators")
PERMISSIONS = [
    "add_editionbuild",
    "view_editionbuild",
    "view_edition",
    "change_reportchapter",
    "view_reportchapter",
]


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; this one needs them now.
    app_config = apps.get_app_config("publication")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="publication", codename__in=PERMISSIONS
    )
    for name in EDITORIAL_GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("publication", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
