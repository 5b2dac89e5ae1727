from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from voorbeeldenbank.core.anonymise import anonymise


def read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise CommandError(_("Bestand niet gevonden: %(path)s") % {"path": path}) from error
    except UnicodeDecodeError as error:
        raise CommandError(_("Bestand is geen UTF-8-tekst: %(path)s") % {"path": path}) from error
    except OSError as error:
        raise CommandError(
            _("Bestand kan niet worden gelezen: %(path)s (%(reason)s)")
            % {"path": path, "reason": error.strerror or error}
        ) from error


class Command(BaseCommand):
    help = _("Schrijf een gespreksverslag geanonimiseerd naar de standaarduitvoer.")
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help=_("Het verslag (UTF-8-tekst)."))
        parser.add_argument(
            "--names", type=Path, help=_("Tekstbestand met bekende namen, één naam per regel.")
        )

    def handle(self, *args, **options) -> None:
        text = read_text(options["file"])
        names: list[str] = []
        if options["names"]:
            names = [line.strip() for line in read_text(options["names"]).splitlines()]
        result = anonymise(text, known_names=[name for name in names if name])
        # The verslag may hold any character; a C-locale terminal must not turn that into an error.
        reconfigure = getattr(self.stdout, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8")
        self.stdout.ending = ""
        self.stdout.write(result.text)
