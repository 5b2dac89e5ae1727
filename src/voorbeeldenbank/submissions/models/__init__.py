from .approval import ContactApprovalTask, ContactApprovalTaskState, contact_workflow
from .log import EditorNote, Transition
from .submission import Submission

__all__ = [
    "ContactApprovalTask",
    "ContactApprovalTaskState",
    "EditorNote",
    "Submission",
    "Transition",
    "contact_workflow",
]
