from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExamplesConfig(AppConfig):
    name = "voorbeeldenbank.examples"
    label = "examples"
    verbose_name = _("Voorbeelden")

    def ready(self) -> None:
        from voorbeeldenbank.core import demo as core_demo
        from voorbeeldenbank.core import frontend_cache

        from . import demo, purging, signals  # noqa: F401 (signals connects its receivers)

        core_demo.register("examples", demo.load, order=20)
        frontend_cache.register(purging.pages_showing)
