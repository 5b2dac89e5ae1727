"""A submitted example: its content in the format, its state and its private link."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from voorbeeldenbank.examples.constants import ELEMENT_THRESHOLD

from ..constants import EDITABLE_STATES, State
from ..draft import SubmissionContent, draft_of, validated


class Submission(models.Model):
    state = models.CharField(
        _("status"),
        max_length=24,
        choices=State.choices,
        default=State.CONCEPT,
        db_index=True,
        help_text=_("Waar de inzending in het proces is; alleen de workflow verandert dit."),
    )
    content = models.JSONField(
        _("inhoud"),
        default=dict,
        blank=True,
        help_text=_("De beschrijving in het format van het rapport."),
    )
    raw_input = models.JSONField(
        _("onvolledige invoer"),
        default=dict,
        blank=True,
        help_text=_(
            "Per stap wat de indiener typte maar nog niet geldig was, zodat niets verloren gaat."
        ),
    )
    version = models.PositiveIntegerField(
        _("versie"),
        default=1,
        help_text=_(
            "Wordt bij elke wijziging opgehoogd; voorkomt dat twee mensen elkaar overschrijven."
        ),
    )
    submitter_name = models.CharField(
        _("naam indiener"), max_length=200, help_text=_("Naam van wie het voorbeeld instuurt.")
    )
    submitter_email = models.EmailField(
        _("e-mailadres indiener"),
        help_text=_("Hierheen gaan de persoonlijke link en berichten over de inzending."),
    )
    consent_at = models.DateTimeField(
        _("toestemming gegeven op"),
        help_text=_(
            "Moment waarop de indiener toestemming gaf voor het verwerken van de gegevens."
        ),
    )
    privacy_version = models.CharField(
        _("versie privacyverklaring"),
        max_length=20,
        help_text=_("Versie van de privacyverklaring waarmee ingestemd is."),
    )
    token_hash = models.CharField(
        _("hash van de persoonlijke link"),
        max_length=64,
        unique=True,
        help_text=_("Alleen een hash wordt bewaard; de link zelf staat alleen in de e-mail."),
    )
    previous_token_hash = models.CharField(
        _("hash van de vorige link"),
        max_length=64,
        blank=True,
        db_index=True,
        help_text=_(
            "Zodat een vervangen link een duidelijke melding geeft in plaats van 'onbekend'."
        ),
    )
    token_expires = models.DateTimeField(
        _("link geldig tot"), help_text=_("Na dit moment werkt de persoonlijke link niet meer.")
    )
    token_revoked = models.BooleanField(
        _("link ingetrokken"),
        default=False,
        help_text=_("Een ingetrokken link werkt niet meer, ook niet voor de vervaldatum."),
    )
    example_page = models.OneToOneField(
        "examples.ExamplePage",
        verbose_name=_("voorbeeldpagina"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submission",
        help_text=_("De conceptpagina die bij acceptatie van deze inzending is gemaakt."),
    )
    created = models.DateTimeField(
        _("aangemaakt"), auto_now_add=True, help_text=_("Moment waarop het concept begon.")
    )
    updated = models.DateTimeField(
        _("gewijzigd"), auto_now=True, help_text=_("Laatste wijziging van inhoud of status.")
    )
    # Deleting a submission (retention) also deletes what was e-mailed about it.
    emails = GenericRelation("core.OutgoingEmail")
    submitted_at = models.DateTimeField(
        _("ingediend op"),
        null=True,
        blank=True,
        help_text=_(
            "Eerste keer dat de inzending is ingediend; bepaalt de leeftijd in de wachtrij."
        ),
    )

    class Meta:
        verbose_name = _("inzending")
        verbose_name_plural = _("inzendingen")
        ordering = ["-created"]
        permissions = [("review_submission", _("Inzendingen beoordelen"))]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Invalid content is refused here, where it is written, not repaired where it is read.
        self.content = validated(self.content)
        super().save(*args, **kwargs)

    @property
    def draft(self) -> SubmissionContent:
        return draft_of(self.content)

    @property
    def title(self) -> str:
        return self.draft.title.strip() or str(_("(nog zonder naam)"))

    @property
    def explained_elements(self) -> list[str]:
        return self.draft.explained_elements

    @property
    def meets_threshold(self) -> bool:
        return len(self.explained_elements) >= ELEMENT_THRESHOLD

    @property
    def is_editable_by_submitter(self) -> bool:
        return self.state in EDITABLE_STATES

    def save_content(
        self, expected_version: int, content: dict[str, Any], raw_input: dict[str, Any]
    ) -> bool:
        """Store content only if nobody saved in between; False means a conflict.

        Raises InvalidContent (draft.py) for content that does not fit the draft's shape.
        """
        content = validated(content)
        updated = Submission.objects.filter(pk=self.pk, version=expected_version).update(
            content=content,
            raw_input=raw_input,
            version=F("version") + 1,
            updated=timezone.now(),
        )
        if updated:
            self.content = content
            self.raw_input = raw_input
            self.version = expected_version + 1
        return bool(updated)
