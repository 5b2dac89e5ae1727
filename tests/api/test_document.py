"""The generated OpenAPI document keeps the promises of v1 (docs/api.md, Versioning)."""

from .demo_data import SCHEMA_URL, vision_order


def objects(node):
    if isinstance(node, dict):
        if node.get("type") == "object":
            yield node
        for value in node.values():
            yield from objects(value)
    elif isinstance(node, list):
        for value in node:
            yield from objects(value)


def test_no_object_refuses_keys_that_a_later_v1_may_add(demo_content, client):
    document = client.get(SCHEMA_URL).json()

    closed = [o.get("title") for o in objects(document) if o.get("additionalProperties") is False]
    assert list(objects(document["components"]["schemas"]["ElementText"]))
    assert closed == []


def test_the_detail_documents_element_keys_as_the_visions_keys(demo_content, client):
    schemas = client.get(SCHEMA_URL).json()["components"]["schemas"]

    keys = schemas["ExampleDetail"]["properties"]["element_keys"]["items"]["enum"]
    assert sorted(keys) == sorted(vision_order())
    assert schemas["ElementText"]["properties"]["key"]["enum"] == keys
