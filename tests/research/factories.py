"""Research projects, members, candidates (with traits per state), interviews and recordings."""

import datetime

import factory

from voorbeeldenbank.examples.constants import Formality, InterviewMode, InterviewRole, Scale
from voorbeeldenbank.research.constants import CandidateState, MemberRole
from voorbeeldenbank.research.models import (
    Candidate,
    CandidateContact,
    Interview,
    InterviewContact,
    ProjectMember,
    Recording,
    ResearchProject,
)


class ResearchProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ResearchProject

    name = factory.Sequence(lambda n: f"Voorbeelden 20{25 + n}")
    description = "Een ronde praktijkvoorbeelden verzamelen."

    class Params:
        ended = factory.Trait(
            ended_at=factory.LazyFunction(
                lambda: datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
            )
        )


class ProjectMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProjectMember

    project = factory.SubFactory(ResearchProjectFactory)
    role = MemberRole.INTERVIEWER

    class Params:
        lead = factory.Trait(role=MemberRole.LEAD)


class CandidateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Candidate

    project = factory.SubFactory(ResearchProjectFactory)
    name = factory.Sequence(lambda n: f"Praktijk {n}")
    organisation = "Stichting Buurt"
    formality = Formality.INFORMEEL
    scale = Scale.COLLECTIEF

    class Params:
        benaderd = factory.Trait(state=CandidateState.BENADERD)
        akkoord = factory.Trait(state=CandidateState.AKKOORD)
        afgevallen = factory.Trait(
            state=CandidateState.AFGEVALLEN, dropped_reason="Geen tijd dit jaar."
        )


class CandidateContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CandidateContact

    candidate = factory.SubFactory(CandidateFactory)
    name = factory.Sequence(lambda n: f"Contact {n}")
    email = factory.Sequence(lambda n: f"contact{n}@example.org")


class InterviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Interview

    candidate = factory.SubFactory(CandidateFactory, akkoord=True)
    project = factory.SelfAttribute("candidate.project")
    role = InterviewRole.VRIJWILLIGER
    mode = InterviewMode.FYSIEK
    date = datetime.date(2026, 3, 4)
    duration_minutes = 60


class InterviewContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InterviewContact

    interview = factory.SubFactory(InterviewFactory)
    name = factory.Sequence(lambda n: f"Geïnterviewde {n}")
    email = factory.Sequence(lambda n: f"gesprek{n}@example.org")


class RecordingFactory(factory.django.DjangoModelFactory):
    """A recording with a small file in private storage (point RESEARCH_PRIVATE_ROOT at a
    temporary folder first)."""

    class Meta:
        model = Recording

    interview = factory.SubFactory(InterviewFactory)
    file = factory.django.FileField(filename="opname.m4a", data=b"geluid van het gesprek")
    original_name = "gesprek.m4a"
    size_bytes = 22
