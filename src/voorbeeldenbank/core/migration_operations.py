"""Operations shared by data migrations. Keep them stable: applied migrations import them."""

from collections.abc import Mapping, Sequence

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORIAL_GROUPS = ("Editors", "Moderators")


def grant_to_editors(permissions: Mapping[str, Sequence[str]]) -> migrations.RunPython:
    """Give Wagtail's editorial groups these permissions ({app_label: [codename, …]})."""

    def grant(apps, schema_editor) -> None:  # type: ignore[no-untyped-def]
        # Permissions are normally created after all migrations; these are needed now.
        for app_label in permissions:
            app_config = apps.get_app_config(app_label)
            app_config.models_module = True
            create_permissions(app_config, apps=apps, verbosity=0)
            app_config.models_module = None
        Group = apps.get_model("auth", "Group")
        Permission = apps.get_model("auth", "Permission")
        granted = [
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
            for app_label, codenames in permissions.items()
            for codename in codenames
        ]
        for name in EDITORIAL_GROUPS:
            group, _created = Group.objects.get_or_create(name=name)
            group.permissions.add(*granted)

    return migrations.RunPython(grant, migrations.RunPython.noop)
