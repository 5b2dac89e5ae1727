from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReflectionConfig(AppConfig):
    name = "voorbeeldenbank.reflection"
    label = "reflection"
    verbose_name = _("Reflectie")

    def ready(self) -> None:
        from voorbeeldenbank.core import demo as core_demo

        from . import demo, signals  # noqa: F401 (signals connects its receivers)

        # After the vision's elements (core) and the examples.
        core_demo.register("reflection", demo.load_statements, order=40)
