"""The language check's part of the API's OpenAPI document (api/schema.py includes it)."""

from collections.abc import Callable

from django.conf import settings

from voorbeeldenbank.api.schema_components import INT, STR, Schema, array, enum, obj, ref

from .constants import Category, ReadingLevel


def taalcheck_schemas() -> dict[str, Schema]:
    return {
        "TaalcheckRequest": {
            **obj({"text": {**STR, "description": "Any Dutch text; HTML is read as text."}}),
            "description": f"At most {settings.TAALCHECK_MAX_BYTES} bytes of request body.",
        },
        "TaalcheckFinding": obj(
            {
                "start": {**INT, "minimum": 0, "description": "Offset in Unicode code points."},
                "end": {**INT, "minimum": 0, "description": "Exclusive; text[start:end] == match."},
                "match": STR,
                "term": {**STR, "description": "The lexicon entry's term."},
                "category": enum(Category.values),
                "alternatives": array(STR),
                "explanation": STR,
            }
        ),
        "Readability": obj(
            {
                "score": {"type": "number", "description": "Flesch-Douma reading ease."},
                "level": enum(ReadingLevel.values),
                "label": STR,
                "explanation": STR,
                "meets_b1": {
                    "type": "boolean",
                    "description": "Score of 60 or more: about language level B1.",
                },
            }
        ),
        "TaalcheckResult": obj(
            {
                "findings": {
                    **array(ref("TaalcheckFinding")),
                    "maxItems": settings.TAALCHECK_MAX_FINDINGS,
                    "description": "In text order; at most the first "
                    f"{settings.TAALCHECK_MAX_FINDINGS}.",
                },
                "readability": {
                    "oneOf": [ref("Readability"), {"type": "null"}],
                    "description": "Null for a text without words.",
                },
                "total_findings": {
                    **INT,
                    "minimum": 0,
                    "description": "How many findings the whole text has.",
                },
                "truncated": {
                    "type": "boolean",
                    "description": "True when total_findings is more than the findings listed.",
                },
                "message": {
                    "type": ["string", "null"],
                    "description": "When truncated: a sentence for the reader saying so.",
                },
            }
        ),
    }


def taalcheck_path(error: Callable[..., Schema]) -> Schema:
    """POST /taalcheck/; `error` is the shared error response for a description."""
    body = {"content": {"application/json": {"schema": ref("TaalcheckRequest")}}}
    return {
        "post": {
            "operationId": "checkText",
            "summary": "Find lexicon words in a Dutch text, with alternatives, and rate its "
            "readability. Changes nothing; no authentication or CSRF token needed.",
            "requestBody": {**body, "required": True},
            "responses": {
                "200": {
                    "description": "The findings, in text order, and the readability.",
                    "content": {"application/json": {"schema": ref("TaalcheckResult")}},
                },
                "400": {"$ref": "#/components/responses/BadRequest"},
                "405": error(
                    "Only POST is allowed.", {"Allow": {"schema": STR, "description": "POST"}}
                ),
                "413": error("The request body is larger than the server accepts."),
                "429": {"$ref": "#/components/responses/TooManyRequests"},
            },
        }
    }
