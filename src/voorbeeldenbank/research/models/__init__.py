from .candidate import Candidate, CandidateContact
from .interview import Consent, Interview, InterviewContact
from .log import AppendOnlyError, ResearchLog, record
from .project import ProjectMember, ResearchProject
from .verslag import FrozenVersionError, Verslag, VerslagSource, VerslagVersion

__all__ = [
    "AppendOnlyError",
    "Candidate",
    "CandidateContact",
    "Consent",
    "FrozenVersionError",
    "Interview",
    "InterviewContact",
    "ProjectMember",
    "ResearchLog",
    "ResearchProject",
    "Verslag",
    "VerslagSource",
    "VerslagVersion",
    "record",
]
