"""The organisation a person speaks for ('Hanno Geissler van SIG', 'X from Acme Labs'): read after
the person's name, and added to the entities when the text names it nowhere else.
"""

from __future__ import annotations

import re
from functools import cache

from innograph.loaders.extract import lexicon
from innograph.loaders.extract.facts import DocumentFacts, EntityFact, Mention, PersonFact
from innograph.loaders.extract.region_names import gazetteer
from innograph.loaders.extract.resolve import fold, name_key

from innograph.iris import slug


def affiliation(after: str, organisation: bool = False) -> re.Match[str] | None:
    """' van drankenfabrikant Valensina', ' from Acme Labs': the organisation a person speaks for."""
    m = re.match(
        rf"\s+(?i:{_affiliation_words()})\s+(?:(?:de|het|the|la|le|den|det)\s+)?(?:([a-zæøå]\w+)\s+)?[‘'\"]?"
        r"([A-ZÆØÅ][\w\-]*(?:\s[A-ZÆØÅ][\w\-]*){0,3})",
        after,
    )
    if m is None or not organisation:
        return m
    name = m.group(2)
    low = name.casefold()
    if (
        low in lexicon.country_names()
        or fold(name) in gazetteer()
        or (low in lexicon.stop_words() and not name.isupper())
    ):
        return None
    return m


def add_affiliated_organisations(facts: DocumentFacts, people: list[PersonFact]) -> None:
    """Organisations named only as a person's affiliation ('Hanno Geissler van SIG') join the entities."""
    known = {name_key(e.name) for e in facts.entities} | {name_key(a) for e in facts.entities for a in e.aliases}
    for person in people:
        end = person.mention.start + len(person.name)
        m = affiliation(facts.text[end : end + 60], organisation=True)
        if m is None or person.mention.extractor == "people.contact-block":
            continue
        name = m.group(2)
        start = end + m.start(2)
        if name_key(name) in known or any(name_key(name) in k.split() for k in known if " " in k):
            continue
        known.add(name_key(name))
        facts.entities.append(
            EntityFact(
                kind="organisation",
                name=name,
                org_type="Organisation",
                reference_key=slug(name_key(name)),
                mentions=[Mention(start, start + len(name), name, "people.affiliation", 0.6)],
            )
        )


@cache
def _affiliation_words() -> str:
    return "|".join(re.escape(w) for w in lexicon.words("roles", "AFFILIATION_WORDS") if len(w) > 1)
