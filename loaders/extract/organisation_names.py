"""From a capitalised run to an organisation's name: leading articles, person roles and actions cut
off ('Announcing the Call for X'), runs split where two names are joined ('Région Hauts-de-France et
Bpifrance'), French names extended over their lower-case links ('Chambre d'agriculture de
Bretagne'), and the checks on one-word names and trailing head words. :mod:`organisations` decides
which of these names are organisations.
"""

from __future__ import annotations

import re
from functools import cache

from innograph.loaders.extract import lexicon
from innograph.loaders.extract.candidates import Candidate, Token, strip_genitive
from innograph.loaders.extract.heads import head_of
from innograph.loaders.extract.region_names import gazetteer
from innograph.loaders.extract.resolve import fold
from innograph.loaders.lang import rules as rules_of


@cache
def _person_roles() -> frozenset[str]:
    return frozenset(w.casefold() for w in lexicon.words("roles", "PERSON_ROLES") if " " not in w)


def trim_run(run: Candidate, text: str) -> Candidate | None:
    """Drop leading articles and stop words ('La Région Normandie' -> 'Région Normandie')."""
    stops = lexicon.stop_words() | lexicon.connectors()
    toks = list(run.toks)
    while (
        toks and not toks[0].text.isupper() and (toks[0].bare.casefold() in stops or toks[0].text.casefold() in stops)
    ):
        toks.pop(0)
    roles = _person_roles()
    while toks and toks[0].text.casefold() in roles:  # 'Kontakt Erhvervsstyrelsen'
        toks.pop(0)
    while toks and (toks[-1].text.casefold() in lexicon.connectors() or toks[-1].text.casefold() in roles):
        toks.pop()  # 'Energy Cluster Denmarks CEO'
    while toks and toks[0].text.casefold() in stops and not toks[0].text.isupper():
        toks.pop(0)
    if not toks:
        return None
    start = toks[0].start
    if toks[0].text != toks[0].bare:  # "l'Agence": the name starts after the elision
        start = toks[0].end - len(toks[0].bare)
    return Candidate(start, toks[-1].end, text[start : toks[-1].end], tuple(toks))


@cache
def _action_nouns() -> frozenset[str]:
    return frozenset(w.casefold() for w in lexicon.words("names", "ACTION_NOUNS"))


_ACTION_LINKS = frozenset(("of", "for", "to", "de", "du", "des", "d", "pour", "à", "af", "til", "for", "van", "voor"))
_GERUND_OBJECTS = frozenset(("the", "a", "an", "our", "its", "their", "new"))


def without_action_opening(run: Candidate, text: str) -> tuple[Candidate, bool] | None:
    """'Announcing the Call for X', 'Development of X Network': an action that opens a run is no
    part of a name; the name is what follows its preposition (flagged as cut), or nothing."""
    toks = list(run.toks)
    if len(toks) > 2 and toks[0].text.endswith("ing") and toks[1].text.casefold() in _GERUND_OBJECTS:
        toks = toks[2:]  # 'Announcing the ...'
    cut = len(toks) != len(run.toks)
    if len(toks) > 2 and toks[0].text.casefold() in _action_nouns() and toks[1].bare.casefold() in _ACTION_LINKS:
        toks = toks[2:]
        cut = True
    while toks and toks[0].text.casefold() in ARTICLES:
        toks.pop(0)
    if not toks:
        return None
    if not cut:
        return run, False
    start, end = toks[0].start, toks[-1].end
    return Candidate(start, end, text[start:end], tuple(toks)), True


_CONJUNCTIONS = frozenset(("en", "and", "et", "og", "und", "samt"))
ARTICLES = frozenset(("le", "la", "les", "l", "the", "de", "het", "den", "det", "die", "der"))


def genitive_ending(text: str, run: Candidate) -> bool:
    """'EU-Kommissionens forslag' ends in a genitive; 'Sector Clusters of Latvia', 'Clusters:' in a
    plural (a genitive stands before its noun, not before a function word or punctuation)."""
    last = run.toks[-1].text
    if not last.endswith("s") or len(last) <= 4 or last.isupper():
        return False
    return _PLURAL_AFTER.match(text, run.end) is None


# what follows a plural head rather than a genitive: 'Clusters of', 'Clusters at', 'Clusters:'
_PLURAL_AFTER = re.compile(r"\s*:|\s*$| (?:of|at|in|for|to|from|on|with|are|were|have|that|which)\b", re.MULTILINE)


def _article_cut(toks: tuple[Token, ...]) -> int | None:
    """'Valorial et Végépolys et le Cluster Ouest': a conjunction before an article starts a new name
    when the words before it have no head word of their own (bare names listed before it)."""
    for i in range(len(toks) - 2, 0, -1):
        nxt = toks[i + 1].text.casefold()
        if toks[i].text in _CONJUNCTIONS and (nxt in ARTICLES or re.match(r"l['’]", nxt)):
            return i if head_of([t.bare for t in toks[:i]]) is None else None
    return None


