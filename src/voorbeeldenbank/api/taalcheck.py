"""POST /api/v1/taalcheck/: the language check as JSON. Stateless, so no CSRF token needed.

The body is read here rather than by ninja: its size is checked before it is parsed, and each
way of getting it wrong has its own message.
"""

import json
from collections.abc import Callable
from typing import Annotated, Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Router
from pydantic import BaseModel, Field

from voorbeeldenbank.lexicon.answer import result_json
from voorbeeldenbank.lexicon.check import check_text
from voorbeeldenbank.lexicon.constants import Category, ReadingLevel

from .openapi import documented_error, shared_error
from .responses import error_response

Offset = Annotated[int, Field(ge=0)]


def _body_limit(schema: dict[str, Any]) -> None:
    schema["description"] = f"At most {settings.TAALCHECK_MAX_BYTES} bytes of request body."


def _findings_limit(schema: dict[str, Any]) -> None:
    limit = settings.TAALCHECK_MAX_FINDINGS
    schema["maxItems"] = limit
    schema["description"] = f"In text order; at most the first {limit}."


class TaalcheckRequest(BaseModel):
    model_config = {"json_schema_extra": _body_limit}

    text: Annotated[str, Field(description="Any Dutch text; HTML is read as text.")]


class TaalcheckFinding(BaseModel):
    start: Annotated[Offset, Field(description="Offset in Unicode code points.")]
    end: Annotated[Offset, Field(description="Exclusive; text[start:end] == match.")]
    match: str
    term: Annotated[str, Field(description="The lexicon entry's term.")]
    category: Category
    alternatives: list[str]
    explanation: str


class Readability(BaseModel):
    score: Annotated[float, Field(description="Flesch-Douma reading ease.")]
    level: ReadingLevel
    label: str
    explanation: str
    meets_b1: Annotated[bool, Field(description="Score of 60 or more: about language level B1.")]


class TaalcheckResult(BaseModel):
    findings: Annotated[list[TaalcheckFinding], Field(json_schema_extra=_findings_limit)]
    readability: Annotated[Readability | None, Field(description="Null for a text without words.")]
    total_findings: Annotated[int, Field(ge=0, description="How many findings the whole text has.")]
    truncated: Annotated[
        bool, Field(description="True when total_findings is more than the findings listed.")
    ]
    message: Annotated[
        str | None, Field(description="When truncated: a sentence for the reader saying so.")
    ]


def _too_large() -> HttpResponse:
    return error_response(
        [
            _("De tekst is te groot: de taalcheck leest tot %(size)s bytes per verzoek.")
            % {"size": settings.TAALCHECK_MAX_BYTES}
        ],
        status=413,
    )


def read_text(
    request: HttpRequest, max_bytes: int, too_large: Callable[[], HttpResponse]
) -> str | HttpResponse:
    """The text from a JSON body {"text": "..."} of at most max_bytes, or the error response to
    send (too_large() for a body over the limit)."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > max_bytes:
        return too_large()
    try:
        body = request.body
    except RequestDataTooBig:
        return too_large()
    if len(body) > max_bytes:
        return too_large()
    try:
        data = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError:
        return error_response([_("De inhoud is geen geldige UTF-8-tekst.")], status=400)
    except ValueError:
        return error_response(
            [_('Stuur JSON in de vorm {"text": "..."}; dit is geen geldige JSON.')], status=400
        )
    if not isinstance(data, dict) or "text" not in data:
        return error_response([_('Het veld "text" ontbreekt.')], status=400)
    if not isinstance(data["text"], str):
        return error_response([_('Het veld "text" moet een tekst (string) zijn.')], status=400)
    text: str = data["text"]
    return text


def check(request: HttpRequest) -> HttpResponse | dict[str, Any]:
    text = read_text(request, settings.TAALCHECK_MAX_BYTES, _too_large)
    if isinstance(text, HttpResponse):
        return text
    return result_json(check_text(text, limit=settings.TAALCHECK_MAX_FINDINGS))


def router() -> Router:
    routes = Router()

    @routes.post(
        "/taalcheck/",
        response=TaalcheckResult,
        url_name="taalcheck",
        operation_id="checkText",
        summary="Find lexicon words in a Dutch text, with alternatives, and rate its "
        "readability. Changes nothing; no authentication or CSRF token needed.",
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": {"$ref": "#/components/schemas/TaalcheckRequest"}
                    }
                },
            },
            "responses": {
                200: {"description": "The findings, in text order, and the readability."},
                400: shared_error(400),
                405: documented_error(
                    "Only POST is allowed.",
                    {"Allow": {"schema": {"type": "string"}, "description": "POST"}},
                ),
                413: documented_error("The request body is larger than the server accepts."),
                429: shared_error(429),
            },
        },
    )
    def check_text(request: HttpRequest) -> HttpResponse | dict[str, Any]:
        return check(request)

    return routes
