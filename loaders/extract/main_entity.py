"""The document's main entity and its title: the entity of the main type's kind the title or the
text names most, a platform's or partnership's own name, else the title line, the URL or the file
name; the title is the page's headline unless the main entity's name says more.
"""

from __future__ import annotations

import re
from collections import Counter

from innograph.loaders.base import SourceMeta
from innograph.loaders.extract.candidates import Token, capitalised_runs, tokens
from innograph.loaders.extract.entity_collector import EntityCollector, mention_at
from innograph.loaders.extract.facts import MAIN_TYPE_KIND, EntityFact
from innograph.loaders.extract.projects import (
    find_platform_name,
    strong_name,
)
from innograph.loaders.extract.resolve import name_key
from innograph.loaders.extract.titles import TitleLine, title_from_url

from innograph.iris import slug


def main_entity(
    found: EntityCollector, doc_type: str, title: TitleLine | None, text: str, toks: list[Token], meta: SourceMeta
) -> EntityFact:
    kind = MAIN_TYPE_KIND[doc_type]
    title_text = title.text if title else None
    candidates = found.of_kind(kind)
    if kind == "project" and candidates:
        counts = Counter({id(e): len(re.findall(re.escape(e.name), text)) for e in candidates})
        best = max(candidates, key=lambda e: (counts[id(e)], -e.mentions[0].start))
        return best
    if kind in ("cluster", "organisation", "programme") and candidates:
        in_title = [e for e in candidates if title_text and name_key(e.name) in name_key(title_text)]
        return in_title[0] if in_title else candidates[0]
    if kind == "platform":
        named = find_platform_name(text, toks)
        if named:
            return found.add(
                "platform",
                slug(name_key(named.name)),
                named.name,
                mention_at(named.start, named.end, text, named.extractor),
            )
    name = title_text
    mention = mention_at(title.start, title.end, text, "entities.title", 0.6) if title else None
    if kind == "partnership" and title_text:
        strong = _strong_run(title_text)
        if strong:
            name = strong
            start = title.start + title_text.find(strong) if title else 0
            mention = mention_at(start, start + len(strong), text, "entities.title-name", 0.6)
    if name is None:
        name = title_from_url(meta.url) or meta.doc_id
    key = slug(name_key(name))
    if mention is not None:
        return found.add(kind, key, name, mention)
    # named from the URL or the file: no words of the text to point to
    return found.by_key.setdefault((kind, key), EntityFact(kind=kind, name=name, reference_key=key))


def _strong_run(title: str) -> str | None:
    toks = tokens(title)
    for run in capitalised_runs(title, toks):
        words = [t.text for t in run.toks]
        if any(strong_name([w]) for w in words) and len(words) <= 4:
            return run.text
    return None


def document_title(title: TitleLine | None, main: EntityFact, meta: SourceMeta) -> str:
    if title is None:
        return main.name or title_from_url(meta.url) or meta.doc_id
    derived_from_title = bool(main.mentions) and main.mentions[0].extractor.startswith("entities.title")
    if derived_from_title or name_key(title.text).startswith(name_key(main.name)):
        return title.text
    if main.kind in ("project", "platform") and main.mentions:
        return main.name
    return title.text
