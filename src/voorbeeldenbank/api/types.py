"""The shapes of the API's answers that do not come from the format: lists, the matrix, the
catalogue download, the elements, the licence and the error body.

Objects stay open (no extra="forbid" in the document) so that adding a field later does not
break clients; every field is required because the API always sends every key.
"""

from typing import Annotated, Literal

from pydantic import BaseModel, Field, create_model

from voorbeeldenbank.examples import catalogue
from voorbeeldenbank.examples.constants import Formality, Kind, Scale
from voorbeeldenbank.examples.format.content import ElementKey

from .vocabulary import live_enum

Url = Annotated[str, Field(json_schema_extra={"format": "uri"})]
LiveElementKey = Annotated[ElementKey, live_enum("element")]
PageId = Annotated[int, Field(description="Page id; stable for the example's lifetime.")]
Slug = Annotated[str, Field(description="Stable identifier, also in the example's addresses.")]


class Licence(BaseModel):
    """The licence under which the content may be reused."""

    name: str
    url: Url


class Errors(BaseModel):
    """Readable messages, in the language of Accept-Language (Dutch or English)."""

    errors: Annotated[list[str], Field(min_length=1)]


class Identity(BaseModel):
    id: PageId
    slug: Slug
    name: str
    short_name: str


class Quadrant(BaseModel):
    formality: Formality
    scale: Scale


class Match(BaseModel):
    """Why a search found the example."""

    via: Annotated[
        list[Literal["name", "lexical", "semantic"]],
        Field(description="The rankings that found it: its name, its words, its meaning."),
    ]
    section: Annotated[str, Field(description="Where the snippet comes from (a section label).")]
    snippet: Annotated[str, Field(description="The best-matching passage, shortened.")]
    highlights: Annotated[
        list[tuple[int, int]],
        Field(description="Character spans [start, end) in snippet of the query's words."),
    ]


class SharedElement(BaseModel):
    key: LiveElementKey
    title: Annotated[str, Field(description="The element's title in the answer's language.")]


class RelatedExample(BaseModel):
    """An example like this one ("Lijkt op"), by meaning and by shared elements."""

    slug: Slug
    name: str
    url: Url | None
    api_url: Url
    shared_elements: Annotated[
        list[SharedElement], Field(description="The elements both examples show.")
    ]
    score: Annotated[
        float,
        Field(
            description="Similarity from 0 to 1: closeness in meaning of the two texts, "
            "combined with the overlap of their elements (never their number)."
        ),
    ]


class ExampleSummary(Identity):
    url: Url | None
    api_url: Url
    kind: Kind
    quadrant: Quadrant
    elements: list[LiveElementKey]
    element_count: int
    places: list[str]
    summary: str
    match: Annotated[
        Match | None, Field(description="Why a search found it (null without search words).")
    ] = None


Facets = create_model(  # type: ignore[call-overload]
    "Facets",
    __doc__="Per filter value: how many results it would give.",
    **dict.fromkeys(catalogue.FACETS, (dict[str, int], ...)),
)


class ExampleList(BaseModel):
    count: int
    next: Url | None
    previous: Url | None
    results: list[ExampleSummary]
    facets: Facets  # type: ignore[valid-type]
    licence: Licence


class Element(BaseModel):
    key: LiveElementKey
    title: str
    title_en: str
    summary: str
    summary_en: str
    order: int
    example_count: Annotated[int, Field(description="Published examples that show it.")]


class ElementList(BaseModel):
    count: int
    results: list[Element]
    licence: Licence


class MatrixRow(Identity):
    url: Url | None
    api_url: Url
    elements: Annotated[
        dict[str, bool], Field(description="Per element key: whether the example shows it.")
    ]
    element_count: int


class MatrixElement(BaseModel):
    key: LiveElementKey
    title: str


class Matrix(BaseModel):
    """Examples × elements, ordered by name like the website's matrix."""

    elements: list[MatrixElement]
    count: int
    results: list[MatrixRow]
    licence: Licence


class CatalogueRow(Identity):
    kind: Kind
    formality: Formality
    scale: Scale
    since_year: int | None
    age_min: int | None
    age_max: int | None
    places: list[str]
    target_groups: list[str]
    topics: list[str]
    elements: list[LiveElementKey]
    element_count: int
    url: Url | None
    api_url: Url


class CatalogueDownload(BaseModel):
    count: int
    results: list[CatalogueRow]
    licence: Licence
