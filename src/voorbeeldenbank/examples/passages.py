"""Cut a live example into passages and keep their embeddings current.

A passage is what search by meaning compares a question with, and what a result shows as
"closest in meaning": the summary, each part of the Verdieping, each element's paragraph, the
points of Wat werkt and Wat kan beter, and a line of facts (name, target group, organisations,
places). A long text is cut at sentence boundaries into passages of at most MAX_WORDS words.

Writing the rows is part of publishing (cheap, in its transaction); embedding happens after
commit in a background task, which only embeds passages whose text is new: an unchanged text
keeps its vector.
"""

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
from django.db import transaction
from django.utils import translation
from django_tasks import task

from voorbeeldenbank.core import embeddings
from voorbeeldenbank.core.tasks import enqueue_once_on_commit

from .format import FORMAT
from .format.reading import texts
from .format.spec import ElementTexts
from .models import ExamplePage, Passage, SemanticState
from .search.analysis import document_lemmas

MAX_WORDS = 120
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
FACT_FIELDS = ("name", "target_group", "organisations", "places", "topics")


@dataclass(frozen=True)
class Chunk:
    section: str
    label: str
    text: str
    label_en: str = ""


def _both(label) -> tuple[str, str]:
    with translation.override("nl"):
        dutch = str(label)
    with translation.override("en"):
        english = str(label)
    return dutch, english


def split_long(text: str, max_words: int = MAX_WORDS) -> list[str]:
    """A text in pieces of whole sentences of at most max_words words (a longer sentence alone)."""
    pieces: list[str] = []
    current: list[str] = []
    count = 0
    for sentence in SENTENCE_END.split(" ".join(text.split())):
        words = len(sentence.split())
        if current and count + words > max_words:
            pieces.append(" ".join(current))
            current, count = [], 0
        current.append(sentence)
        count += words
    if current:
        pieces.append(" ".join(current))
    return [piece for piece in pieces if piece.strip()]


def _facts(page: ExamplePage) -> str:
    values = []
    for name in FACT_FIELDS:
        values += [text for text in texts(FORMAT.field(name).spec.store, page) if text]
    return ". ".join(values)


def chunks(page: ExamplePage) -> list[Chunk]:
    label, label_en = _both(FORMAT.field("name").spec.label)
    found = [Chunk("facts", label, _facts(page), label_en)]
    for field in FORMAT.searched:
        spec = field.spec
        if spec.section == "facts":
            continue
        if isinstance(spec.store, ElementTexts):
            for link in page.example_elements.all():
                if link.explanation.strip():
                    element = link.element
                    found.append(
                        Chunk(
                            f"element:{element.key}",
                            element.title,
                            f"{element.title}. {link.explanation}",
                            element.title_en,
                        )
                    )
            continue
        label, label_en = _both(spec.label)
        text = " ".join(t for t in texts(spec.store, page) if t and t.strip())
        for piece in split_long(text):
            found.append(Chunk(spec.section, label, piece, label_en))
    return [chunk for chunk in found if chunk.text.strip()]


def lemma_set(text: str) -> str:
    """The distinct search lemmas of a text: which passage best explains a match is then a set
    intersection at search time, not a lemmatisation of every passage shown."""
    return " ".join(sorted(set(document_lemmas(text))))


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


@transaction.atomic
def sync_passages(page: ExamplePage) -> None:
    """Write the page's passages; keep the vector of every passage whose text is unchanged."""
    kept = {
        row.text_hash: row.vector
        for row in Passage.objects.filter(page_id=page.pk, vector__isnull=False)
    }
    Passage.objects.filter(page_id=page.pk).delete()
    rows = []
    for position, chunk in enumerate(chunks(page)):
        digest = text_hash(chunk.text)
        rows.append(
            Passage(
                page_id=page.pk,
                position=position,
                section=chunk.section[:80],
                label=chunk.label[:255],
                label_en=chunk.label_en[:255],
                text=chunk.text,
                lemmas=lemma_set(chunk.text),
                text_hash=digest,
                vector=kept.get(digest),
            )
        )
    Passage.objects.bulk_create(rows)
    SemanticState.bump()
    if any(row.vector is None for row in rows):
        enqueue_once_on_commit(embed_missing_task)


def drop_passages(page_id: int) -> None:
    if Passage.objects.filter(page_id=page_id).delete()[0]:
        SemanticState.bump()


def to_bytes(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype=np.float16).tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype=np.float16).astype(np.float32)


def _missing(batch: int) -> Iterator[list[Passage]]:
    while True:
        rows = list(Passage.objects.filter(vector__isnull=True).order_by("pk")[:batch])
        if not rows:
            return
        yield rows


def embed_missing(batch: int = 64, progress=None) -> int:
    """Embed every passage without a vector; returns how many were embedded."""
    done = 0
    for rows in _missing(batch):
        vectors = embeddings.embed_passages([row.text for row in rows])
        for row, vector in zip(rows, vectors, strict=True):
            # Only if the text is still the one embedded: a publish in between replaced it.
            Passage.objects.filter(pk=row.pk, text_hash=row.text_hash).update(
                vector=to_bytes(vector)
            )
        done += len(rows)
        SemanticState.bump()
        if progress:
            progress(done)
    return done


@task()
def embed_missing_task() -> int:
    return embed_missing()
