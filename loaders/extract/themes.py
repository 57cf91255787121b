"""Themes as written, linked to SKOS theme concepts when a term of the concept occurs.

Three sources, in this order: short list items (bullets), enumerations of short noun phrases
('digitalisering, grøn omstilling og avanceret produktion'), and the theme terms of the four
languages (``loaders/lang/*/themes.py``, plus the ontology's concept labels when available). A theme
whose content words add nothing to one already kept is dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from functools import cache

from innograph.loaders.extract import lexicon
from innograph.loaders.extract.candidates import lines_with_offsets, sentence_spans
from innograph.loaders.extract.facts import DocumentFacts, EntityFact, Mention, ThemeFact
from innograph.loaders.extract.heads import head_of
from innograph.loaders.extract.theme_phrases import head_phrases, numbered_items
from innograph.ontology.text import fold
from innograph.ontology.themes import concepts

_BULLET = re.compile(r"^\s*(?:[•·\-*–◦▪]|\d{1,2}[.)])\s+(.+?)\s*$")
_MAX_ITEM_WORDS = 5
_DIGIT = re.compile(r"\d")
# 'Label: value' on the line under a list item: the item is a field label ('Deadline', 'Code : 34')
_FIELD_LINE = re.compile(r"^[^\W\d_][^:\n]{0,30}\s?:\s")
_MAX_THEMES = 24
_STEM = 5


@cache
def _concept_labels() -> tuple[dict[str, str], frozenset[str]]:
    """folded label -> concept key of the ontology's SKOS themes (all languages), and the keys."""
    labels: dict[str, str] = {}
    items = concepts()
    for concept in items:
        for label in concept.pref_labels.values():
            labels.setdefault(fold(label), concept.key)
        for alts in concept.alt_labels.values():
            for label in alts:
                labels.setdefault(fold(label), concept.key)
    return labels, frozenset(c.key for c in items)


@cache
def terms() -> dict[str, str]:
    """folded term -> concept key: the ontology's labels first, then the lang tables' theme words."""
    labels, keys = _concept_labels()
    out = dict(labels)
    for word, key in lexicon.table("themes", "TERMS").items():
        if not keys or key in keys:
            out.setdefault(fold(word), key)
    return out


@cache
def _term_pattern() -> re.Pattern[str]:
    words = sorted(lexicon.table("themes", "TERMS"), key=len, reverse=True)
    return re.compile(
        r"(?<![\w-])(" + "|".join(re.escape(w) for w in words) + r")(?:s|er|en|es|e)?(?![\w-])", re.IGNORECASE
    )


def _stems(text: str) -> set[str]:
    stops = lexicon.stop_words()
    return {w[:_STEM] for w in fold(text).split() if len(w) > 2 and w not in stops}


@cache
def _concept_pattern() -> re.Pattern[str] | None:
    """All theme terms in one alternation, longest first (compiled once, not per call)."""
    ordered = sorted(terms(), key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(t) for t in ordered) + ")") if ordered else None


def concept_of(text: str) -> str | None:
    table = terms()
    folded = fold(text)
    if folded in table:
        return table[folded]
    pattern = _concept_pattern()
    found = [m.group(1) for m in pattern.finditer(folded)] if pattern else []
    return table[max(found, key=len)] if found else None  # the longest term wins, as before


