"""Rewrite one marked section of docs/benchmarks.md and leave the others as they are."""

from pathlib import Path


def replace_section(docs: Path, start: str, end: str, heading: str, section: str) -> None:
    """`section` runs from the `start` marker to the `end` marker; a first run appends it under
    `heading`. The heading stays outside the markers: other sections are rewritten up to a "## "."""
    text = docs.read_text(encoding="utf-8")
    if start in text and end in text:
        before, rest = text.split(start, 1)
        text = before + section + rest.split(end, 1)[1]
    else:
        text = text.rstrip("\n") + f"\n\n## {heading}\n\n" + section + "\n"
    docs.write_text(text, encoding="utf-8")
