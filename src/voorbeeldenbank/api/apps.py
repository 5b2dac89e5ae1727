from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "voorbeeldenbank.api"
    label = "api"
    verbose_name = _("API")

    def ready(self) -> None:
        from voorbeeldenbank.core import frontend_cache

        from . import purging

        frontend_cache.register(purging.addresses_showing)
