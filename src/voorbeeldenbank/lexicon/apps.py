from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LexiconConfig(AppConfig):
    name = "voorbeeldenbank.lexicon"
    label = "lexicon"
    verbose_name = _("Lexicon")

    def ready(self) -> None:
        from voorbeeldenbank.core import demo as core_demo

        from . import demo

        core_demo.register("lexicon", lambda log: demo.load_lexicon(), order=10)
        from . import signals  # noqa: F401
