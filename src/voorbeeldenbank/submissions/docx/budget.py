"""A time budget for reading one upload, checked between paragraphs and table rows.

The zip checks in `safety` bound how much XML there is; this bounds how long reading it may
take, so one upload cannot hold a web worker for many seconds (a 2 MB file can unpack to tens
of thousands of paragraphs). lxml's own parse of one part is not interrupted, but that part is
at most MAX_PART_BYTES and lxml parses it in well under a second.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .safety import DocxError


class TimeBudget:
    def __init__(
        self, seconds: float | None = None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.clock = clock
        limit = settings.SUBMISSION_DOCX_PARSE_SECONDS if seconds is None else seconds
        self.deadline = clock() + limit

    def __call__(self) -> None:
        if self.clock() > self.deadline:
            raise DocxError(
                _(
                    "Het bestand is te lang om hier te lezen. Haal overbodige tekst weg, of "
                    "vul de stappen op de site in."
                )
            )
