from django.db import models
from django.utils.translation import gettext_lazy as _


class BuildStatus(models.TextChoices):
    QUEUED = "queued", _("In de wachtrij")
    RUNNING = "running", _("Bezig")
    DONE = "done", _("Klaar")
    FAILED = "failed", _("Mislukt")
    CANCELLED = "cancelled", _("Afgebroken")


ACTIVE_STATUSES = (BuildStatus.QUEUED, BuildStatus.RUNNING)


class ChapterKind(models.TextChoices):
    """The report's own chapters around the examples, in the order of an edition."""

    AANLEIDING = "aanleiding", _("Aanleiding")
    NETWERK = "netwerk", _("Over het leernetwerk")
    DOEL = "doel", _("Doel en doelgroep")
    METHODE = "methode", _("Werkwijze")
    LEESWIJZER = "leeswijzer", _("Leeswijzer")
    SLOT = "slot", _("Tot slot")


INTRODUCTORY_CHAPTERS = (
    ChapterKind.AANLEIDING,
    ChapterKind.NETWERK,
    ChapterKind.DOEL,
    ChapterKind.METHODE,
    ChapterKind.LEESWIJZER,
)
