"""POST /api/v1/elements/suggest/: which of the eight elements a Dutch text shows, with the
sentences that show it. Advice only; stateless, so no CSRF token.

The body is read and checked like the language check's (taalcheck.read_text), against its own
size limit. Without a trained model yet the answer is a 503 and a worker is asked to train one.
"""

from typing import Annotated, Any, Literal

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Router
from pydantic import BaseModel, Field

from voorbeeldenbank.core.constants import ELEMENT_KEYS
from voorbeeldenbank.core.ratelimit import Limit, Rate, per_ip
from voorbeeldenbank.examples.suggestions.suggest import NoModel, suggest
from voorbeeldenbank.examples.suggestions.tasks import bootstrap_soon

from .openapi import documented_error, shared_error
from .responses import error_response
from .taalcheck import read_text

SCOPE = "element-suggest"
Offset = Annotated[int, Field(ge=0)]


def _body_limit(schema: dict[str, Any]) -> None:
    schema["description"] = f"At most {settings.ELEMENT_SUGGEST_MAX_BYTES} bytes of request body."


class SuggestRequest(BaseModel):
    model_config = {"json_schema_extra": _body_limit}

    text: Annotated[str, Field(description="Dutch text: a description, a paragraph, a page.")]


class SuggestEvidence(BaseModel):
    start: Annotated[Offset, Field(description="Offset in Unicode code points.")]
    end: Annotated[Offset, Field(description="Exclusive; text[start:end] == sentence.")]
    sentence: str


class SuggestElement(BaseModel):
    key: Annotated[str, Field(description="The element's key, as in /elements/.")]
    score: Annotated[float, Field(ge=0, le=1, description="Calibrated probability.")]
    present: Annotated[
        Literal["yes", "no", "unsure"],
        Field(description="yes above the element's upper threshold, unsure in between."),
    ]
    evidence: Annotated[
        list[SuggestEvidence],
        Field(description="The sentences that show it most, best first; empty for no."),
    ]


class SuggestResult(BaseModel):
    model: Annotated[str, Field(description="Version of the model that answered.")]
    elements: Annotated[
        list[SuggestElement],
        Field(
            min_length=len(ELEMENT_KEYS),
            max_length=len(ELEMENT_KEYS),
            description="All eight elements, in the vision's order.",
        ),
    ]


def suggest_limits(request: HttpRequest) -> list[Limit]:
    return [per_ip(SCOPE, request, Rate.setting("ELEMENT_SUGGEST_RATE_LIMIT_PER_IP"))]


def _too_large() -> HttpResponse:
    return error_response(
        [
            _("De tekst is te groot: de suggesties lezen tot %(size)s bytes per verzoek.")
            % {"size": settings.ELEMENT_SUGGEST_MAX_BYTES}
        ],
        status=413,
    )


def answer(request: HttpRequest) -> HttpResponse | dict[str, Any]:
    text = read_text(request, settings.ELEMENT_SUGGEST_MAX_BYTES, _too_large)
    if isinstance(text, HttpResponse):
        return text
    if not text.strip():
        return error_response([_('Het veld "text" is leeg: stuur de tekst mee.')], status=400)
    try:
        return dict(suggest(text).to_dict())
    except NoModel:
        bootstrap_soon()
        return error_response(
            [
                _(
                    "Het model voor de suggesties wordt nog getraind. "
                    "Probeer het over een paar minuten opnieuw."
                )
            ],
            status=503,
        )


def router() -> Router:
    routes = Router()

    @routes.post(
        "/elements/suggest/",
        response=SuggestResult,
        url_name="element-suggest",
        operation_id="suggestElements",
        summary="Suggest which of the eight elements a Dutch text shows, with a score, "
        "yes/no/unsure and the sentences that show it. Advice only; changes nothing.",
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/SuggestRequest"}}
                },
            },
            "responses": {
                200: {"description": "All eight elements in the vision's order."},
                400: shared_error(400),
                405: documented_error(
                    "Only POST is allowed.",
                    {"Allow": {"schema": {"type": "string"}, "description": "POST"}},
                ),
                413: documented_error("The request body is larger than the server accepts."),
                429: shared_error(429),
                503: documented_error("No model has been trained yet; try again in minutes."),
            },
        },
    )
    def suggest_elements(request: HttpRequest) -> HttpResponse | dict[str, Any]:
        return answer(request)

    return routes
