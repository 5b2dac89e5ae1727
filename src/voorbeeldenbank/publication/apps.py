from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicationConfig(AppConfig):
    name = "voorbeeldenbank.publication"
    label = "publication"
    verbose_name = _("Publicatie")

    def ready(self) -> None:
        from voorbeeldenbank.core import demo as core_demo

        from . import demo

        core_demo.register("publication", lambda log: demo.load_chapters(), order=30)
        # Last: the edition is built from everything the other loaders made.
        core_demo.register("edition", demo.load_first_edition, order=100)
        from . import signals  # noqa: F401 (connects its receivers)
