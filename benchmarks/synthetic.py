"""Fast creation of synthetic, live examples under the catalogue page.

Adding 10,000 pages through Wagtail one by one (add_child, a revision, publish, index) takes
far too long, so the rows are written in bulk. They are the rows the app reads: ExamplePage
pages in the tree under the catalogue (path, depth, numchild, url_path, live), their elements
and other parts, the many-to-many rows for places, target groups and topics, and the
SearchDocument and SearchTerm rows, built with the app's own examples.indexing functions.
Not created: revisions and Wagtail's own search index entries (the catalogue reads neither).
"""

import random
import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from itertools import accumulate

import numpy as np
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page

from voorbeeldenbank.core import embeddings
from voorbeeldenbank.core.models import Element
from voorbeeldenbank.examples.constants import Formality, Kind, Scale
from voorbeeldenbank.examples.indexing import facet_keys, term_weights
from voorbeeldenbank.examples.models import (
    CatalogueState,
    DeliveryRole,
    ExampleElement,
    ExampleIndexPage,
    ExampleOrganisation,
    ExamplePage,
    ImprovementPoint,
    ImprovementTheme,
    Passage,
    Place,
    SearchDocument,
    SearchTerm,
    SemanticState,
    TargetGroup,
    Topic,
    WhatWorksPoint,
)
from voorbeeldenbank.examples.passages import chunks, lemma_set, text_hash, to_bytes

from .vocabulary import STOPWORDS, ranked_vocabulary

BATCH = 500
POOL_SIZE = 256
NOISE = 0.02
# Municipalities and regions, so that the place facet has a realistic number of values.
PLACES = """Den Haag, Leiden, Gouda, Zoetermeer, Delft, Rijswijk, Westland, Leidschendam-Voorburg,
Pijnacker-Nootdorp, Wassenaar, Voorschoten, Katwijk, Noordwijk, Teylingen, Lisse, Hillegom,
Oegstgeest, Leiderdorp, Zoeterwoude, Alphen aan den Rijn, Kaag en Braassem, Nieuwkoop,
Bodegraven-Reeuwijk, Waddinxveen, Krimpenerwaard, Zuidplas, Rotterdam, Dordrecht, Utrecht,
Amsterdam, Haarlem, Amersfoort, Arnhem, Nijmegen, Eindhoven, Tilburg, Breda, Zwolle, Groningen,
Maastricht, Landelijk, Regio Holland Rijnland, Regio Haaglanden, Regio Midden-Holland"""
NAME_HEADS = (
    "Samen Buurt Thuis Sterk Open Gewoon Jong Ouder Kind Maatjes Wijk Steun Gezins Doe".split()
)
NAME_TAILS = "huis punt café netwerk kracht team plein lab kring tafel route start maatje".split()
ROLES = ["vrijwilligers", "jongerenwerker", "coördinator", "wijkcoach", "pedagoog", "ouders"]


class TextGenerator:
    """Sentences of words drawn from a Zipf-like distribution over a ranked vocabulary."""

    def __init__(
        self, rng: random.Random, exponent: float = 1.5, offset: int = 20, head: int = 600
    ) -> None:
        self.rng = rng
        self.vocabulary = ranked_vocabulary(rng)
        self.head = head
        self.ranking = list(self.vocabulary)
        weights = [1 / (rank + offset) ** exponent for rank in range(len(self.vocabulary))]
        self.cum_weights = list(accumulate(weights))

    def new_topic(self) -> None:
        """Reorder the head words: each example is about some of them more than others."""
        head = self.vocabulary[: self.head]
        self.rng.shuffle(head)
        self.ranking[: self.head] = head

    def text(self, words: int) -> str:
        drawn = self.rng.choices(self.ranking, cum_weights=self.cum_weights, k=words)
        sentences, position = [], 0
        while position < len(drawn):
            length = self.rng.randint(6, 15)
            chunk = drawn[position : position + length]
            position += length
            mixed: list[str] = []
            for word in chunk:
                if self.rng.random() < 0.4:
                    mixed.append(self.rng.choice(STOPWORDS))
                mixed.append(word)
            sentence = " ".join(mixed)
            sentences.append(sentence[:1].upper() + sentence[1:] + ".")
        return " ".join(sentences)

    def paragraphs(self, words: int) -> str:
        parts = []
        while words > 0:
            size = min(words, self.rng.randint(60, 140))
            parts.append(self.text(size))
            words -= size
        return "\n\n".join(parts)


