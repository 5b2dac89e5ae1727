from django.core.management.base import BaseCommand

from voorbeeldenbank.examples.indexing import reindex_all


class Command(BaseCommand):
    help = "Rebuild the catalogue's search documents from the live examples."

    def handle(self, *args, **options):
        count = reindex_all()
        self.stdout.write(self.style.SUCCESS(f"Indexed {count} live examples."))
