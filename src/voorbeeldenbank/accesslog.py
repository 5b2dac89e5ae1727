"""Logs without private links: the submitter's token and the contact person's signed value.

Both are secrets carried in the URL path under /insturen/ (submissions/urls.py): anyone who
reads them in a log can open the submission. Every line that gunicorn's access log or Django's
loggers write passes through `mask`, which keeps the shape of the address (which step, which
action) and replaces the secret segment and any query string with "***". The Referer is
masked too: a page behind a private link sends its own address to the next request.
nginx masks its access log the same way (deploy/nginx/voorbeeldenbank.conf).
"""

from __future__ import annotations

import logging
import re
from datetime import timedelta
from typing import Any

from gunicorn.glogging import Logger

MASK = "***"

# /insturen/<token>/…, /insturen/goedkeuren/<signed>/ and the same under a language prefix
# (/en/insturen/…). /insturen/ itself and the Word template are no secrets.
PRIVATE_LINK = re.compile(
    r"(?P<prefix>/(?:[a-z]{2}/)?insturen/(?:goedkeuren/)?)"
    r"(?!sjabloon\.docx(?:[?#\s\"']|$))"
    r"[^/?#\s\"']+"
    r"(?P<rest>[^?#\s\"']*)"
    r"(?P<query>\?[^#\s\"']*)?"
)


def _replace(match: re.Match[str]) -> str:
    query = "?" + MASK if match.group("query") else ""
    return f"{match.group('prefix')}{MASK}{match.group('rest')}{query}"


def mask(text: str) -> str:
    if "insturen/" not in text:
        return text
    return PRIVATE_LINK.sub(_replace, text)


def _masked(value: Any) -> Any:
    return mask(value) if isinstance(value, str) else value


class PrivateLinkFilter(logging.Filter):
    """Masks private links in a record's message, its arguments and its traceback text."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask(message)
        if masked != message:
            record.msg = masked
            record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask(record.exc_text)
        return True


class MaskingLogger(Logger):
    """gunicorn's logger with every access-log atom (request line, path, query, headers,
    environment) masked, whatever access_log_format picks from them."""

    def atoms(self, resp: Any, req: Any, environ: dict[str, Any], request_time: timedelta) -> Any:
        atoms = super().atoms(resp, req, environ, request_time)
        return {key: _masked(value) for key, value in atoms.items()}

    def setup(self, cfg: Any) -> None:
        super().setup(cfg)
        # The error log repeats request paths in tracebacks and warnings.
        for handler in self.error_log.handlers:
            handler.addFilter(PrivateLinkFilter())
