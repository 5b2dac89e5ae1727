import sys
import time

from django.core.management.base import BaseCommand

from voorbeeldenbank.examples.indexing import reindex_all
from voorbeeldenbank.examples.models import Passage
from voorbeeldenbank.examples.passages import embed_missing


class Command(BaseCommand):
    help = (
        "Embed every passage of the live examples that has no vector yet (search by meaning). "
        "Publishing does this in the background; use this after an install or an import."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--all",
            action="store_true",
            help="Cut every live example into passages again and embed all of them anew.",
        )

    def handle(self, *args, **options):
        if options["all"]:
            reindex_all()
            Passage.objects.update(vector=None)
        total = Passage.objects.filter(vector__isnull=True).count()
        started = time.perf_counter()

        def progress(done: int) -> None:
            sys.stderr.write(f"\r{done}/{total} passages embedded")
            sys.stderr.flush()

        done = embed_missing(progress=progress)
        if done:
            sys.stderr.write("\n")
        seconds = time.perf_counter() - started
        self.stdout.write(f"{done} passages embedded in {seconds:.1f} s.")
