"""manage.py taalcheck FILE."""

import io
import json
import sys

import pytest
from django.core.management import CommandError, call_command


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("taalcheck", *args, stdout=out)
    return out.getvalue()


def test_it_prints_findings_with_line_and_column(lexicon, tmp_path):
    path = tmp_path / "tekst.txt"
    path.write_text("Eerste regel.\nDe zorgmijders en\n  een probleemgezin.\n", encoding="utf-8")

    output = run(str(path))

    lines = output.splitlines()
    assert lines[0].startswith("2:4: zorgmijders [Stigmatiserend] → ouder die (nog) geen contact")
    assert lines[1].startswith("3:7: probleemgezin [Stigmatiserend]")
    assert "2 woord(en) uit het lexicon gevonden." in output
    assert "Leesbaarheid:" in output


def test_it_prints_json_like_the_api(lexicon, tmp_path):
    path = tmp_path / "tekst.txt"
    path.write_text("Gedragsstoornissen.", encoding="utf-8")

    data = json.loads(run(str(path), "--json"))

    assert [f["match"] for f in data["findings"]] == ["Gedragsstoornissen"]
    assert data["findings"][0]["term"] == "stoornis"
    assert data["readability"]["level"]


def test_it_reads_standard_input(lexicon, monkeypatch):
    stdin = io.TextIOWrapper(io.BytesIO("Een cliënt.".encode()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)

    assert "1:5: cliënt" in run("-")


def test_an_empty_file_has_no_findings_and_no_score(lexicon, tmp_path):
    path = tmp_path / "leeg.txt"
    path.write_text("", encoding="utf-8")

    output = run(str(path))

    assert "0 woord(en)" in output
    assert "Leesbaarheid" not in output


def test_a_missing_file_is_a_clear_error(lexicon, tmp_path):
    with pytest.raises(CommandError, match="niet gevonden"):
        run(str(tmp_path / "bestaat-niet.txt"))


def test_a_directory_is_a_clear_error(lexicon, tmp_path):
    with pytest.raises(CommandError, match="niet lezen"):
        run(str(tmp_path))


def test_a_file_that_is_not_utf8_is_a_clear_error(lexicon, tmp_path):
    path = tmp_path / "binair.bin"
    path.write_bytes(b"\xff\xfe\x00\x81 probleemgezin")

    with pytest.raises(CommandError, match="geen UTF-8"):
        run(str(path))
