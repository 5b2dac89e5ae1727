from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubmissionsConfig(AppConfig):
    name = "voorbeeldenbank.submissions"
    label = "submissions"
    verbose_name = _("Inzendingen")

    def ready(self) -> None:
        from . import signals  # noqa: F401
