from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExamplesConfig(AppConfig):
    name = "voorbeeldenbank.examples"
    label = "examples"
    verbose_name = _("Voorbeelden")

    def ready(self) -> None:
        from . import signals  # noqa: F401
