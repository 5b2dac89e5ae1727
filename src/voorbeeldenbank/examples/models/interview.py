from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from ..constants import InterviewMode, InterviewRole


class InterviewRecord(models.Model):
    """Which perspectives were interviewed for an example, and how (redactie only).

    The public sees these records only in aggregate, as the report's interview table.
    """

    example = models.OneToOneField(
        "examples.ExamplePage",
        verbose_name=_("voorbeeld"),
        on_delete=models.CASCADE,
        related_name="interview_record",
        help_text=_("Het voorbeeld waarvoor de interviews zijn gehouden."),
    )
    ouder_jeugdige = models.BooleanField(
        InterviewRole.OUDER_JEUGDIGE.label,
        default=False,
        help_text=_("Ouder of jeugdige gesproken."),
    )
    vrijwilliger = models.BooleanField(
        InterviewRole.VRIJWILLIGER.label, default=False, help_text=_("Vrijwilliger gesproken.")
    )
    professional = models.BooleanField(
        InterviewRole.PROFESSIONAL.label, default=False, help_text=_("Professional gesproken.")
    )
    coordinator = models.BooleanField(
        InterviewRole.COORDINATOR.label, default=False, help_text=_("Coördinator gesproken.")
    )
    beleid = models.BooleanField(
        InterviewRole.BELEID.label, default=False, help_text=_("Beleidsmedewerker gesproken.")
    )
    mode = models.CharField(
        _("vorm"),
        max_length=10,
        choices=InterviewMode.choices,
        help_text=_("Zijn de interviews fysiek, digitaal of allebei gehouden?"),
    )
    from_research = models.BooleanField(
        _("uit het onderzoek"),
        default=False,
        help_text=_(
            "Aangevinkt: deze rij wordt bijgehouden uit de interviews van een onderzoeksproject; "
            "wijzigingen met de hand worden dan overschreven."
        ),
    )
    note = models.TextField(
        _("notitie"), blank=True, help_text=_("Toelichting voor de redactie, bijvoorbeeld twijfel.")
    )

    panels = [
        FieldPanel("example"),
        MultiFieldPanel(
            [FieldPanel(role.value) for role in InterviewRole], heading=_("Gesproken rollen")
        ),
        FieldPanel("mode"),
        FieldPanel("note"),
    ]

    class Meta:
        verbose_name = _("interviewverantwoording")
        verbose_name_plural = _("interviewverantwoordingen")

    def __str__(self) -> str:
        return str(self.example)

    @property
    def roles(self) -> list[str]:
        return [role.value for role in InterviewRole if getattr(self, role.value)]
