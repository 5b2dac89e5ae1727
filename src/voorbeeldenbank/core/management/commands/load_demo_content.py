from django.core.management.base import BaseCommand

from voorbeeldenbank.core import demo


class Command(BaseCommand):
    help = "Load the demo content: the vision, the report's 13 examples, chapters and lexicon."

    def handle(self, *args, **options):
        loaded = demo.load(log=lambda message: self.stdout.write(f"  {message}"))
        examples = loaded.get("examples") or []
        self.stdout.write(self.style.SUCCESS(f"Loaded the vision and {len(examples)} examples."))
