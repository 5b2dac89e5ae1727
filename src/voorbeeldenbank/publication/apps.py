from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicationConfig(AppConfig):
    name = "voorbeeldenbank.publication"
    label = "publication"
    verbose_name = _("Publicatie")

    def ready(self) -> None:
        from . import signals  # noqa: F401
