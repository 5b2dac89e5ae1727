"""Run every research retention rule: contact details and name lists of ended projects,
recordings after the verslag's approval or without consent, original texts of approved
verslagen. The output gives counts and ids, never names."""

from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from ...retention import run_retention


def _ids(ids: list[int]) -> str:
    return ", ".join(str(pk) for pk in ids) if ids else "—"


class Command(BaseCommand):
    help = (
        "Verwijder wat volgens de bewaartermijnen weg moet: contactgegevens en namenlijsten van "
        "afgeronde projecten (RESEARCH_CONTACT_GRACE_DAYS dagen na afronding), opnames na de "
        "bewaartermijn of zonder toestemming, en oorspronkelijke teksten van goedgekeurde "
        "verslagen."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Alleen tellen.")

    def handle(self, *args: Any, dry_run: bool = False, **options: Any) -> None:
        result = run_retention(dry_run=dry_run)
        purged = result.contacts
        verb = _("te verwijderen") if dry_run else _("verwijderd")
        self.stdout.write(
            f"{purged.candidate_contacts} contactpersoon/-personen van kandidaten en "
            f"{purged.interview_contacts} geïnterviewde(n) {verb}."
        )
        lines = [
            (_("Projecten met namenlijst en vervangingstabel"), purged.name_lists, None),
            (
                _("Opnames na de bewaartermijn"),
                len(result.recordings_after_approval),
                result.recordings_after_approval,
            ),
            (
                _("Opnames zonder toestemming"),
                len(result.recordings_without_consent),
                result.recordings_without_consent,
            ),
            (_("Oorspronkelijke teksten (versies)"), len(result.originals), result.originals),
        ]
        for label, count, ids in lines:
            suffix = f" (ids: {_ids(ids)})" if ids is not None else ""
            self.stdout.write(f"{label} {verb}: {count}{suffix}")
