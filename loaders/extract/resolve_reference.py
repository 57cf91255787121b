"""Organisations resolved beyond the document: reference bodies, and generic names kept local.

- An EU institution or body named in any of the four languages ('European Commission',
  'Commission européenne', 'Europese Commissie', 'EU-Kommissionen', 'Europa-Kommissionen') gets the
  key of its reference record (``ontology/src/eu-bodies.tsv``), so every document meets on one node
  whose labels in all languages live in the reference graph. A bare short form ('Kommissionen',
  'la Commission') resolves only where the document also names the body in full.
- Two mentions of one body in one document become one entity (names kept as aliases).
- A generic name ('Steering Committee', 'la Région', 'styringskomitéen') names one body only
  within its document: its key carries the document id, so unrelated documents never share it.
"""

from __future__ import annotations

import re
from functools import cache

from innograph.loaders.extract import lexicon
from innograph.loaders.extract.facts import DocumentFacts, EntityFact
from innograph.loaders.extract.resolve import name_key
from innograph.ontology.reference import EUBody, eu_bodies
from innograph.ontology.text import fold

from innograph.iris import slug


@cache
def _index() -> tuple[dict[str, EUBody], dict[str, EUBody]]:
    """(full names, short forms): name key -> body. A short form is one generic word ('Kommissionen')."""
    full: dict[str, EUBody] = {}
    short: dict[str, EUBody] = {}
    for body in eu_bodies():
        for name in body.names():
            key = name_key(name)
            is_short = len(key.split()) == 1 and is_generic(name)
            (short if is_short else full).setdefault(key, body)
    return full, short


def _keys_of(entity: EntityFact) -> list[str]:
    out = []
    for name in [entity.name, *entity.aliases]:
        key = name_key(name)
        out.append(key)
        if key.endswith("s"):  # a genitive: 'EU-Kommissionens'
            out.append(key[:-1])
    return out


def reference_body(entity: EntityFact, full_only: bool) -> EUBody | None:
    full, short = _index()
    for key in _keys_of(entity):
        body = full.get(key) or (None if full_only else short.get(key))
        if body is not None:
            return body
    return None


@cache
def _generic_words() -> frozenset[str]:
    words = set(lexicon.org_heads()) | set(lexicon.stop_words())
    words |= set(lexicon.region_authorities()) | set(lexicon.area_authorities())
    words |= set(lexicon.words("roles", "GENERIC_BODY_WORDS"))
    return frozenset(fold(w) for w in words)


def is_generic(name: str) -> bool:
    """True when every word of the name is a generic body word: 'the Steering Committee'."""
    if any(len(w) >= 2 and w.isupper() for w in re.findall(r"\w+", name)):
        return False  # an acronym names one body: 'VIA University College'
    words = fold(name).split()
    return bool(words) and all(w in _generic_words() for w in words)


def resolve_organisations(facts: DocumentFacts) -> None:
    """Reference keys for EU bodies (merging their mentions), document keys for generic names."""
    organisations = [e for e in facts.entities if e.kind == "organisation"]
    named_in_full = {b.key for e in organisations if (b := reference_body(e, full_only=True))}
    seen: dict[str, EntityFact] = {}
    for entity in organisations:
        body = reference_body(entity, full_only=False)
        if body is not None and body.key in named_in_full:
            entity.reference_key = body.key
            entity.org_type = body.org_type
            entity.country = None  # an EU body has no member state
            first = seen.setdefault(body.key, entity)
            if first is not entity:
                seen[body.key] = _merge(facts, first, entity)
        elif is_generic(entity.name):
            entity.reference_key = f"{slug(name_key(entity.name))}-in-{slug(facts.doc_id)}"


def _merge(facts: DocumentFacts, into: EntityFact, other: EntityFact) -> EntityFact:
    """One entity for two mentions of one body; the main entity is the one kept."""
    if other is facts.main_entity:
        into, other = other, into
    for name in [other.name, *other.aliases]:
        if name != into.name and name not in into.aliases:
            into.aliases.append(name)
    into.mentions.extend(m for m in other.mentions if m not in into.mentions)
    into.role = into.role or other.role
    facts.entities = [e for e in facts.entities if e is not other]
    return into
