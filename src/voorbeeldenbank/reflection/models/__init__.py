from .scan import DiscussionQuestion, Statement
from .session import Answer, ElementNote, ReflectionSession, Response

__all__ = [
    "Answer",
    "DiscussionQuestion",
    "ElementNote",
    "ReflectionSession",
    "Response",
    "Statement",
]
