from .build import EditionBuild
from .chapter import ReportChapter
from .edition import Edition

__all__ = ["Edition", "EditionBuild", "ReportChapter"]
