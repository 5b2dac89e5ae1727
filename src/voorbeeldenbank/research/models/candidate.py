from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from voorbeeldenbank.examples.constants import Formality, Scale

from ..constants import TRANSITIONS, CandidateState, LogAction
from .log import record


class Candidate(ClusterableModel):
    """A practice proposed for the project, on its way to becoming a described example."""

    project = models.ForeignKey(
        "research.ResearchProject",
        verbose_name=gettext_lazy("project"),
        on_delete=models.CASCADE,
        related_name="candidates",
        help_text=gettext_lazy("Het onderzoeksproject waarvoor de praktijk is voorgesteld."),
    )
    name = models.CharField(
        gettext_lazy("naam"), max_length=200, help_text=gettext_lazy("Naam van de praktijk.")
    )
    organisation = models.CharField(
        gettext_lazy("organisatie"),
        max_length=200,
        blank=True,
        help_text=gettext_lazy("De organisatie die de praktijk uitvoert."),
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=gettext_lazy("voorgesteld door (account)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=gettext_lazy("Het lid dat de praktijk voorstelde, als die een account heeft."),
    )
    proposed_by_text = models.CharField(
        gettext_lazy("voorgesteld door"),
        max_length=200,
        blank=True,
        help_text=gettext_lazy("Of: wie het voorstelde, bijvoorbeeld een lid van het netwerk."),
    )
    note = models.TextField(
        gettext_lazy("notitie"), blank=True, help_text=gettext_lazy("Waarom deze praktijk past.")
    )
    formality = models.CharField(
        gettext_lazy("informeel of formeel"),
        max_length=12,
        choices=Formality.choices,
        help_text=gettext_lazy("De verwachte plaats op de as informeel–formeel."),
    )
    scale = models.CharField(
        gettext_lazy("individueel of collectief"),
        max_length=12,
        choices=Scale.choices,
        help_text=gettext_lazy("De verwachte plaats op de as individueel–collectief."),
    )
    target_groups = models.ManyToManyField(
        "examples.TargetGroup",
        verbose_name=gettext_lazy("doelgroepen"),
        blank=True,
        related_name="+",
        help_text=gettext_lazy("Voor wie de praktijk is."),
    )
    places = models.ManyToManyField(
        "examples.Place",
        verbose_name=gettext_lazy("regio's"),
        blank=True,
        related_name="+",
        help_text=gettext_lazy("Waar de praktijk loopt."),
    )
    state = models.CharField(
        gettext_lazy("status"),
        max_length=12,
        choices=CandidateState.choices,
        default=CandidateState.VOORGESTELD,
        editable=False,
        help_text=gettext_lazy("Verandert alleen via de knoppen bij de kandidaat."),
    )
    dropped_reason = models.TextField(
        gettext_lazy("reden van afvallen"),
        blank=True,
        editable=False,
        help_text=gettext_lazy("Waarom de praktijk niet meedoet."),
    )
    replaced_by = models.ForeignKey(
        "self",
        verbose_name=gettext_lazy("vervangen door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="replaces",
        help_text=gettext_lazy("De vergelijkbare praktijk die in de plaats komt."),
    )
    example = models.ForeignKey(
        "examples.ExamplePage",
        verbose_name=gettext_lazy("voorbeeld"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        help_text=gettext_lazy("Het voorbeeld in de bank dat de praktijk beschrijft."),
    )
    created = models.DateTimeField(gettext_lazy("aangemaakt"), auto_now_add=True)

    class Meta:
        verbose_name = gettext_lazy("kandidaat")
        verbose_name_plural = gettext_lazy("kandidaten")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name

    def _check(self, to_state: str) -> None:
        if to_state not in TRANSITIONS.get(self.state, frozenset()):
            raise ValidationError(
                _("Van '%(from)s' naar '%(to)s' kan niet.")
                % {
                    "from": CandidateState(self.state).label,
                    "to": CandidateState(to_state).label,
                }
            )

    @transaction.atomic
    def _move(self, to_state: str, actor: Any, **changes: Any) -> None:
        locked = Candidate.objects.select_for_update().get(pk=self.pk)
        self.state = locked.state
        self._check(to_state)
        from_state = self.state
        self.state = to_state
        for field, value in changes.items():
            setattr(self, field, value)
        self.save(update_fields=["state", *changes])
        detail: dict[str, Any] = {"from": from_state, "to": to_state}
        if "replaced_by" in changes:
            detail["replaced_by"] = changes["replaced_by"].pk
        if "example" in changes:
            detail["example"] = changes["example"].pk
        record(self.project, actor, LogAction.STATE, self, **detail)

    def approach(self, actor: Any) -> None:
        self._move(CandidateState.BENADERD, actor)

    def agree(self, actor: Any) -> None:
        self._move(CandidateState.AKKOORD, actor)

    def drop(self, actor: Any, reason: str) -> None:
        if not reason.strip():
            raise ValidationError(_("Geef een reden waarom de praktijk afvalt."))
        self._move(CandidateState.AFGEVALLEN, actor, dropped_reason=reason.strip())

    def replace(self, actor: Any, replacement: Candidate | None) -> None:
        if replacement is None:
            raise ValidationError(_("Kies de praktijk die in de plaats komt."))
        if replacement.pk == self.pk or replacement.project_id != self.project_id:
            raise ValidationError(
                _("De vervanger moet een andere kandidaat uit hetzelfde project zijn.")
            )
        self._move(CandidateState.VERVANGEN, actor, replaced_by=replacement)

    def describe(self, actor: Any, example: Any) -> None:
        if example is None:
            raise ValidationError(_("Kies het voorbeeld dat de praktijk beschrijft."))
        self._move(CandidateState.BESCHREVEN, actor, example=example)

    @property
    def next_states(self) -> frozenset[str]:
        return TRANSITIONS.get(self.state, frozenset())


class CandidateContact(models.Model):
    """Whom to approach for a candidate; kept apart so it can go when the project ends."""

    candidate = ParentalKey(
        Candidate,
        verbose_name=gettext_lazy("kandidaat"),
        on_delete=models.CASCADE,
        related_name="contacts",
        help_text=gettext_lazy("De praktijk waar deze persoon bij hoort."),
    )
    name = models.CharField(
        gettext_lazy("naam"), max_length=200, help_text=gettext_lazy("Naam van de contactpersoon.")
    )
    email = models.EmailField(
        gettext_lazy("e-mailadres"),
        blank=True,
        help_text=gettext_lazy("Om de praktijk te benaderen."),
    )
    phone = models.CharField(
        gettext_lazy("telefoon"),
        max_length=40,
        blank=True,
        help_text=gettext_lazy("Telefoonnummer."),
    )

    class Meta:
        verbose_name = gettext_lazy("contactpersoon van een kandidaat")
        verbose_name_plural = gettext_lazy("contactpersonen van kandidaten")

    def __str__(self) -> str:
        return self.name
