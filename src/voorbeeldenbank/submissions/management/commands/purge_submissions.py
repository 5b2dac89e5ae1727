"""Delete submissions that will not be published once the retention period has passed (AVG)."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from ...constants import State
from ...models import Submission


class Command(BaseCommand):
    help = "Verwijder concepten en afgewezen inzendingen ouder dan SUBMISSION_RETENTION_DAYS."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Alleen tellen.")

    def handle(self, *args, dry_run: bool = False, **options) -> None:
        cutoff = timezone.now() - timedelta(days=settings.SUBMISSION_RETENTION_DAYS)
        # Published examples live on as pages; everything else is personal data kept too long.
        stale = Submission.objects.filter(updated__lt=cutoff).filter(
            Q(state=State.CONCEPT) | Q(state=State.AFGEWEZEN)
        )
        count = stale.count()
        if not dry_run:
            stale.delete()
        self.stdout.write(f"{count} inzending(en) {'te verwijderen' if dry_run else 'verwijderd'}.")