def ensure_places() -> list[Place]:
    start = Place.objects.count()
    for order, name in enumerate(" ".join(PLACES.split()).split(", ")):
        Place.objects.get_or_create(
            key=slugify(name),
            defaults={"title": name, "title_en": name, "sort_order": start + order},
        )
    return list(Place.objects.all())


class Generator:
    def __init__(self, seed: int = 20231130) -> None:
        self.rng = random.Random(seed)
        self.text = TextGenerator(self.rng)
        self.catalogue = ExampleIndexPage.objects.get()
        self.elements = list(Element.objects.order_by("sort_order"))
        self.targets = list(TargetGroup.objects.all())
        self.topics = list(Topic.objects.all())
        self.themes = list(ImprovementTheme.objects.all())
        self.places = ensure_places()
        self.content_type = ContentType.objects.get_for_model(ExamplePage)
        last = self.catalogue.get_last_child()
        self.next_step = 1 + (Page._str2int(last.path[-Page.steplen :]) if last else 0)
        self.now = timezone.now()
        self.pool = embeddings.embed_passages(
            [self.text.text(self.rng.randint(40, 120)) for _ in range(POOL_SIZE)]
        )
        self.noise = np.random.default_rng(seed)

    def vector(self) -> bytes:
        base = self.pool[self.noise.integers(POOL_SIZE)]
        vector = base + self.noise.normal(0, NOISE, base.shape).astype(np.float32)
        return to_bytes(vector / np.linalg.norm(vector))

    def build(self, number: int) -> ExamplePage:
        rng, text = self.rng, self.text
        text.new_topic()
        place_list = rng.sample(self.places, rng.choice([1, 1, 1, 2, 3]))
        name = f"{rng.choice(NAME_HEADS)}{rng.choice(NAME_TAILS)} {place_list[0].title} {number}"
        slug = slugify(name)
        outside = rng.random() < 0.03
        age_min = rng.choice([None, 0, 0, 2, 4, 6, 10, 12, 12, 16])
        published = self.now - timedelta(days=rng.randint(0, 2000))
        path = Page._get_path(self.catalogue.path, self.catalogue.depth + 1, self.next_step)
        self.next_step += 1
        page = ExamplePage(
            title=name,
            draft_title=name,
            slug=slug,
            path=path,
            depth=self.catalogue.depth + 1,
            numchild=0,
            url_path=f"{self.catalogue.url_path}{slug}/",
            content_type=self.content_type,
            locale_id=self.catalogue.locale_id,
            live=True,
            has_unpublished_changes=False,
            first_published_at=published,
            last_published_at=published,
            latest_revision_created_at=published,
            short_name=name[:40],
            kind=rng.choice(Kind.values),
            since_year=rng.randint(1995, 2024),
            target_group=text.text(rng.randint(15, 35)),
            age_min=age_min,
            age_max=None if age_min is None else min(30, age_min + rng.choice([4, 6, 8, 12, 18])),
            formality=Formality.NONE if outside else rng.choice(Formality.values[:3]),
            scale=Scale.NONE if outside else rng.choice(Scale.values[:3]),
            summary=text.text(rng.randint(100, 150)),
            deepening=text.paragraphs(rng.randint(350, 650)),
            for_whom=text.text(rng.randint(40, 80)),
            by_whom=text.text(rng.randint(40, 80)),
            what_is_needed=text.text(rng.randint(40, 80)),
            basis=text.text(20),
        )
        page.organisations = [
            ExampleOrganisation(name=f"Stichting {rng.choice(NAME_HEADS)} {place.title}")
            for place in place_list[:2]
        ]
        page.delivery_roles = [DeliveryRole(role=role) for role in rng.sample(ROLES, 2)]
        chosen = sorted(
            rng.sample(self.elements, rng.randint(5, 8)), key=lambda element: element.sort_order
        )
        page.example_elements = [
            ExampleElement(element=element, explanation=text.text(rng.randint(30, 70)))
            for element in chosen
        ]
        page.what_works = [WhatWorksPoint(text=text.text(25)) for _ in range(rng.randint(2, 5))]
        page.improvements = [
            ImprovementPoint(text=text.text(25), theme=rng.choice(self.themes))
            for _ in range(rng.randint(1, 4))
        ]
        page.places = place_list
        page.target_groups = rng.sample(self.targets, rng.randint(1, 3))
        page.topics = rng.sample(self.topics, rng.randint(1, 3))
        return page

    def write(self, pages: list[ExamplePage]) -> int:
        """Write one batch; returns the number of SearchTerm rows."""
        page_fields = [
            field.attname for field in Page._meta.concrete_fields if field.attname != "id"
        ]
        bases = Page.objects.bulk_create(
            [Page(**{name: getattr(page, name) for name in page_fields}) for page in pages]
        )
        for page, base in zip(pages, bases, strict=True):
            page.id = page.page_ptr_id = base.id
        ExamplePage._base_manager._insert(
            pages, fields=ExamplePage._meta.local_concrete_fields, raw=True
        )

        parts: list[tuple[str, type[Model]]] = [
            ("organisations", ExampleOrganisation),
            ("delivery_roles", DeliveryRole),
            ("example_elements", ExampleElement),
            ("what_works", WhatWorksPoint),
            ("improvements", ImprovementPoint),
        ]
        for relation, model in parts:
            children = []
            for page in pages:
                for order, child in enumerate(getattr(page, relation).all()):
                    child.page_id, child.sort_order = page.id, order
                    children.append(child)
            model._default_manager.bulk_create(children)
        for relation in ("places", "target_groups", "topics"):
            field = ExamplePage._meta.get_field(relation)
            through = field.remote_field.through
            source = through._meta.get_field(field.m2m_field_name()).attname
            target = through._meta.get_field(field.m2m_reverse_field_name()).attname
            through.objects.bulk_create(
                through(**{source: page.id, target: term.pk})
                for page in pages
                for term in getattr(page, relation).all()
            )

        weights = {page.id: term_weights(page) for page in pages}
        SearchDocument.objects.bulk_create(
            SearchDocument(
                page_id=page.id,
                facets=" ".join(facet_keys(page)),
                sort_title=page.title.casefold()[:255],
                short_name=page.short_name.casefold()[:255],
                age_min=page.age_min,
                age_max=page.age_max,
                length=sum(weights[page.id].values()),
                published_at=page.first_published_at,
            )
            for page in pages
        )
        rows = [
            (page.id, lemma, weight) for page in pages for lemma, weight in weights[page.id].items()
        ]
        insert_terms(rows)
        Passage.objects.bulk_create(
            Passage(
                page_id=page.id,
                position=position,
                section=chunk.section,
                label=chunk.label,
                text=chunk.text,
                lemmas=lemma_set(chunk.text),
                text_hash=text_hash(chunk.text),
                vector=self.vector(),
            )
            for page in pages
            for position, chunk in enumerate(chunks(page))
        )
        return len(rows)


