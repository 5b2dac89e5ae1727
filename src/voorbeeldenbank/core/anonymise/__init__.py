"""De-identification of interview reports (gespreksverslagen): deduce plus Dutch patterns."""

from .categories import Category
from .deidentify import Result, Span, SpanDict, anonymise
from .engine import get_deduce
from .mapping import Mapping

__all__ = ["Category", "Mapping", "Result", "Span", "SpanDict", "anonymise", "get_deduce"]