def extract_themes(facts: DocumentFacts) -> None:
    text = facts.text
    excluded = {fold(e.name) for e in facts.entities} | {fold(b) for b in facts.eligible_beneficiaries}
    excluded |= {fold(a) for e in facts.entities for a in e.aliases}
    chosen: list[ThemeFact] = []
    stops = lexicon.stop_words()
    # names of organisations, places and programmes hold no themes; cluster names do ('Logistiek')
    entity_spans = [
        (m.start, m.end)
        for e in facts.entities
        if e.kind in ("organisation", "region", "programme")
        for m in e.mentions
    ]
    kept_stems: list[set[str]] = []

    def keep(written: str, start: int, extractor: str, confidence: float) -> None:
        written = written.strip(" .,;:()«»\"'")
        written = re.sub(r"^(?:[lLdD]['’])", "", written)
        words = written.split()
        while words and words[0].casefold() in stops:
            words.pop(0)
        written = " ".join(words)
        if not written or len(written) < 3 or fold(written) in excluded or len(written.split()) > _MAX_ITEM_WORDS:
            return
        if written.count("(") != written.count(")"):
            return  # a cut through a parenthesis: 'wallon (Mons'
        if _DIGIT.search(written) and not _term_pattern().fullmatch(written):
            return  # 'priorité 5', '700 M', 'née en 2009': numbers and codes, not topics ('industry 4.0' is a term)
        at = text.find(written, start)
        if at >= 0 and any(s < at + len(written) and at < e for s, e in entity_spans):
            return  # names of organisations, places, programmes are not themes
        stems = _stems(written)
        if not stems or any(stems <= kept for kept in kept_stems):
            return
        offset = text.find(written, start)
        offset = offset if offset >= 0 else start
        chosen.append(
            ThemeFact(
                written,
                concept_of(written),
                Mention(offset, offset + len(written), text[offset : offset + len(written)], extractor, confidence),
            )
        )
        kept_stems.append(stems)

    head_first = facts.language == "fr"
    for start, item in _list_items(text):
        # 'Business Region Göteborg' in a list is a partner, not a theme
        if head_of(item.split()) is None and not _names_no_topic(item, head_first):
            keep(item, start, "themes.list-item", 0.6)
    for start, item in numbered_items(text):
        if not _names_no_topic(item, head_first):
            keep(item, start, "themes.numbered-item", 0.6)
    for start, item in _enumerations(text):
        if not _names_no_topic(item, head_first):
            keep(item, start, "themes.enumeration", 0.55)
    for m in _term_pattern().finditer(text):
        keep(m.group(), m.start(), "themes.term", 0.7)
    for start, phrase in _cued_phrases(text):
        if not _names_no_topic(phrase, head_first):
            keep(phrase, start, "themes.cue", 0.6)
    for start, phrase in head_phrases(text, facts.language):
        keep(phrase, start, "themes.head-phrase", 0.5)
    facts.themes = chosen[:_MAX_THEMES]


_HEAD_PREPOSITIONS = frozenset(("of", "for", "af", "for", "til", "van", "voor", "in", "i"))


@cache
def _actor_words() -> frozenset[str]:
    return frozenset(fold(w) for w in lexicon.words("themes", "ACTOR_WORDS"))


@cache
def _non_topic_words() -> frozenset[str]:
    return frozenset(fold(w) for w in lexicon.words("themes", "NON_TOPIC_WORDS")) | lexicon.stop_words()


def _names_no_topic(phrase: str, head_first: bool) -> bool:
    """True for a phrase that names who rather than what ('universités', 'juridiske enheder': its head
    word is an actor word; the head comes first in French) or holds only general words ('existing',
    'muligheder', 'nouvelles')."""
    words = [w for w in fold(re.sub(r"^[lLdD]['’]", "", phrase)).split() if w]
    if not words:
        return True
    content = [w for w in words if w not in lexicon.stop_words()]
    if not head_first:  # 'udvikling af kommuner': the head stands before the preposition
        cut = next((i for i, w in enumerate(words) if i > 0 and w in _HEAD_PREPOSITIONS), len(words))
        content = [w for w in words[:cut] if w not in lexicon.stop_words()]
    head = (content or words)[0 if head_first else -1]
    if head in _actor_words() or all(w in _non_topic_words() for w in words):
        return True
    # 'ser muligheder', 'brand new': a general head word (in French the head's adjectives come first)
    return not head_first and head in _non_topic_words()


def _list_items(text: str) -> list[tuple[int, str]]:
    out = []
    lines = lines_with_offsets(text)
    for i, (offset, line) in enumerate(lines):
        m = _BULLET.match(line)
        if not m:
            continue
        item = m.group(1)
        if item.endswith(":") or len(item.split()) > _MAX_ITEM_WORDS or "@" in item or re.search(r"\d{3}", item):
            continue
        if _is_field_label(lines, i):
            continue
        out.append((offset + m.start(1), item))
    return out


