from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LexiconConfig(AppConfig):
    name = "voorbeeldenbank.lexicon"
    label = "lexicon"
    verbose_name = _("Lexicon")

    def ready(self) -> None:
        from . import signals  # noqa: F401