def insert_terms(rows: list[tuple[int, str, int]]) -> None:
    table = SearchTerm._meta.db_table
    columns = "document_id, lemma, weight"
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES (%s, %s, %s)", rows)


def batches(total: int, size: int) -> Iterator[range]:
    for start in range(0, total, size):
        yield range(start, min(start + size, total))


def generate(count: int, log: Callable[[str], None] = print) -> dict[str, float | int]:
    """Add count live examples; returns timings and sizes for the report."""
    started = time.perf_counter()
    generator = Generator()
    terms = 0
    for batch in batches(count, BATCH):
        with transaction.atomic():
            terms += generator.write([generator.build(number + 1) for number in batch])
        if (batch.stop % 2000) == 0 or batch.stop == count:
            log(f"  {batch.stop:>6} examples, {terms:>9} search terms")
    catalogue = generator.catalogue
    Page.objects.filter(pk=catalogue.pk).update(numchild=catalogue.get_children().count())
    # bulk_create sends no post_save, so tell the app servers' facet bitmaps ourselves.
    CatalogueState.bump()
    SemanticState.bump()
    return {
        "examples": count,
        "search_terms": terms,
        "vocabulary": len(generator.text.vocabulary),
        "seconds": round(time.perf_counter() - started, 1),
    }
