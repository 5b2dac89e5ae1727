from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResearchConfig(AppConfig):
    name = "voorbeeldenbank.research"
    label = "research"
    verbose_name = _("Onderzoek")

    def ready(self) -> None:
        from . import signals  # noqa: F401
