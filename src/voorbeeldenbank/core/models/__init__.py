from .email import OutgoingEmail
from .pages import HomePage, TablePage
from .vision import Element, EnglishTextMixin, is_english, localised

__all__ = [
    "Element",
    "EnglishTextMixin",
    "HomePage",
    "OutgoingEmail",
    "TablePage",
    "is_english",
    "localised",
]
