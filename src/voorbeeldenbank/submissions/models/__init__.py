from .log import ApprovalRound, EditorNote, Transition
from .submission import Submission, explained_elements

__all__ = ["ApprovalRound", "EditorNote", "Submission", "Transition", "explained_elements"]
