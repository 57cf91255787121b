"""Organisations: capitalised names with an organisation-type head word, a compound ending or a
legal form, names glued to an acronym ('Nord France innovation développement' after 'NFID, '),
and translations or acronyms written in parentheses after a name (kept as aliases).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

import pycountry
from innograph.loaders.extract import lexicon
from innograph.loaders.extract.candidates import Candidate, Token, is_acronym, is_capitalised, strip_genitive
from innograph.loaders.extract.heads import head_of
from innograph.loaders.extract.names_lists import name_sequence, placed_names
from innograph.loaders.extract.organisation_names import (
    ARTICLES,
    extend_lower_case,
    genitive_ending,
    is_region_name,
    single_word_ok,
    split_conjoined,
    trailing_head,
    trim_run,
    without_action_opening,
)
from innograph.loaders.extract.resolve import acronym_matches
from innograph.loaders.lang import rules as rules_of
from innograph.ontology.tables import LANGUAGES

_PAREN = re.compile(r"\s*\(([^()\n]{2,90})\)")
_ACRONYM_APPOSITION = re.compile(r"\b(?:[lL]['’])?([A-Z][A-Z0-9&]{1,7}),\s+((?:[lL]['’])?[A-Z][^,.;:()\n]{3,90})")


@dataclass
class OrgMatch:
    start: int
    end: int
    name: str
    org_type: str
    head: str  # the head word that made it an organisation (case-folded)
    aliases: list[str] = field(default_factory=list)
    alias_spans: list[tuple[int, int]] = field(default_factory=list)
    cluster: bool = False  # named as a cluster ('les pôles de compétitivité X et Y'): listed as one too
    acts: bool = False  # an area authority written as the body that acts, not as the place


def find_organisations(
    text: str, toks: list[Token], runs: list[Candidate], language: str | None = None
) -> list[OrgMatch]:
    out: list[OrgMatch] = []
    for raw in _cut_at_articles(split_conjoined(runs, text), text, language):
        run = trim_run(raw, text)
        opened = without_action_opening(run, text) if run is not None else None
        if run is None or opened is None:
            continue
        run, cut = opened
        run = extend_lower_case(text, run)
        words = [t.bare for t in run.toks]
        head = head_of(words)
        if cut and (head is None or not strip_genitive(words[-1]).casefold().endswith(head[0])):
            continue  # 'Call for RIS Hub Activities': what follows the action names no organisation
        if head is None and genitive_ending(text, run):
            head = head_of([*words[:-1], words[-1][:-1]])  # Danish genitive: 'EU-Kommissionens'
            if head is not None:
                last = run.toks[-1]
                run = Candidate(
                    run.start,
                    last.end - 1,
                    text[run.start : last.end - 1],
                    (*run.toks[:-1], Token(last.start, last.end - 1, last.text[:-1])),
                )
                words = [t.bare for t in run.toks]
        if head is None:
            trailing = trailing_head(text, run)
            if trailing is None:
                continue
            run, head = trailing
            words = [t.bare for t in run.toks]
        if len(words) == 1 and not single_word_ok(words[0], head[0]):
            continue
        if head[0] in _polity_heads() and not _acting_position(text, run.start):
            continue  # 'in the European Union' is a place; 'the European Union funds' an actor
        if head[1] == "Company" and len(words) == 1:
            continue
        type_words = lexicon.org_heads().keys() - _polity_heads()
        if len(words) >= 2 and all(w.casefold() in type_words for w in words if w[0].isupper()):
            continue  # 'Project Center' is two type words, no name ('Council of the Union' is one)
        name = strip_genitive(run.text) if run.text.endswith(("'s", "’s")) else run.text
        match = OrgMatch(run.start, run.start + len(name), name, head[1], head[0])
        _parenthesis_alias(text, match)
        out.append(match)
    out.extend(_lowercase_head(text, toks, out))
    out.extend(_acronym_appositions(text, out))
    out.extend(_quoted_after_head(text, out))
    out.extend(_placed(text, out))
    out.extend(_expanded_acronyms(text, runs, out))
    out.extend(_plural_authorities(text, out))
    out.extend(_coordinated(text, out))
    for match in out:
        if match.head in lexicon.area_authorities() and not match.acts:
            match.acts = _acting_position(text, match.start)
    return out


def _cut_at_articles(runs: list[Candidate], text: str, language: str | None) -> list[Candidate]:
    """'Vlaamse Regering de Vlaamse': in the document's language, an article right after a head word
    starts the next phrase, so the name ends at the head."""
    articles = frozenset(rules_of(language, "organisations").ARTICLES_AFTER_HEAD) if language in LANGUAGES else ()
    if not articles:
        return runs
    out = []
    for run in runs:
        cut = next(
            (
                i
                for i in range(1, len(run.toks) - 1)
                if run.toks[i].text in articles
                and is_capitalised(run.toks[i - 1].text)  # 'Committee of the X' goes on after its link word
                and head_of([t.bare for t in run.toks[:i]]) is not None
            ),
            None,
        )
        if cut is not None:
            left = run.toks[:cut]
            run = Candidate(left[0].start, left[-1].end, text[left[0].start : left[-1].end], tuple(left))
        out.append(run)
    return out


@cache
def _place_prepositions() -> re.Pattern[str]:
    words = sorted(lexicon.words("organisations", "PLACE_PREPOSITIONS"), key=len, reverse=True)
    articles = "|".join(sorted(ARTICLES | {"l['’]", "des"}, key=len, reverse=True))
    return re.compile(
        rf"(?i)(?<![\w\-])(?:{'|'.join(re.escape(w) for w in words)})[ \u00a0]+(?:(?:{articles})[ \u00a0]*)?$"
    )


def _acting_position(text: str, start: int) -> bool:
    """'investeert de provincie X', '(provincie X)', 'A, provincies X en Y en het Rijk': the
    authority acts; 'in de provincie X', 'voor de provincies X en Y' name the place it governs."""
    line_start = text.rfind("\n", 0, start) + 1
    return _place_prepositions().search(text[max(line_start, start - 30) : start]) is None


@cache
def _authority_plurals() -> tuple[re.Pattern[str], dict[str, str]]:
    plurals = {k.casefold(): v for k, v in lexicon.table("organisations", "AUTHORITY_PLURALS").items()}
    words = "|".join(re.escape(w) for w in sorted(plurals, key=len, reverse=True))
    return re.compile(rf"(?i)(?<![\w\-])(?:{words})[ \u00a0]+"), plurals


def _plural_authorities(text: str, found: list[OrgMatch]) -> list[OrgMatch]:
    """'de gemeenten Rotterdam en Den Haag zich richten': one acting authority per listed name
    ('gemeente Rotterdam', 'gemeente Den Haag'); after a place preposition they are places only."""
    pattern, plurals = _authority_plurals()
    taken = [(f.start, f.end) for f in found]
    out = []
    for m in pattern.finditer(text):
        if not _acting_position(text, m.start()):
            continue
        form = plurals[m.group().strip().casefold()]
        head = form.replace("{}", "").strip().casefold()
        for start, end in name_sequence(text, m.end()):
            if any(s < end and start < e for s, e in taken):
                continue
            name = form.format(text[start:end])
            out.append(OrgMatch(start, end, name, lexicon.org_heads().get(head, "PublicAuthority"), head, acts=True))
    return out


@cache
def _polity_heads() -> frozenset[str]:
    return frozenset(w.casefold() for w in lexicon.words("organisations", "POLITY_HEADS"))


def _expanded_acronyms(text: str, runs: list[Candidate], found: list[OrgMatch]) -> list[OrgMatch]:
    """'Noordelijke Ontwikkelings Maatschappij (N.V. NOM)': a name spelled by the acronym written
    after it is a name even without a head word (the acronym becomes an alias)."""
    skip = lexicon.connectors() | lexicon.stop_words()
    taken = [(f.start, f.end) for f in found]
    out = []
    for raw in runs:
        m = _PAREN.match(text, raw.end)
        run = trim_run(raw, text) if m else None
        if m is None or run is None or len(run.toks) < 2:
            continue
        acronym = m.group(1).split()[-1]
        if not is_acronym(acronym) or not acronym_matches(acronym, run.text, skip):
            continue
        if any(s < run.end and run.start < e for s, e in taken):
            continue
        out.append(
            OrgMatch(run.start, run.end, run.text, "Organisation", "", aliases=[acronym], alias_spans=[m.span(1)])
        )
    return out


def _placed(text: str, found: list[OrgMatch]) -> list[OrgMatch]:
    """Names placed after a type noun or in a partner list (:mod:`.names_lists`); a name found
    already only learns that it is a cluster."""
    out: list[OrgMatch] = []
    for item in placed_names(text):
        if not _could_be_organisation(item.name):
            continue
        same = next((f for f in found + out if f.start <= item.start < f.end or item.start <= f.start < item.end), None)
        if same is not None:
            same.cluster = same.cluster or item.cluster
            continue
        out.append(
            OrgMatch(
                item.start,
                item.end,
                item.name,
                item.org_type,
                item.head,
                aliases=list(item.aliases),
                alias_spans=list(item.alias_spans),
                cluster=item.cluster,
            )
        )
    return out


def _could_be_organisation(name: str) -> bool:
    """Not a country, a known place or a function word standing where a name could."""
    low = name.casefold()
    capitals = name.isupper() and len(name) > 2  # 'VIL' is a name, not Danish 'vil'
    if len(name) < 2 or low in lexicon.country_names() or (low in lexicon.stop_words() and not capitals):
        return False
    return not is_region_name(name)


_CLAUSE_START = re.compile(r"[.;:!?()\[\]«»\"“”]")


def _coordinated(text: str, found: list[OrgMatch]) -> list[OrgMatch]:
    """'Københavns Universitets, DTU's, CBS' og Region Hovedstadens kontor': the names listed
    with an organisation ('A, B og C') are organisations too, acronyms and bare names alike."""
    taken = [(f.start, f.end) for f in found]
    seen: set[tuple[int, int]] = set()
    out: list[OrgMatch] = []
    for org in found:
        if not org.head:
            continue  # only a name with a head word vouches for its neighbours
        for start, end in _list_around(text, org.start, org.end):
            name = strip_genitive(text[start:end])
            end = start + len(name)
            if (start, end) in seen or any(s < end and start < e for s, e in taken):
                continue
            seen.add((start, end))
            if _could_be_organisation(name) and name.casefold() not in lexicon.org_heads():
                out.append(OrgMatch(start, end, name, "Organisation", ""))
    return out


def _list_around(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The items of the 'A, B og C' list that holds the name at start..end (empty when the name
    stands alone): tried from each comma-separated piece before it, the earliest first."""
    line_start = text.rfind("\n", 0, start) + 1
    clause = max([line_start] + [m.end() for m in _CLAUSE_START.finditer(text, line_start, start)])
    starts = [clause + m.end() for m in re.finditer(r"(?:^|,)[ \u00a0]*", text[clause:start])]
    for pos in sorted({*starts, start}):
        if pos >= end or not is_capitalised(text[pos : pos + 1]):
            continue
        items = name_sequence(text, pos)
        if len(items) >= 2 and any(s <= start < e or start <= s < end for s, e in items):
            return items
    return []


