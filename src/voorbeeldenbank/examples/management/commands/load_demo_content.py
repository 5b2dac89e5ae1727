from django.core.management.base import BaseCommand

from voorbeeldenbank.examples import demo


class Command(BaseCommand):
    help = "Load the vision and the report's 13 examples (safe to run again)."

    def handle(self, *args, **options):
        pages = demo.load(log=lambda message: self.stdout.write(f"  {message}"))
        self.stdout.write(self.style.SUCCESS(f"Loaded the vision and {len(pages)} examples."))
