from django.core.management.base import BaseCommand

from voorbeeldenbank.examples.suggestions import store
from voorbeeldenbank.examples.suggestions.tasks import train_and_store


class Command(BaseCommand):
    help = "Train the element suggestions' model on the bank as it is now and put it in use."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--if-missing", action="store_true", help="Only when there is no model yet."
        )

    def handle(self, *args, if_missing: bool = False, **options) -> None:
        if if_missing and store.current() is not None:
            self.stdout.write("An element model is already in use.")
            return
        version = train_and_store()
        self.stdout.write(f"Element model {version} in use.")
