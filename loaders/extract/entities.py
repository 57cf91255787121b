"""Entities of one document: title, main subject, organisations, regions, programmes, projects,
clusters and desks, resolved to one :class:`EntityFact` per real thing.

The finders live in sibling modules (:mod:`.organisations`, :mod:`.regions`, :mod:`.programmes`,
:mod:`.projects`, :mod:`.titles`); this module resolves their matches (:mod:`.resolve` keys) into
one node each (:mod:`.entity_collector`), organisations through :mod:`.organisation_nodes`
(acronym and genitive merging, region authorities); the main subject and the title come from
:mod:`.main_entity`.
"""

from __future__ import annotations

import re

from innograph.loaders.base import SourceMeta
from innograph.loaders.extract import lexicon
from innograph.loaders.extract.candidates import (
    capitalised_runs,
    inside_another,
    overlaps_any,
    sentence_spans,
    tokens,
)
from innograph.loaders.extract.dates import settle_call_window
from innograph.loaders.extract.entity_collector import EntityCollector, mention_at
from innograph.loaders.extract.facts import DocumentFacts, EntityFact
from innograph.loaders.extract.genre import main_type
from innograph.loaders.extract.main_entity import document_title, main_entity
from innograph.loaders.extract.organisation_nodes import add_organisations
from innograph.loaders.extract.organisations import find_organisations
from innograph.loaders.extract.programmes import ProgrammeMatch, find_programmes
from innograph.loaders.extract.projects import (
    NameMatch,
    find_cluster_items,
    find_desks,
    find_projects,
)
from innograph.loaders.extract.region_names import RegionMatch
from innograph.loaders.extract.regions import find_regions
from innograph.loaders.extract.resolve import name_key
from innograph.loaders.extract.titles import agrees_with_url, title_line

from innograph.iris import slug

_ACR_QUOTED = re.compile(r"\b([A-Z][A-Za-z0-9]{1,7})\s*[«\"“]\s*([^»\"”]{3,80}?)\s*[»\"”]")


def extract_entities(facts: DocumentFacts, meta: SourceMeta) -> None:
    text = facts.text
    toks = tokens(text)
    runs = capitalised_runs(text, toks)
    sentences = sentence_spans(text)
    found = EntityCollector()

    programmes = find_programmes(text, toks, runs)
    regions = find_regions(text, toks, runs)
    orgs = find_organisations(text, toks, runs, facts.language)
    _add_programmes(found, programmes, text)
    programme_spans = [(p.start, p.end) for p in programmes]
    # an area named inside a programme's name ('Interreg Øresund-Kattegat-Skagerrak') is the programme's
    named_spans = [(p.start, p.end) for p in programmes if p.family in ("interreg", "named")]
    regions = [
        r for r in regions if re.fullmatch(r"[A-Z]{2}-\w+", r.key) or not overlaps_any((r.start, r.end), named_spans)
    ]

    project_matches = find_projects(text, toks)
    # 'TTC « Top Technology Cluster »': an acronym and its quoted expansion name one project
    quoted_pairs = list(_ACR_QUOTED.finditer(text))
    acr_pairs = [(m.start(1), m.end(1), m.group(1), m.group(2)) for m in quoted_pairs]
    all_org_spans = [(o.start, o.end) for o in orgs]
    project_names = {name_key(p.name) for p in project_matches if not overlaps_any((p.start, p.end), all_org_spans)}
    project_names |= {name_key(a[2]) for a in acr_pairs}
    orgs = [o for o in orgs if not overlaps_any((o.start, o.end), [(m.start(), m.end()) for m in quoted_pairs])]
    _add_regions(found, regions, text)
    add_organisations(found, orgs, regions, programme_spans, project_names, text, sentences)

    title = title_line(text)
    if title is not None and not agrees_with_url(title.text, meta.url):
        title = None
    facts.main_entity_type = main_type(facts, title.text if title else None)
    settle_call_window(facts)
    org_spans = [(o.start, o.end) for o in orgs]
    _add_projects(found, project_matches, acr_pairs, org_spans + programme_spans, text, facts.main_entity_type)
    for desk in find_desks(text):
        found.add("desk", slug(desk.name), desk.name, mention_at(desk.start, desk.end, text, desk.extractor))
    for item in find_cluster_items(text):
        found.add("cluster", slug(item.name), item.name, mention_at(item.start, item.end, text, item.extractor))

    main = main_entity(found, facts.main_entity_type, title, text, toks, meta)
    _key_parts_under(found, main)
    facts.main_entity = main
    facts.title = document_title(title, main, meta)
    facts.entities = list(found.by_key.values())
    if main not in facts.entities:
        facts.entities.append(main)


