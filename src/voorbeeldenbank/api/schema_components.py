"""The component schemas of the OpenAPI document (schema.py): the shapes of the API's bodies.

Every property is listed as required because the API always sends every key; objects stay
open (no additionalProperties: false) so that adding a field later does not break clients.
"""

from typing import Any

from voorbeeldenbank.examples import catalogue

Schema = dict[str, Any]
STR: Schema = {"type": "string"}
INT: Schema = {"type": "integer"}
URL: Schema = {"type": "string", "format": "uri"}
CONTACT_FIELDS = ("name", "organisation", "role", "email", "phone", "url")


def ref(name: str) -> Schema:
    return {"$ref": f"#/components/schemas/{name}"}


def array(items: Schema) -> Schema:
    return {"type": "array", "items": items}


def nullable(schema: Schema) -> Schema:
    return {**schema, "type": [schema["type"], "null"]}


def obj(properties: dict[str, Schema], description: str = "") -> Schema:
    """An object whose properties are all required: the API always sends every key."""
    schema: Schema = {"type": "object", "required": list(properties), "properties": properties}
    if description:
        schema["description"] = description
    return schema


def enum(values: list[str]) -> Schema:
    return {"type": "string", "enum": values}


def vocabularies() -> dict[str, list[str]]:
    return {
        name: [value for value, _label in pairs]
        for name, pairs in catalogue.facet_vocabularies().items()
    }


def schemas(vocab: dict[str, list[str]]) -> dict[str, Schema]:
    element_key = enum(vocab["element"])
    identity = {
        "id": {**INT, "description": "Page id; stable for the example's lifetime."},
        "slug": {**STR, "description": "Stable identifier, also in the example's addresses."},
        "name": STR,
        "short_name": STR,
    }
    return {
        "ElementKey": element_key,
        "Quadrant": obj({"formality": enum(vocab["formality"]), "scale": enum(vocab["scale"])}),
        "ExampleSummary": obj(
            {
                **identity,
                "url": nullable(URL),
                "api_url": URL,
                "kind": enum(vocab["kind"]),
                "quadrant": ref("Quadrant"),
                "elements": array(ref("ElementKey")),
                "element_count": INT,
                "places": array(STR),
                "summary": STR,
            }
        ),
        "ExampleList": obj(
            {
                "count": INT,
                "next": nullable(URL),
                "previous": nullable(URL),
                "results": array(ref("ExampleSummary")),
                "facets": obj(
                    {
                        name: {"type": "object", "additionalProperties": INT}
                        for name in catalogue.FACETS
                    },
                    "Per filter value: how many results it would give.",
                ),
                "licence": ref("Licence"),
            }
        ),
        "ExampleDetail": obj(
            {
                **identity,
                "organisations": array(STR),
                "places": array(obj({"key": STR, "title": STR})),
                "kind": enum(vocab["kind"]),
                "since_year": nullable(INT),
                "reach": array(obj({"label": STR, "value": STR})),
                "target_group": STR,
                "target_groups": array(STR),
                "age_min": nullable(INT),
                "age_max": nullable(INT),
                "delivered_by": array(STR),
                "topics": array(STR),
                "quadrant": ref("Quadrant"),
                "summary": STR,
                "deepening": STR,
                "for_whom": STR,
                "by_whom": STR,
                "what_is_needed": STR,
                "elements": array(obj({"key": ref("ElementKey"), "explanation": STR})),
                "element_keys": array(ref("ElementKey")),
                "what_works": array(STR),
                "improvements": array(obj({"text": STR, "theme": nullable(STR)})),
                "quotes": array(
                    obj(
                        {
                            "text": STR,
                            "speaker_role": STR,
                            "section": STR,
                            "element": nullable(STR),
                        }
                    )
                ),
                "links": array(obj({"title": STR, "url": STR})),
                "contacts": array(obj(dict.fromkeys(CONTACT_FIELDS, STR))),
                "basis": STR,
                "effectiveness": {
                    "oneOf": [obj({"status": STR, "url": nullable(STR)}), {"type": "null"}]
                },
                "last_checked": nullable({**STR, "format": "date"}),
                "first_published_at": nullable({**STR, "format": "date-time"}),
                "last_published_at": nullable({**STR, "format": "date-time"}),
                "url": nullable(URL),
                "licence": ref("Licence"),
            }
        ),
        "Element": obj(
            {
                "key": ref("ElementKey"),
                "title": STR,
                "title_en": STR,
                "summary": STR,
                "summary_en": STR,
                "order": INT,
                "example_count": {**INT, "description": "Published examples that show it."},
            }
        ),
        "ElementList": obj(
            {"count": INT, "results": array(ref("Element")), "licence": ref("Licence")}
        ),
        "MatrixRow": obj(
            {
                **identity,
                "url": nullable(URL),
                "api_url": URL,
                "elements": obj({key: {"type": "boolean"} for key in vocab["element"]}),
                "element_count": INT,
            }
        ),
        "Matrix": obj(
            {
                "elements": array(obj({"key": ref("ElementKey"), "title": STR})),
                "count": INT,
                "results": array(ref("MatrixRow")),
                "licence": ref("Licence"),
            },
            "Examples × elements, ordered by name like the website's matrix.",
        ),
        "CatalogueRow": obj(
            {
                **identity,
                "kind": enum(vocab["kind"]),
                "formality": enum(vocab["formality"]),
                "scale": enum(vocab["scale"]),
                "since_year": nullable(INT),
                "age_min": nullable(INT),
                "age_max": nullable(INT),
                "places": array(STR),
                "target_groups": array(STR),
                "topics": array(STR),
                "elements": array(ref("ElementKey")),
                "element_count": INT,
                "url": nullable(URL),
                "api_url": URL,
            }
        ),
        "CatalogueDownload": obj(
            {"count": INT, "results": array(ref("CatalogueRow")), "licence": ref("Licence")}
        ),
        "Licence": obj(
            {"name": STR, "url": URL}, "The licence under which the content may be reused."
        ),
        "Errors": obj(
            {"errors": {**array(STR), "minItems": 1}},
            "Readable messages, in the language of Accept-Language (Dutch or English).",
        ),
    }
