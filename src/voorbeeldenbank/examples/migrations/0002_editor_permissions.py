"""Give Wagtail's editorial groups the rights to manage the catalogue's snippets."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORIAL_GROUPS = ("Editors", "Moderators")
PERMISSIONS = {
    "core": ["change_element", "view_element"],
    "examples": [
        f"{action}_{model}"
        for model in ("targetgroup", "topic", "place", "improvementtheme", "interviewrecord")
        for action in ("add", "change", "view")
    ],
}


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; this one needs them now.
    for app_label in PERMISSIONS:
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = [
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
        for app_label, codenames in PERMISSIONS.items()
        for codename in codenames
    ]
    for name in EDITORIAL_GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("examples", "0001_initial"),
        ("core", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