_QUOTED = re.compile(r"\b(\w+)\s*[«\"“]\s*([A-ZÀ-Ý][^»\"”\n]{2,60}?)\s*[»\"”]")


def _quoted_after_head(text: str, found: list[OrgMatch]) -> list[OrgMatch]:
    """'le réseau « Tiers-Lieux Normandie »': a quoted name right after an organisation word."""
    heads = lexicon.org_heads()
    taken = [(f.start, f.end) for f in found]
    out = []
    for m in _QUOTED.finditer(text):
        head = m.group(1).casefold()
        if head not in heads or head in lexicon.region_authorities() or head in lexicon.area_authorities():
            continue
        start, end = m.start(2), m.end(2)
        if any(s < end and start < e for s, e in taken):
            continue
        out.append(OrgMatch(start, end, m.group(2), heads[head], head))
    return out


def _lowercase_head(text: str, toks: list[Token], found: list[OrgMatch]) -> list[OrgMatch]:
    """'de provincie Zuid-Holland': an authority word in lower case before a capitalised name."""
    out = []
    authorities = lexicon.area_authorities()
    taken = {(m.start, m.end) for m in found}
    for i, tok in enumerate(toks[:-1]):
        if tok.text not in authorities:  # lower case only: capitalised ones are runs already
            continue
        nxt = toks[i + 1]
        if text[tok.end : nxt.start] != " " or not is_capitalised(nxt.text):
            continue
        if any(s <= tok.start < e for s, e in taken):
            continue
        out.append(OrgMatch(tok.start, nxt.end, text[tok.start : nxt.end], "PublicAuthority", tok.text))
    return out


