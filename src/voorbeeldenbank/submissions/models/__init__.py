from .approval import (
    ContactApprovalTask,
    ContactApprovalTaskState,
    approval_rounds,
    contact_workflow,
)
from .log import EditorNote, Transition
from .submission import Submission

__all__ = [
    "ContactApprovalTask",
    "ContactApprovalTaskState",
    "EditorNote",
    "Submission",
    "Transition",
    "approval_rounds",
    "contact_workflow",
]
