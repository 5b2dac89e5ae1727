from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "voorbeeldenbank.core"
    label = "core"
    verbose_name = _("Kern")

    def ready(self) -> None:
        from . import frontend_cache, housekeeping, menus  # noqa: F401 (they connect their receivers)
