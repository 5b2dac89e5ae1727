"""manage.py anonymise FILE [--names FILE]."""

import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> str:
    out = StringIO()
    call_command("anonymise", *args, stdout=out)
    return out.getvalue()


def test_it_prints_the_report_de_identified_with_its_lines(tmp_path):
    report = tmp_path / "verslag.txt"
    report.write_text("Gesprek op 14 april.\n\nBel 06-29384756 — graag.\n", encoding="utf-8")

    assert run(str(report)) == "Gesprek op [DATUM-1].\n\nBel [TELEFOON-1] — graag.\n"


def test_it_uses_the_names_file(tmp_path):
    report = tmp_path / "verslag.txt"
    report.write_text("Tjitskes fiets stond buiten.\n", encoding="utf-8")
    names = tmp_path / "namen.txt"
    names.write_text("Tjitske Wubbels\n\n", encoding="utf-8")

    assert run(str(report)) == "Tjitskes fiets stond buiten.\n"
    assert run(str(report), "--names", str(names)) == "[PERSOON-1] fiets stond buiten.\n"


def test_it_refuses_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="Bestand niet gevonden"):
        run(str(tmp_path / "weg.txt"))


def test_it_refuses_a_file_that_is_not_utf8(tmp_path):
    report = tmp_path / "verslag.txt"
    report.write_bytes("Gesprek met Zoë".encode("latin-1"))

    with pytest.raises(CommandError, match="geen UTF-8"):
        run(str(report))


def test_it_refuses_a_file_it_cannot_read(tmp_path):
    with pytest.raises(CommandError, match="kan niet worden gelezen"):
        run(str(tmp_path))


def test_a_bad_names_file_is_refused_too(tmp_path):
    report = tmp_path / "verslag.txt"
    report.write_text("Tekst.\n", encoding="utf-8")

    with pytest.raises(CommandError, match="Bestand niet gevonden"):
        run(str(report), "--names", str(tmp_path / "namen.txt"))


def test_the_error_ends_the_command_with_a_failing_exit_code(tmp_path):
    completed = subprocess.run(
        [sys.executable, "manage.py", "anonymise", str(tmp_path / "weg.txt")],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )

    assert completed.returncode != 0
    assert "Bestand niet gevonden" in completed.stderr
