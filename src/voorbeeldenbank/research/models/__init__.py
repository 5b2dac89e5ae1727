from .candidate import Candidate, CandidateContact
from .coding import Code, CodeKind, CodingAction, CodingLog, Segment
from .interview import Consent, Interview, InterviewContact
from .log import AppendOnlyError, ResearchLog, record
from .membercheck import MemberCheckRound, MemberCheckStatus
from .project import ProjectMember, ResearchProject
from .recording import Recording
from .verslag import AnonymisationStatus, FrozenVersionError, Verslag, VerslagSource, VerslagVersion

__all__ = [
    "AnonymisationStatus",
    "AppendOnlyError",
    "Candidate",
    "CandidateContact",
    "Code",
    "CodeKind",
    "CodingAction",
    "CodingLog",
    "Consent",
    "FrozenVersionError",
    "Interview",
    "InterviewContact",
    "MemberCheckRound",
    "MemberCheckStatus",
    "ProjectMember",
    "Recording",
    "ResearchLog",
    "ResearchProject",
    "Segment",
    "Verslag",
    "VerslagSource",
    "VerslagVersion",
    "record",
]
