import time

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from voorbeeldenbank.core.anonymise import engine


class Command(BaseCommand):
    help = _(
        "Bouw de opzoektabellen van de anonimiseerder (deduce) vooraf, zodat tests en verzoeken "
        "ze nooit halverwege hoeven te bouwen."
    )
    requires_system_checks: list[str] = []

    def handle(self, *args, **options) -> None:
        existed = engine.is_cache_built()
        started = time.perf_counter()
        engine.get_deduce()
        seconds = time.perf_counter() - started
        if existed:
            message = _("Anonimiseerder geladen uit de cache in %(seconds).1f s.")
        else:
            message = _("Cache van de anonimiseerder gebouwd in %(seconds).1f s.")
        self.stdout.write(message % {"seconds": seconds})
