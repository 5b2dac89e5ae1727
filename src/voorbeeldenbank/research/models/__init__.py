from .candidate import Candidate, CandidateContact
from .interview import Consent, Interview, InterviewContact
from .log import AppendOnlyError, ResearchLog, record
from .project import ProjectMember, ResearchProject

__all__ = [
    "AppendOnlyError",
    "Candidate",
    "CandidateContact",
    "Consent",
    "Interview",
    "InterviewContact",
    "ProjectMember",
    "ResearchLog",
    "ResearchProject",
    "record",
]