def _key_parts_under(found: EntityCollector, main: EntityFact) -> None:
    """Desks and thematic clusters belong to their platform: 'Projectdesk' of one platform is not another's."""
    owner = slug(name_key(main.name))
    for entity in found.of_kind("desk") + found.of_kind("cluster"):
        if entity.org_type is None and entity is not main:
            entity.reference_key = f"{owner}-{entity.reference_key}"


def _add_programmes(found: EntityCollector, matches: list[ProgrammeMatch], text: str) -> None:
    # a bare 'Interreg' is the document's specific Interreg programme when it names one
    specific = [m for m in matches if m.family == "interreg" and m.key != "interreg"]
    spans = [(m.start, m.end) for m in matches]
    for m in sorted(matches, key=lambda m: (m.start, -m.end)):
        if inside_another((m.start, m.end), spans):
            continue
        key = m.key
        if m.family == "interreg" and key == "interreg" and specific:
            key = specific[0].key
        # 'Øresund-Kattegat-Skagerrak(-programmet)' is the end of 'Interreg Øresund-Kattegat-Skagerrak'
        for other in specific:
            if key != other.key and other.key.endswith("-" + key):
                key = other.key
        mention = mention_at(m.start, m.end, text, "entities.programme", 0.8)
        existing = found.by_key.get(("programme", key))
        name = m.name
        more_specific = existing is not None and (
            m.family == "area" or (m.family == "interreg" and len(name.split()) > len(existing.name.split()))
        )
        if existing and more_specific and name != existing.name:
            existing.aliases.append(existing.name)
            existing.name = name  # the most specific name (with generation, area or period) is the name
            existing.mentions.append(mention)
            continue
        found.add("programme", key, name, mention)


def _authority_prefix(text: str, start: int) -> str | None:
    """'Province du Limbourg' -> 'Province du ' when written right before a region name."""
    words = "|".join(re.escape(w) for w in sorted(lexicon.area_authorities() | lexicon.region_authorities()))
    m = re.search(
        rf"(?i)\b(?:{words})\s+(?:(?:de|du|des|van|of)\s+(?:la\s+|l['’])?)?$", text[max(0, start - 30) : start]
    )
    return m.group() if m else None


def _add_regions(found: EntityCollector, regions: list[RegionMatch], text: str) -> None:
    spans = [(r.start, r.end) for r in regions]
    for r in sorted(regions, key=lambda r: r.start):
        if inside_another((r.start, r.end), spans):
            continue
        aliases = []
        prefix = _authority_prefix(text, r.start)
        if prefix:
            aliases.append(prefix + r.name)
        found.add(
            "region",
            r.key,
            r.name,
            mention_at(r.start, r.end, text, "entities.region"),
            aliases=aliases,
            country=r.country,
        )
    for entity in found.of_kind("region"):  # 'Nordjyllands' (genitive) and 'Nordjylland': the latter
        if entity.name.endswith("s") and entity.name[:-1] in entity.aliases:
            entity.aliases = [a for a in entity.aliases if a != entity.name[:-1]] + [entity.name]
            entity.name = entity.name[:-1]
    # a bare 'Euregio' is the document's named Euregio
    named = [e for e in found.of_kind("region") if " " in e.name or "-" in e.name]
    for entity in list(found.of_kind("region")):
        for other in named:
            if entity is not other and name_key(other.name).startswith(name_key(entity.name) + " "):
                other.mentions.extend(entity.mentions)
                del found.by_key[("region", entity.reference_key or "")]
                break


def _add_projects(
    found: EntityCollector,
    matches: list[NameMatch],
    acr_pairs: list[tuple[int, int, str, str]],
    blocked: list[tuple[int, int]],
    text: str,
    doc_type: str | None,
) -> None:
    for m in matches:
        if overlaps_any((m.start, m.end), blocked):
            continue
        mention = mention_at(m.start, m.end, text, m.extractor, m.confidence)
        found.add("project", slug(name_key(m.name)), m.name, mention)
    if doc_type == "Project":
        for start, end, acronym, expansion in acr_pairs:
            found.add(
                "project",
                slug(name_key(acronym)),
                acronym,
                mention_at(start, end, text, "entities.acronym-quoted"),
                aliases=[expansion],
            )
