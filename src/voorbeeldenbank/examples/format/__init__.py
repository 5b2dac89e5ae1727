"""The report's format of an example, declared once (content.py) and read by every app.

The writer (`format.writing.apply_content`) is imported from its module: it needs the page
models, which themselves use this package.
"""

from .content import (
    Contact,
    Effectiveness,
    ElementText,
    ExampleContent,
    Improvement,
    Link,
    Quote,
    ReachFigure,
)
from .reading import content_from_page
from .spec import SECTION_KEYS, SECTIONS, Section, Spec
from .table import FORMAT, Format, FormatField

__all__ = [
    "FORMAT",
    "SECTIONS",
    "SECTION_KEYS",
    "Contact",
    "Effectiveness",
    "ElementText",
    "ExampleContent",
    "Format",
    "FormatField",
    "Improvement",
    "Link",
    "Quote",
    "ReachFigure",
    "Section",
    "Spec",
    "content_from_page",
]
