from .email import OutgoingEmail
from .info import (
    AccessibilityEvaluation,
    AccessibilityIssue,
    AccessibilityStatementPage,
    ContactSettings,
    InfoPage,
    PrivacyPage,
)
from .pages import HomePage, TablePage
from .vision import Element, EnglishTextMixin, is_english, localised

__all__ = [
    "AccessibilityEvaluation",
    "AccessibilityIssue",
    "AccessibilityStatementPage",
    "ContactSettings",
    "Element",
    "EnglishTextMixin",
    "HomePage",
    "InfoPage",
    "OutgoingEmail",
    "PrivacyPage",
    "TablePage",
    "is_english",
    "localised",
]
