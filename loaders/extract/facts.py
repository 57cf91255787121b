"""The facts one document yields, before they become RDF.

Extractors fill a :class:`DocumentFacts`; :mod:`innograph.loaders.extract.to_rdf` maps it onto the
ontology. Every fact keeps the :class:`Mention` it came from (character offsets into
``DocumentFacts.text``), so the graph can say where each statement comes from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

# the document's main_entity_type -> the EntityFact kind of its main entity
MAIN_TYPE_KIND = {
    "Project": "project",
    "Call": "call",
    "Programme": "programme",
    "Organisation": "organisation",
    "Cluster": "cluster",
    "Partnership": "partnership",
    "Platform": "platform",
}


@dataclass(frozen=True)
class Mention:
    start: int  # character offsets into DocumentFacts.text
    end: int
    text: str
    extractor: str  # which rule produced it, e.g. "values.money" or "entities.org-suffix"
    confidence: float = 0.8
    # the span the fact rests on when it is narrower or wider than the sentence (a theme's clause)
    context: tuple[int, int] | None = None


@dataclass
class EntityFact:
    # organisation | region | programme | project | cluster | desk | platform | partnership | call
    kind: str
    name: str  # as written (first or best mention)
    aliases: list[str] = field(default_factory=list)
    country: str | None = None  # ISO 3166-1 alpha-2
    role: str | None = None  # lead-partner, partner, coordinator, funder, host, advisory-body, ...
    org_type: str | None = None  # PublicAuthority, DevelopmentAgency, ResearchOrganisation, ...
    reference_key: str | None = None  # key of a reference entity (region code, programme slug)
    mentions: list[Mention] = field(default_factory=list)
    region: str | None = None  # an organisation's seat or area of activity, as written


@dataclass
class RelationFact:
    """An edge the text states: an organisation's region/country/role, a project's programme."""

    subject: EntityFact
    kind: str  # region | country | role | programme
    value: str  # the region as written, the country code, the role type, the programme's name
    mention: Mention  # the span the edge rests on (the place, the role cue, the programme)
    target: EntityFact | None = None  # the programme entity of a 'programme' edge


@dataclass
class DateFact:
    value: str  # ISO 8601 at the written precision: "2020", "2023-10", "2004-01-31"
    meaning: str  # start | end | publication | deadline | creation | meeting | other text
    mention: Mention


@dataclass
class AmountFact:
    value: Decimal  # in units: '11,3 mio. EUR' -> 11300000
    currency: str  # ISO 4217
    meaning: str
    mention: Mention


@dataclass
class PercentFact:
    value: Decimal
    meaning: str
    mention: Mention


@dataclass
class PersonFact:
    name: str
    role: str | None
    mention: Mention
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)  # E.164


@dataclass
class ThemeFact:
    text: str  # as written
    concept: str | None  # key of the SKOS theme concept, when one matches
    mention: Mention
    # the entities the theme's clause speaks of; empty: the document's main subject
    subjects: list[EntityFact] = field(default_factory=list)


@dataclass
class ValueFact:
    """An e-mail, phone (E.164), URL or country code found in the text."""

    value: str
    mention: Mention


@dataclass
class Segment:
    start: int
    end: int
    language: str | None


@dataclass
class DocumentFacts:
    doc_id: str
    text: str  # the text the offsets refer to (after format conversion)
    language: str | None = None
    segments: list[Segment] = field(default_factory=list)
    title: str | None = None
    main_entity_type: str | None = None  # Project, Call, Programme, Organisation, Cluster, Partnership, Platform
    main_entity: EntityFact | None = None
    entities: list[EntityFact] = field(default_factory=list)
    themes: list[ThemeFact] = field(default_factory=list)
    start_date: DateFact | None = None
    end_date: DateFact | None = None
    other_dates: list[DateFact] = field(default_factory=list)
    amounts: list[AmountFact] = field(default_factory=list)
    percentages: list[PercentFact] = field(default_factory=list)
    people: list[PersonFact] = field(default_factory=list)
    emails: list[ValueFact] = field(default_factory=list)
    phones: list[ValueFact] = field(default_factory=list)
    urls: list[ValueFact] = field(default_factory=list)
    countries: list[ValueFact] = field(default_factory=list)
    eligible_beneficiaries: list[str] = field(default_factory=list)
    partner_count: int | None = None
    source_url: str | None = None  # the document's own URL (never listed among its urls)
    relations: list[RelationFact] = field(default_factory=list)  # filled by extract.relations
