"""What the partner-search answers look like: response models (documented in OpenAPI at
``/api/docs``) and the JSON-LD contexts that make the same JSON read as RDF."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from innograph.iris import Iris


class Link(BaseModel):
    iri: str
    label: str


class EvidenceOut(BaseModel):
    sentence: str = Field(description="The sentence the fact was read from, as written.")
    document: str = Field(description="IRI of the source document.")
    title: str = Field("", description="Title of the source document.")
    url: str = Field("", description="Where the source document was retrieved from.")
    page: str | None = Field(None, description="Local path of the source document's page.")


class ProjectRole(BaseModel):
    iri: str | None = Field(None, description="The role type (ig:roleType).")
    label: str | None = None
    as_written: str | None = Field(None, description="The role as the source wrote it (rdfs:label of the role).")


class ProjectSource(BaseModel):
    """Where the candidate's role in the project was read: an imported file's row, or a page."""

    dataset: str | None = Field(None, description="The imported dataset (dcat:Dataset).")
    dataset_title: str | None = None
    file: str | None = Field(None, description="The file of the dataset (its name).")
    row: str | None = Field(None, description="The row's identifier (dcterms:identifier).")
    document: str | None = Field(None, description="The source document, for a role read on a page.")
    url: str | None = Field(None, description="Where that document was retrieved from.")


class ThemeProject(BaseModel):
    """A project (call, platform...) the candidate took part in that has the theme."""

    iri: str
    label: str = Field(description="Its title.")
    acronym: str | None = None
    start: str | None = Field(None, description="ig:startDate (ISO date).")
    end: str | None = Field(None, description="ig:endDate (ISO date).")
    roles: list[ProjectRole]
    programmes: list[Link]
    sources: list[ProjectSource]


class MatchedTheme(BaseModel):
    need: str = Field(description="The needed theme concept this matches.")
    need_label: str
    iri: str = Field(description="The candidate's theme concept.")
    label: str = Field(description="Its label in the requested language.")
    relation: Literal["exact", "broader", "narrower", "sibling"]
    weight: float = Field(description="1.0 exact, 0.5 one step in the scheme, 0.25 two; through projects only: "
                          "x0.8 for one, up to x1.0 for five or more.")
    via: str | None = Field(None, description="The project (or other thing) the theme was found on, if not the org.")
    via_label: str | None = None
    evidence: list[EvidenceOut]
    projects: list[ThemeProject] = Field([], description="The projects with this theme the candidate took part "
                                         "in (at most five), with its roles, their programmes and sources.")
    project_count: int = Field(0, description="How many projects the candidate took part in have this theme.")


class MatchedKeyword(BaseModel):
    keyword: str
    evidence: list[EvidenceOut]


class SharedProgramme(BaseModel):
    iri: str
    label: str
    via: str | None = None
    evidence: list[EvidenceOut]




class Contact(BaseModel):
    person: str
    name: str | None = None
    job_title: str | None = None
    emails: list[str] = []
    phones: list[str] = []


class PartnerLink(BaseModel):
    iri: str
    label: str
    country: str | None = Field(None, description="ISO 3166-1 alpha-2 code, when known.")


class Participation(BaseModel):
    """Something the candidate took part in that matters to this search (a reified ig:Role)."""

    iri: str = Field(description="The project, call, platform... (ig:roleIn).")
    label: str
    kind: str | None = Field(None, description="Its type: Project, Call, Platform...")
    roles: list[Link] = Field(description="The candidate's role types in it (ig:roleType).")
    programmes: list[Link] = Field(description="Its programmes (ig:programme).")
    partners: list[PartnerLink] = Field(
        description="The other organisations with a role in it, the seeker first (at most 20)."
    )
    partner_count: int = Field(description="How many other organisations have a role in it.")


class Reason(BaseModel):
    kind: Literal["theme", "keywords", "participation", "programmes", "cooperation", "type", "border"]
    text: str


class ScoreParts(BaseModel):
    themes: float
    keywords: float
    types: float
    programmes: float
    cooperation: float


class PartnerResult(BaseModel):
    iri: str
    label: str
    same_as: list[str] = Field([], description="The IRIs resolution found to name this organisation (owl:sameAs "
                               "of innograph resolve), this one included; empty when it has no other.")
    country: str | None = Field(description="ISO 3166-1 alpha-2 code.")
    regions: list[Link]
    types: list[str]
    score: float = Field(description="Sum of the weighted parts, 0..1.")
    parts: ScoreParts = Field(description="Each part already multiplied by its weight.")
    matched_themes: list[MatchedTheme]
    matched_keywords: list[MatchedKeyword]
    shared_programmes: list[SharedProgramme]
    cooperation: list[Link] = Field(description="Things the candidate and the seeker organisation both took part in.")
    participations: list[Participation] = Field(
        description="Up to three participations: with the seeker, in one of the seeker's programmes, or with "
        "an organisation of the seeker's country."
    )
    reasons: list[Reason] = Field(description="The reasons one by one; a theme reason quotes its evidence.")
    explanation: str = Field(description="Why, in one paragraph, quoting the evidence sentence of each matched theme.")
    page: str | None = Field(description="Local path of the entity's page.")
    contacts: list[Contact] | None = Field(None, description="Only with the bearer token.")


class ThemeNeed(BaseModel):
    iri: str
    label: str
    source: str


class QueryEcho(BaseModel):
    org: str | None
    q: str | None
    country: str | None
    region: str | None
    programme: str | None
    types: list[str]
    same_country: bool
    lang: str
    themes: list[ThemeNeed] = Field(description="The theme concepts the search looked for, and where each came from.")
    keywords: list[str]


class PartnerAnswer(BaseModel):
    query: QueryEcho
    weights: dict[str, float]
    total: int
    limit: int
    offset: int
    generation: int = Field(description="The store generation the index reflects.")
    notes: list[str]
    results: list[PartnerResult]


class SearchHit(BaseModel):
    iri: str
    label: str
    matched_label: str
    matched_lang: str | None
    types: list[str]
    score: float
    page: str


class SearchAnswer(BaseModel):
    q: str
    total: int
    results: list[SearchHit]


# -- JSON-LD contexts ---------------------------------------------------------------------------------


def _api(iris: Iris) -> str:
    return iris.base + "api/partners#"


def partner_context(iris: Iris) -> dict[str, Any]:
    """Our JSON keys as RDF: results are the organisations (``@id``), themes link with ig:theme."""
    ig = iris.vocab
    return {
        "@version": 1.1,
        "@vocab": _api(iris),
        "ig": ig,
        "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
        "results": {"@id": _api(iris) + "result", "@container": "@list"},
        "iri": "@id",
        "label": "rdfs:label",
        "page": {"@type": "@id"},
        "document": {"@id": "ig:inDocument", "@type": "@id"},
        "sentence": "ig:sentence",
        "org": {"@type": "@id"},
        "region": {"@type": "@id"},
        "programme": {"@type": "@id"},
        "need": {"@type": "@id"},
        "via": {"@type": "@id"},
        "person": {"@type": "@id"},
        "matched_themes": {"@context": {"iri": {"@id": "ig:theme", "@type": "@id"}}},
        "themes": {"@context": {"iri": {"@id": "ig:theme", "@type": "@id"}}},
        "shared_programmes": {"@context": {"iri": {"@id": "ig:programme", "@type": "@id"}}},
        "regions": {"@context": {"iri": {"@id": "ig:region", "@type": "@id"}}},
        "cooperation": {"@context": {"iri": {"@id": _api(iris) + "cooperatedIn", "@type": "@id"}}},
        "weights": {"@id": _api(iris) + "weights", "@type": "@json"},
        "parts": {"@id": _api(iris) + "parts", "@type": "@json"},
    }


def search_context(iris: Iris) -> dict[str, Any]:
    return {
        "@version": 1.1,
        "@vocab": iris.base + "api/search#",
        "results": {"@id": iris.base + "api/search#result", "@container": "@list"},
        "iri": "@id",
        "label": "http://www.w3.org/2000/01/rdf-schema#label",
        "page": {"@type": "@id"},
    }