def split_conjoined(runs: list[Candidate], text: str) -> list[Candidate]:
    """'Provincie Utrecht en de Hogeschool Rotterdam' is two names when both sides have a head word
    (the last such conjunction first: 'Ministerie van A en B en het Ministerie van C')."""
    out = []
    for run in runs:
        cuts = [i for i, t in enumerate(run.toks) if t.text in _CONJUNCTIONS and i > 0]
        cut = next((i for i in reversed(cuts) if _splits(run.toks[:i], run.toks[i + 1 :])), None)
        if cut is None:
            cut = _article_cut(run.toks)
        if cut is None:
            out.append(run)
            continue
        left, right = run.toks[:cut], run.toks[cut + 1 :]
        if right:
            for part in (left, right):
                out.extend(
                    split_conjoined(
                        [Candidate(part[0].start, part[-1].end, text[part[0].start : part[-1].end], tuple(part))], text
                    )
                )
        else:
            out.append(run)
    return out


_FR_LINK = re.compile(
    r"(?:\s+(?:de|du|des|pour|et|à|aux|en)\s+(?:la\s+|les\s+|l['’])?|\s+d['’]|\s+(?:de\s+)?l['’])"
    r"([^\W\d_][\w\-]*)"
    r"(?:\s+([a-zéèêàç][\w\-]*(?:ique|iques|al|ale|aux|el|elle|ien|ienne|aire|if|ive|é|ée|és|ées)))?"
)
_MAX_EXTENSION = 4  # linked words: 'Chambre d'agriculture de Bretagne', 'Agence pour l'entreprise et l'innovation'


def extend_lower_case(text: str, run: Candidate) -> Candidate:
    """French names go on in lower case after their head word: "Chambre d'agriculture de Bretagne"."""
    if run.toks[0].bare.casefold() not in _french_heads() or len(run.toks) > 2:
        return run
    end = run.end
    linked = 0
    while linked < _MAX_EXTENSION:
        m = _FR_LINK.match(text, end)
        if m is None or "\n" in m.group():
            break
        if m.group(1)[0].isupper() and m.group().split()[0] in ("et", "à", "en"):
            break  # 'Région Occitanie et Aarhus Universitet': a second name, not a part of this one
        if m.group(1).casefold() in ARTICLES:
            break  # 'Région Normandie et le Pôle X': a conjunction and an article start the next name
        end = m.end()
        linked += 1
        if m.group(1)[0].isupper():  # a capitalised name ends the extension: take all of it
            rest = re.match(r"(?:\s+[A-ZÀ-Ý][\w\-]*)*", text[end:])
            end += rest.end() if rest else 0
            break
    if end == run.end:
        return run
    name = text[run.start : end]
    toks = (
        *run.toks,
        *(
            Token(run.start + m.start(), run.start + m.end(), m.group())
            for m in re.finditer(r"\S+", name[len(run.text) :])
        ),
    )
    return Candidate(run.start, end, name, tuple(toks))


@cache
def _french_heads() -> frozenset[str]:
    return frozenset(k.casefold() for k in rules_of("fr", "organisations").HEADS)


def _splits(left: tuple[Token, ...], right: tuple[Token, ...]) -> bool:
    left_head = head_of([t.bare for t in left])
    if left_head is None or not right:
        return False
    # 'Région Hauts-de-France et Bpifrance': a regional authority's name ends with its region
    if left_head[0] in lexicon.region_authorities() and is_region_name(left[-1].text):
        return True
    right_head = head_of([t.bare for t in right])
    # 'Gesellschaft für Innovation und Technologietransfer mbH': a legal form ends one name
    return right_head is not None and right_head[1] != "Company"


def is_region_name(word: str) -> bool:
    return fold(word) in gazetteer()


def single_word_ok(word: str, head: str) -> bool:
    """One word is a name when it is a compound ('Erhvervsstyrelsen') or written in capitals ('FORUM')."""
    low = strip_genitive(word).casefold()
    if word.isupper() and len(word) > 2:
        return True
    return low != head and (low.endswith(head) or "-" in low)


def trailing_head(text: str, run: Candidate) -> tuple[Candidate, tuple[str, str]] | None:
    """'Eurometropolitan campus': a capitalised name followed by a lower-case head word."""
    m = re.match(r" (\w+)", text[run.end : run.end + 20])
    if not m or m.group(1) not in lexicon.trailing_heads():
        return None
    end = run.end + m.end()
    toks = (*run.toks, Token(run.end + 1, end, m.group(1)))
    return Candidate(run.start, end, text[run.start : end], toks), (m.group(1), lexicon.org_heads()[m.group(1)])
