"""The edges a text states between the entities of one document (issue 16).

Runs after the entity and people passes and fills :attr:`DocumentFacts.relations`:

- an organisation's **region** and **country**: a region or town inside its own name where the name
  says where it sits ('Region Midtjylland', 'Aalborg Universitet', 'University of Helsinki'), or a
  town written right after the name ('LILLIAD (Villeneuve-d'Ascq)', 'Kiel University, Kiel'); a
  country comes from that place, else from the document's home country
  (:mod:`organisation_places`);
- an organisation's **role** towards the main entity: the role cue nearest to one of its mentions in
  the same sentence (a cue belongs to the organisation it is closest to, so 'X is lead partner,
  with Y' does not make Y a lead partner), or the heading of the list it stands in ('Partners:')
  (:mod:`organisation_roles`);
- a project's **programmes**: those named in the project's own sentences, else the programmes that
  frame the document (its Interreg or named programme rather than a fund) (here);
- each **theme** to the entity its clause speaks of (:func:`themes.attribute_themes`).

Every edge keeps the span it rests on (:class:`RelationFact.mention`), for its evidence node.
"""

from __future__ import annotations

from functools import cache

from innograph.loaders.base import SourceMeta
from innograph.loaders.extract.candidates import sentence_spans
from innograph.loaders.extract.facts import DocumentFacts, EntityFact, Mention, RelationFact
from innograph.loaders.extract.organisation_nodes import regional_home
from innograph.loaders.extract.organisation_places import home_country, place_organisation, seat_places
from innograph.loaders.extract.organisation_roles import assign_roles, enumeration_gap
from innograph.loaders.extract.resolve_reference import resolve_organisations
from innograph.loaders.extract.themes import attribute_themes
from innograph.ontology.reference import programmes as reference_programmes

EXTRACTOR = "relations"
_FUND_KINDS = frozenset({"fund", "framework"})


def extract_relations(facts: DocumentFacts, meta: SourceMeta) -> None:
    """Fill ``facts.relations`` (and the organisations' ``country``, ``region``, ``role``)."""
    resolve_organisations(facts)
    sentences = sentence_spans(facts.text)
    organisations = [e for e in facts.entities if e.kind == "organisation"]
    home = home_country(facts, meta)
    region_countries = {e.country for e in facts.entities if e.kind == "region" and e.country}
    default = regional_home(region_countries, {c.value for c in facts.countries}) or home
    seats = seat_places(facts, organisations, sentences)
    for org in organisations:
        place_organisation(facts, org, home, default, seats.get(id(org)))
    assign_roles(facts, organisations, sentences)
    _programmes_of_projects(facts, sentences)
    _share_with_cluster_twins(facts)
    attribute_themes(facts, enumeration_gap())  # after resolution, which merges entities


@cache
def _programme_kinds() -> dict[str, str]:
    return {p.key: p.kind for p in reference_programmes()}


def _framing(programmes: list[EntityFact]) -> list[EntityFact]:
    """The programmes that frame the document: named programmes before funds and frameworks."""
    kinds = _programme_kinds()
    named = [p for p in programmes if kinds.get(p.reference_key or "", "programme") not in _FUND_KINDS]
    return named or programmes


def _programmes_of_projects(facts: DocumentFacts, sentences: list[tuple[int, int]]) -> None:
    programmes = [e for e in facts.entities if e.kind == "programme"]
    if not programmes:
        return
    projects = [e for e in facts.entities if e.kind == "project"]
    main = facts.main_entity
    if main is not None and main.kind == "project" and main not in projects:
        projects.append(main)
    framing = _framing(programmes)
    if len(framing) > 2 and all(_programme_kinds().get(p.reference_key or "") in _FUND_KINDS for p in framing):
        framing = []  # funds listed in passing ('co-financed by A, B, C and D') frame no project
    for project in projects:
        named = _named_near(project, programmes, sentences) or _nearest_before(project, framing)
        for programme in named or framing:
            evidence = _evidence_for(project, programme, facts.text)
            facts.relations.append(RelationFact(project, "programme", programme.name, evidence, programme))


def _named_near(
    project: EntityFact, programmes: list[EntityFact], sentences: list[tuple[int, int]]
) -> list[EntityFact]:
    spans = [s for s in sentences for m in project.mentions if s[0] <= m.start < s[1]]
    out = []
    for programme in programmes:
        if any(s <= pm.start < e for pm in programme.mentions for s, e in spans) and programme not in out:
            out.append(programme)
    return _framing(out) if out else []


def _nearest_before(project: EntityFact, framing: list[EntityFact]) -> list[EntityFact]:
    """Of several framing programmes, the one written last before the project: the heading of the
    list the project is an item of ('Programme opérationnel X' over '• PROJECT')."""
    if len(framing) < 2 or not project.mentions:
        return framing
    first = min(m.start for m in project.mentions)
    before = [(pm.start, p) for p in framing for pm in p.mentions if pm.end <= first]
    return [max(before, key=lambda pair: pair[0])[1]] if before else framing


def _evidence_for(project: EntityFact, programme: EntityFact, text: str) -> Mention:
    """The programme mention nearest to one of the project's (the span the link rests on)."""
    if not programme.mentions:
        return Mention(0, 0, "", EXTRACTOR + ".programme")
    if not project.mentions:
        m = programme.mentions[0]
        return Mention(m.start, m.end, m.text, EXTRACTOR + ".document-programme", 0.5)
    pairs = [(abs(pm.start - m.start), pm) for pm in programme.mentions for m in project.mentions]
    _, nearest = min(pairs, key=lambda p: (p[0], p[1].start))
    return Mention(nearest.start, nearest.end, text[nearest.start : nearest.end], EXTRACTOR + ".programme", 0.6)


def _share_with_cluster_twins(facts: DocumentFacts) -> None:
    """A cluster organisation is one node with two EntityFacts: both carry the same place and role."""
    orgs = {(e.reference_key, e.name): e for e in facts.entities if e.kind == "organisation"}
    for entity in facts.entities:
        twin = orgs.get((entity.reference_key, entity.name))
        if entity.kind == "cluster" and entity.org_type and twin is not None:
            entity.country = entity.country or twin.country
            entity.region = twin.region
            entity.role = twin.role