def _parenthesis_alias(text: str, match: OrgMatch) -> None:
    m = _PAREN.match(text, match.end)
    if not m:
        return
    inner = m.group(1).strip()
    words = inner.split()
    if country_code(inner) is not None:
        return  # 'University of Aveiro (PT)': a country, not another name
    if is_acronym(inner.replace(" ", "")) or (
        words
        and all(is_capitalised(w) or (w.islower() and len(w) <= 3) for w in words)
        and sum(is_capitalised(w) for w in words) >= 2
    ):
        match.aliases.append(inner)
        match.alias_spans.append((m.start(1), m.end(1)))


_CODE_FIXES = {"UK": "GB", "EL": "GR"}  # the EU's own codes for the United Kingdom and Greece


def country_code(text: str) -> str | None:
    """ISO 3166-1 alpha-2 code written as such ('PT', 'UK', 'EL'), or None."""
    if not re.fullmatch(r"[A-Z]{2}", text):
        return None
    code = _CODE_FIXES.get(text, text)
    return code if pycountry.countries.get(alpha_2=code) is not None else None


def _acronym_appositions(text: str, found: list[OrgMatch]) -> list[OrgMatch]:
    """'NFID, Nord France innovation développement, agence régionale': acronym, then its expansion."""
    out = []
    skip = lexicon.connectors() | lexicon.stop_words()
    for m in _ACRONYM_APPOSITION.finditer(text):
        acronym, tail = m.group(1), m.group(2)
        words = tail.split()
        for size in range(2, min(len(words), 9) + 1):
            expansion = " ".join(words[:size])
            if acronym_matches(acronym, expansion, skip):
                start = m.start(2)
                bare = re.sub(r"^[lL]['’]", "", expansion)
                start += len(expansion) - len(bare)
                head = head_of(bare.split())
                existing = next((f for f in found if f.start <= start < f.end), None)
                if existing is not None:
                    if acronym not in existing.aliases:
                        existing.aliases.append(acronym)
                    break
                out.append(
                    OrgMatch(
                        start,
                        start + len(bare),
                        bare,
                        head[1] if head else "Organisation",
                        head[0] if head else "",
                        aliases=[acronym],
                        alias_spans=[(m.start(1), m.end(1))],
                    )
                )
                break
    return out


def is_acronym_of(acronym: str, name: str) -> bool:
    skip = lexicon.connectors() | lexicon.stop_words()
    return is_acronym(acronym) and acronym_matches(acronym, name, skip)
