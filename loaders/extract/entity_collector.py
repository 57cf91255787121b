"""Collects a document's matches into one :class:`EntityFact` per (kind, key): later mentions of
the same thing add aliases and evidence instead of a second node.
"""

from __future__ import annotations

from innograph.loaders.extract.facts import EntityFact, Mention


class EntityCollector:
    """One EntityFact per (kind, key); later mentions add aliases and evidence."""

    def __init__(self) -> None:
        self.by_key: dict[tuple[str, str], EntityFact] = {}

    def add(
        self,
        kind: str,
        key: str,
        name: str,
        mention: Mention,
        *,
        aliases: list[str] | None = None,
        country: str | None = None,
        org_type: str | None = None,
    ) -> EntityFact:
        entity = self.by_key.get((kind, key))
        if entity is None:
            entity = EntityFact(kind=kind, name=name, country=country, org_type=org_type, reference_key=key)
            self.by_key[(kind, key)] = entity
        elif name != entity.name and name not in entity.aliases:
            entity.aliases.append(name)
        for alias in aliases or []:
            if alias != entity.name and alias not in entity.aliases:
                entity.aliases.append(alias)
        if mention not in entity.mentions:
            entity.mentions.append(mention)
        entity.country = entity.country or country
        return entity

    def of_kind(self, kind: str) -> list[EntityFact]:
        return [e for (k, _), e in self.by_key.items() if k == kind]


def mention_at(start: int, end: int, text: str, extractor: str, confidence: float = 0.7) -> Mention:
    return Mention(start, end, text[start:end], extractor, confidence)
