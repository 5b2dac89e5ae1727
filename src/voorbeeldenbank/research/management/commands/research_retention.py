"""Delete contact details of research projects that ended longer ago than the grace period."""

from typing import Any

from django.core.management.base import BaseCommand

from ...retention import purge_contacts


class Command(BaseCommand):
    help = (
        "Verwijder contactgegevens van kandidaten en geïnterviewden van afgeronde projecten, "
        "RESEARCH_CONTACT_GRACE_DAYS dagen na afronding."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Alleen tellen.")

    def handle(self, *args: Any, dry_run: bool = False, **options: Any) -> None:
        purged = purge_contacts(dry_run=dry_run)
        verb = "te verwijderen" if dry_run else "verwijderd"
        self.stdout.write(
            f"{purged.candidate_contacts} contactpersoon/-personen van kandidaten en "
            f"{purged.interview_contacts} geïnterviewde(n) {verb}."
        )
