"""Alphabetical order of names as a Dutch reader expects it.

Python sorts by code point: "Éénoudergezinnen" after "Zwolle" and "'s-Gravenhage" before
"Amsterdam". Dutch lists ignore accents and case, and file a name with the old article "'s-" or
"'t " under the word that follows (’s-Gravenhage under G). The database's collation differs
between SQLite and PostgreSQL, so the order is made here.
"""

import re
import unicodedata

ARTICLE_RE = re.compile(r"^['’‘](s|t)[-\s]+")
PUNCTUATION_RE = re.compile(r"[^\w\s]")


def sort_key(name: str) -> tuple[str, str]:
    """Key for sorting names alphabetically; the name itself breaks ties (stable across runs)."""
    text = unicodedata.normalize("NFKD", name.strip())
    text = "".join(char for char in text if not unicodedata.combining(char)).casefold()
    text = ARTICLE_RE.sub("", text)
    text = " ".join(PUNCTUATION_RE.sub(" ", text).split())
    return text, name
