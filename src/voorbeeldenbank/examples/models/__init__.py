from .interview import InterviewRecord
from .page import ExampleIndexPage, ExamplePage
from .parts import (
    DeliveryRole,
    EditorialNote,
    ExampleContact,
    ExampleElement,
    ExampleLink,
    ExampleOrganisation,
    ImprovementPoint,
    Quote,
    ReachFigure,
    WhatWorksPoint,
)
from .passages import Passage, SemanticState
from .search import CatalogueState, SearchDocument, SearchSynonym, SearchTerm
from .suggestions import ElementModelVersion
from .taxonomy import ImprovementTheme, Place, TargetGroup, Topic

__all__ = [
    "CatalogueState",
    "DeliveryRole",
    "EditorialNote",
    "ElementModelVersion",
    "ExampleContact",
    "ExampleElement",
    "ExampleIndexPage",
    "ExampleLink",
    "ExampleOrganisation",
    "ExamplePage",
    "ImprovementPoint",
    "ImprovementTheme",
    "InterviewRecord",
    "Passage",
    "Place",
    "Quote",
    "ReachFigure",
    "SearchDocument",
    "SearchSynonym",
    "SearchTerm",
    "SemanticState",
    "TargetGroup",
    "Topic",
    "WhatWorksPoint",
]
