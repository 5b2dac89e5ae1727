"""The query parameters of the API, as ninja documents and checks them.

Ninja checks the types; api.filters and api.pagination then read the same query strictly
(live vocabularies, limits from the settings, every problem at once, in the client's language).
Whatever ninja refuses the strict reading refuses too, so a client always gets its messages.
Limits that the settings may change are documented when the document is generated.
"""

from typing import Annotated, Any, Literal

from django.conf import settings
from pydantic import BaseModel, Field, create_model, field_validator

from voorbeeldenbank.examples import catalogue
from voorbeeldenbank.examples.constants import AGE_MAX, AGE_MIN

from .pagination import DEFAULT_PAGE_SIZE
from .vocabulary import live_enum


def _blank_is_none(cls: type[BaseModel], value: Any) -> Any:
    # The catalogue's form sends an empty age when none is chosen.
    return None if isinstance(value, str) and not value.strip() else value


def _query_limit(schema: dict[str, Any]) -> None:
    schema["maxLength"] = settings.SEARCH_MAX_QUERY_LENGTH


def _page_size_limit(schema: dict[str, Any]) -> None:
    schema["maximum"] = settings.API_MAX_PAGE_SIZE


FACET_DESCRIPTIONS = {
    "element": "Elements that must all be present (repeat the parameter for more).",
    "formality": "Informal or formal; several values are alternatives.",
    "scale": "Individual or collective; several values are alternatives.",
    "kind": "Kind of example; several values are alternatives.",
    "effectiveness": (
        "Level at which a databank of effective youth interventions recognises the example; "
        "several values are alternatives."
    ),
    "target": "Target group; several values are alternatives.",
    "topic": "Topic; several values are alternatives.",
    "place": "Place or region; several values are alternatives.",
}


def _facet(name: str) -> tuple[Any, Any]:
    return list[Annotated[str, live_enum(name)]], Field(
        default=[], description=FACET_DESCRIPTIONS[name]
    )


# The catalogue's search and filters, shared by the list, the matrix and the downloads: the
# search words, every facet of the catalogue, and the age.
FILTER_FIELDS: dict[str, Any] = {
    "q": (
        str,
        Field(
            default="",
            description="Words to search for (Dutch-aware); results are then ordered by relevance.",
            json_schema_extra=_query_limit,
        ),
    ),
    "mode": (
        Literal["hybrid", "lexical", "semantic"],
        Field(
            default="hybrid",
            description=(
                "How q is searched: 'lexical' by its words (best match over Dutch lemmas, any "
                "word; compounds split, synonyms added), 'semantic' by meaning (multilingual "
                "passage embeddings), 'hybrid' both, fused by reciprocal rank. An exact name "
                "comes first in every mode."
            ),
        ),
    ),
    "sort": (
        Literal["", "relevance", "newest", "az"],
        Field(
            default="",
            description=(
                "Order of the results: 'relevance' (the default with q), 'newest' (first "
                "published), 'az' (by name; the default without q)."
            ),
        ),
    ),
    **{name: _facet(name) for name in catalogue.FACETS},
    "age": (
        Annotated[int, Field(ge=AGE_MIN, le=AGE_MAX)] | None,
        Field(default=None, description="Age of the child or young person, in years."),
    ),
}
Filters: type[BaseModel] = create_model(
    "Filters",
    __validators__={"blank_age": field_validator("age", mode="before")(_blank_is_none)},
    **FILTER_FIELDS,
)


class Paging(BaseModel):
    page: Annotated[int, Field(ge=1, description="Page number.")] = 1
    page_size: Annotated[
        int, Field(ge=1, description="Results per page.", json_schema_extra=_page_size_limit)
    ] = DEFAULT_PAGE_SIZE