def _is_field_label(lines: list[tuple[int, str]], index: int) -> bool:
    """A list item that labels what follows it: the next text line is indented under it as its value
    ('• Deadline' / '    1 September'), or is a 'Label: value' field ('• NAME' / 'Code : 34')."""
    bullet_line = lines[index][1]
    bullet_indent = len(bullet_line) - len(bullet_line.lstrip())
    for _, line in lines[index + 1 : index + 4]:
        if not line.strip():
            continue
        if _BULLET.match(line):
            return False
        stripped = line.lstrip()
        # indented deeper than the bullet itself ('• Deadline' / '  1 September'), or a 'Label: value'
        return len(line) - len(stripped) > bullet_indent or bool(_FIELD_LINE.match(stripped))
    return False


_MAX_CUED_WORDS = 4


@cache
def _topic_cue_pattern() -> re.Pattern[str]:
    cues = sorted(lexicon.words("themes", "TOPIC_CUES"), key=len, reverse=True)
    alternation = "|".join(re.escape(c) for c in cues)
    return re.compile(rf"(?<!\w)(?:{alternation})\s*([^\W\d_][^\n,.;:()!?«»\"“”]{{2,80}})", re.IGNORECASE)


def _cued_phrases(text: str) -> list[tuple[int, str]]:
    """The noun phrase after a topic cue ('dans le domaine de la santé', 'på området grøn omstilling'):
    up to four words, without leading articles or trailing function words."""
    stops = lexicon.stop_words()
    out = []
    for m in _topic_cue_pattern().finditer(text):
        words = re.sub(r"^[lLdD]['’]", "", m.group(1)).split()
        while words and words[0].casefold() in stops:
            words.pop(0)
        words = words[:_MAX_CUED_WORDS]
        while words and words[-1].casefold() in stops:
            words.pop()
        if words:
            phrase = " ".join(words)
            out.append((text.find(phrase, m.start(1)), phrase))
    return out


@cache
def _and_words() -> str:
    words = sorted((*lexicon.words("entities", "LIST_AND"), "or", "ou", "eller", "of"), key=len, reverse=True)
    return "|".join(re.escape(w) for w in words)


@cache
def _enumeration_pattern() -> re.Pattern[str]:
    """Compiled once; an item starts at a word start only (trying every letter inside words was
    most of the theme pass's time)."""
    ands = _and_words()
    item = r"[^\W_][\w'’&\-/()]*(?:\s+[\w'’&\-/()]+){0,3}"
    return re.compile(rf"(?<![\w'’&/()-])({item})((?:,\s*{item})+)\s*,?\s+(?:{ands})\s+({item})")


def _enumerations(text: str) -> list[tuple[int, str]]:
    """'x, y og z' with at least three short items, or two after a list cue."""
    ands = _and_words()
    cues = tuple(c.casefold().replace("’", "'") for c in lexicon.words("themes", "LIST_CUES"))
    out: list[tuple[int, str]] = []
    for m in _enumeration_pattern().finditer(text):
        items = [m.group(1), *[p.strip() for p in m.group(2).split(",") if p.strip()], m.group(3)]
        before = text[max(0, m.start() - 60) : m.start()].casefold().replace("’", "'")  # thema’s, thema's
        cued = any(c in before for c in cues)
        if len(items) < 3 and not cued:
            continue
        # the first item carries the end of the sentence before it: only the words after its last 'and'
        items[0] = re.split(rf"\s(?:{ands})\s", items[0])[-1]
        if not cued and not any(_term_pattern().search(i) for i in items[1:]):
            continue  # a list of things that are not topics ('secure, ethical and confidential')
        # a list of names (capitalised items) is not a list of themes
        if sum(1 for i in items if i[:1].isupper()) > len(items) // 2 and not any(c in before for c in cues):
            continue
        # the first item often carries the end of the sentence before it: keep its last words
        first_words = items[0].split()
        items[0] = " ".join(first_words[-2:]) if len(first_words) > 2 else items[0]
        stops = lexicon.stop_words()
        pos = m.start()
        for entry in items:
            words = re.sub(r"^[lLdD]['’]", "", entry).split()
            while words and words[0].casefold() in stops:  # 'la mutualisation des équipements'
                words.pop(0)
            at = text.find(entry, pos)
            pos = at + len(entry) if at >= 0 else pos
            if len(words) == 1 and entry[:1].isupper() and not _term_pattern().fullmatch(entry):
                continue  # a capitalised single word in a list is a name ('Mons, Tournai')
            if words and words[-1].casefold() not in stops and (cued or len(words) <= 3):
                out.append((at if at >= 0 else m.start(), entry))
    return out


