"""Delete submissions that will not be published once the retention period has passed (AVG)."""

from django.core.management.base import BaseCommand

from ...retention import expired, purge_expired


class Command(BaseCommand):
    help = "Verwijder concepten en afgewezen inzendingen ouder dan SUBMISSION_RETENTION_DAYS."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Alleen tellen.")

    def handle(self, *args, dry_run: bool = False, **options) -> None:
        count = expired().count() if dry_run else purge_expired()
        self.stdout.write(f"{count} inzending(en) {'te verwijderen' if dry_run else 'verwijderd'}.")
