from .build import EditionBuild
from .chapter import ReportChapter
from .edition import Edition
from .example_pdf import ExamplePdf

__all__ = ["Edition", "EditionBuild", "ExamplePdf", "ReportChapter"]
