"""manage.py taalcheck FILE: the language check for a text file (or - for standard input)."""

import json
import sys
from argparse import ArgumentParser
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from voorbeeldenbank.lexicon.answer import result_json
from voorbeeldenbank.lexicon.check import check_text


def line_and_column(text: str, offsets: list[int]) -> list[tuple[int, int]]:
    """1-based line and column of each offset (offsets in increasing order)."""
    positions = []
    line, line_start, scanned = 1, 0, 0
    for offset in offsets:
        newlines = text.count("\n", scanned, offset)
        if newlines:
            line += newlines
            line_start = text.rfind("\n", scanned, offset) + 1
        scanned = offset
        positions.append((line, offset - line_start + 1))
    return positions


class Command(BaseCommand):
    help = "Find lexicon words in a Dutch text file and rate its readability."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", help="a UTF-8 text file, or - for standard input")
        parser.add_argument("--json", action="store_true", help="print the API's JSON answer")

    def read(self, name: str) -> str:
        try:
            data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
        except FileNotFoundError as error:
            raise CommandError(f"Bestand niet gevonden: {name}") from error
        except (IsADirectoryError, PermissionError) as error:
            raise CommandError(f"Kan {name} niet lezen: {error.strerror}") from error
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise CommandError(
                f"{name} is geen UTF-8-tekst (fout bij byte {error.start})."
            ) from error

    def handle(self, *args, **options) -> None:
        text = self.read(options["file"])
        result = check_text(text)
        if options["json"]:
            self.stdout.write(json.dumps(result_json(result), ensure_ascii=False, indent=2))
            return
        positions = line_and_column(text, [finding.start for finding in result.findings])
        for finding, (line, column) in zip(result.findings, positions, strict=True):
            alternatives = ", ".join(finding.alternatives)
            self.stdout.write(
                f"{line}:{column}: {finding.match} [{finding.category_label}] "
                f"→ {alternatives} ({finding.term})"
            )
        count = len(result.findings)
        self.stdout.write(f"{count} woord(en) uit het lexicon gevonden.")
        if result.readability:
            readability = result.readability
            self.stdout.write(
                f"Leesbaarheid: {readability.score} (Flesch-Douma), {readability.label}. "
                f"{readability.explanation}"
            )
