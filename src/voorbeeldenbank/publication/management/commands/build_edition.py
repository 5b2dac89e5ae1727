"""Build an edition from the command line, through the same code path as the admin."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from voorbeeldenbank.publication.builder import (
    BuildAlreadyRunning,
    progress,
    run_build,
    start_build,
)
from voorbeeldenbank.publication.constants import BuildStatus
from voorbeeldenbank.publication.models import EditionBuild


class Command(BaseCommand):
    help = "Bouw een nieuwe editie van het rapport (PDF en webversie) uit de gepubliceerde inhoud."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="Alles bouwen, maar geen editie opslaan."
        )
        parser.add_argument(
            "--output", type=Path, metavar="FILE", help="Schrijf de PDF ook naar dit bestand."
        )

    def handle(self, *args: Any, dry_run: bool, output: Path | None, **options: Any) -> None:
        if output is not None and not output.parent.is_dir():
            raise CommandError(_("De map %(folder)s bestaat niet.") % {"folder": output.parent})
        try:
            build = start_build(None, dry_run=dry_run)
        except BuildAlreadyRunning as exc:
            raise CommandError(str(exc)) from None

        # The builder reports each step as the admin shows it; print the same.
        def show_step(sender: type, build: EditionBuild, **kwargs: Any) -> None:
            self.stdout.write(f"[{build.steps_done + 1}/{build.steps_total}] {build.step_detail}")

        progress.connect(show_step, sender=EditionBuild, weak=False)
        try:
            build = run_build(build.pk, output=output)
        finally:
            progress.disconnect(show_step, sender=EditionBuild)

        if build.status != BuildStatus.DONE:
            raise CommandError(build.error or build.get_status_display())
        edition = build.edition
        if edition is not None:
            message = _("Editie %(number)s opgeslagen: %(pages)s pagina's, %(size)s bytes.") % {
                "number": edition.number,
                "pages": edition.page_count,
                "size": edition.pdf_size,
            }
        else:
            message = _("Proefdruk klaar (%(pages)s pagina's); er is geen editie opgeslagen.") % {
                "pages": getattr(build, "dry_run_pages", "?")
            }
        self.stdout.write(self.style.SUCCESS(message))
        if output is not None:
            self.stdout.write(_("PDF geschreven naar %(file)s.") % {"file": output})
