from .log import ApprovalRound, EditorNote, Transition
from .submission import Submission

__all__ = ["ApprovalRound", "EditorNote", "Submission", "Transition"]
