"""JSON as the API has always written it: UTF-8 without escaping, compact, dates in ISO 8601
with their full precision."""

import datetime
import json
from typing import Any

from django.http import HttpRequest
from ninja.renderers import BaseRenderer


def _default(value: Any) -> Any:
    if isinstance(value, datetime.date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")


class Renderer(BaseRenderer):
    media_type = "application/json"
    charset = "utf-8"

    def render(self, request: HttpRequest, data: Any, *, response_status: int) -> bytes:
        return json.dumps(data, ensure_ascii=False, default=_default).encode("utf-8")
