from django.core.management.base import BaseCommand

from voorbeeldenbank.core.housekeeping import run_once


class Command(BaseCommand):
    help = (
        "Run one round of periodic upkeep (e-mail retries, stalled edition builds, retention). "
        "The task worker does this every minute; use this from cron when no worker runs."
    )

    def handle(self, *args, **options) -> None:
        for handler, result in run_once():
            name = getattr(handler, "__qualname__", str(handler))
            outcome = "FAILED" if isinstance(result, Exception) else "ok"
            self.stdout.write(f"{name}: {outcome}")
