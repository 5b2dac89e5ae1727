"""Verslagen, versions (with a trait for the codable state), codes and coded segments."""

import datetime

import factory

from voorbeeldenbank.research.models import Code, CodeKind, Segment, Verslag, VerslagVersion

from .factories import InterviewFactory

RELEASED = datetime.datetime(2026, 3, 10, 9, 0, tzinfo=datetime.UTC)
APPROVED = datetime.datetime(2026, 3, 12, 15, 30, tzinfo=datetime.UTC)


class VerslagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Verslag

    interview = factory.SubFactory(InterviewFactory)


class VerslagVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VerslagVersion

    verslag = factory.SubFactory(VerslagFactory)
    number = factory.Sequence(lambda n: n + 1)
    original_text = "Oorspronkelijke tekst met namen."
    anonymised_text = "Geanonimiseerde tekst van [PERSOON-1]."

    class Params:
        released = factory.Trait(released_at=RELEASED)
        codable = factory.Trait(released_at=RELEASED, approved_at=APPROVED)


class CodeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Code
        django_get_or_create = ("project", "key")

    kind = CodeKind.FREE
    key = factory.Sequence(lambda n: f"vrij:code-{n}")
    name = factory.Sequence(lambda n: f"Code {n}")


class SegmentFactory(factory.django.DjangoModelFactory):
    """A segment on `passage`, the first place it occurs in the version's released text."""

    class Meta:
        model = Segment

    version = factory.SubFactory(VerslagVersionFactory, codable=True)
    code = factory.SubFactory(
        CodeFactory, project=factory.SelfAttribute("..version.verslag.interview.project")
    )
    start = factory.LazyAttribute(lambda o: o.version.anonymised_text.index(o.passage))
    end = factory.LazyAttribute(lambda o: o.start + len(o.passage))
    snippet = factory.LazyAttribute(lambda o: o.version.anonymised_text[o.start : o.end])

    class Params:
        passage = "tekst"
