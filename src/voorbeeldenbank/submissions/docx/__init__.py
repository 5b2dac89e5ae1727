"""The format as a Word template, and the parser that reads a filled-in copy back.

The parser never runs anything from the file: see `safety` for the checks made before
python-docx opens it and `reader` for what is read.
"""

from .parser import ParseResult, parse_docx
from .safety import DocxError
from .template import build_template

__all__ = ["DocxError", "ParseResult", "build_template", "parse_docx"]