# ---- attribution: a theme belongs to the entity its clause speaks of ------------------------

# kinds of entity a theme can be said of (places and programmes frame, they do not hold themes)
_HOLDER_KINDS = frozenset({"organisation", "cluster", "project", "platform", "partnership", "call", "desk"})


@cache
def _clause_break() -> re.Pattern[str]:
    words = sorted(lexicon.words("themes", "CLAUSE_BREAKS"), key=len, reverse=True)
    return re.compile(r";|,?\s+(?:" + "|".join(re.escape(w) for w in words) + r")\s", re.IGNORECASE)


def clause_spans(text: str) -> list[tuple[int, int]]:
    """Sentences cut at ';' and at words that open a contrasting clause ('while', 'mens', 'terwijl')."""
    out = []
    for start, end in sentence_spans(text):
        cut = start
        for m in _clause_break().finditer(text, start, end):
            out.append((cut, m.start()))
            cut = m.start()
        out.append((cut, end))
    return out


def attribute_themes(facts: DocumentFacts, enumeration_gap: re.Pattern[str]) -> None:
    """Give each theme to what its clause is about: the entity whose name holds it ('Energy'
    in 'Energy Cluster Denmark'); the main entity when the clause names it; else the entity (or the
    enumeration of entities) named before it in the clause. A clause that names no entity speaks
    of the main subject. The theme's evidence then rests on that clause."""
    holders = sorted(
        ((m.start, m.end, e) for e in facts.entities if e.kind in _HOLDER_KINDS for m in e.mentions),
        key=lambda h: h[0],
    )
    if not facts.themes:
        return
    clauses = clause_spans(facts.text)
    starts = [c[0] for c in clauses]
    main = facts.main_entity
    main_name = fold(main.name) if main is not None else None
    for i, theme in enumerate(facts.themes):
        at = bisect_right(starts, theme.mention.start) - 1
        clause = clauses[at] if at >= 0 else (theme.mention.start, theme.mention.end)
        inside = [h for h in holders if clause[0] <= h[0] < clause[1]]
        subjects = _subjects_of(theme.mention, inside, main_name, facts.text, enumeration_gap)
        span = (min(clause[0], theme.mention.start), max(clause[1], theme.mention.end))
        mention = replace(theme.mention, context=span)
        facts.themes[i] = replace(theme, mention=mention, subjects=subjects)


def _subjects_of(
    mention: Mention,
    inside: list[tuple[int, int, EntityFact]],
    main_name: str | None,
    text: str,
    enumeration_gap: re.Pattern[str],
) -> list[EntityFact]:
    """The entities of one clause a theme is said of; empty for the main subject."""
    named = [e for s, e_, e in inside if s <= mention.start and mention.end <= e_]
    if named:
        return [] if fold(named[0].name) == main_name else named[:1]
    if not inside or any(fold(e.name) == main_name for _, _, e in inside):
        return []
    before = [h for h in inside if h[1] <= mention.start]
    if not before:
        return []
    group = [before[-1]]
    for h in reversed(before[:-1]):  # 'X, Y and Z work on ...': the whole enumeration
        if not enumeration_gap.fullmatch(text, h[1], group[-1][0]):
            break
        group.append(h)
    out: list[EntityFact] = []
    for _, _, e in reversed(group):
        if all(fold(o.name) != fold(e.name) for o in out):  # a cluster organisation is one node
            out.append(e)
    return out
