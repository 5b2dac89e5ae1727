from typing import Any

from django.core.management.base import BaseCommand

from ...retention import delete_expired


class Command(BaseCommand):
    help = "Delete reflection sessions, with their answers and notes, past REFLECTION_KEEP_DAYS."

    def handle(self, *args: Any, **options: Any) -> None:
        count = delete_expired()
        self.stdout.write(f"{count} reflectiesessie(s) gewist.")
