"""Funding programmes: Interreg names, known programmes and funds, '<Name>-programma', areas with a period.

'Interreg V programma Vlaanderen-Nederland' -> 'Interreg V Vlaanderen-Nederland'; 'EFRO-middelen' and
'Europees Fonds Regionale Ontwikkeling (EFRO)' -> the reference programme ``erdf``; '2000 - 2006
Atlantic Area' -> 'Atlantic Area 2000-2006'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from innograph.loaders.extract import lexicon
from innograph.loaders.extract.candidates import Candidate, Token, adjacent_spans, is_capitalised
from innograph.loaders.extract.heads import head_of
from innograph.loaders.extract.region_names import area_names
from innograph.ontology.reference import programmes as reference_programmes
from innograph.ontology.text import fold

from innograph.iris import slug

_ROMAN = re.compile(r"^(?:I{1,3}|IV|V|VI{1,3})$")
# a generation with its strand glued on: 'IV-A', 'VA', '5A', '6a'
_GENERATION = re.compile(r"^(?:I{1,3}|IV|V|VI{1,3}|[1-9])-?[A-C]$|^[1-9]$")
_STRAND = re.compile(r"^[A-C]$")
_PERIOD = re.compile(r"((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)")


@dataclass(frozen=True)
class ProgrammeMatch:
    start: int
    end: int
    name: str
    key: str  # reference slug or slug of the canonical name
    family: str  # 'interreg' for Interreg names (merged when one is a bare 'Interreg')


_UMBRELLA_KINDS = ("framework", "generation")  # 'cohesion policy', 'Interreg IV': found by the Interreg rule


@cache
def _reference() -> dict[str, tuple[str, str]]:
    """folded label or alias -> (reference key, kind) of the ontology's reference programmes."""
    out: dict[str, tuple[str, str]] = {}
    for item in reference_programmes():
        names = list(item.labels.values())
        for aliases in item.aliases.values():
            names.extend(aliases)
        for name in names:
            out.setdefault(fold(name), (item.key, item.kind))
    return out


def _generation_word(word: str) -> bool:
    """'IV', 'A', 'IV-A', '5A': a generation or strand of a programme, not part of its area."""
    return bool(_ROMAN.match(word) or _STRAND.match(word) or _GENERATION.match(word))


@cache
def reference_keys() -> frozenset[str]:
    return frozenset(key for key, _ in _reference().values())


@cache
def known() -> dict[str, str]:
    """folded name -> reference slug of the programmes and funds found by name in a text."""
    out = {name: key for name, (key, kind) in _reference().items() if kind not in _UMBRELLA_KINDS}
    for name, key in lexicon.table("entities", "PROGRAMMES").items():
        out.setdefault(fold(name), key)
    return out


def reference_key(name: str) -> str | None:
    """The reference programme of an Interreg name, with or without its generation and strand."""
    ref = _reference()
    folded = fold(name)
    plain = " ".join(w for w in folded.split() if not _generation_word(w.upper()))
    for candidate in (folded, plain, plain.removeprefix("interreg ").strip()):
        hit = ref.get(candidate)
        if hit and (hit[1] != "framework" or candidate == folded):
            return hit[0]
    return None


@cache
def _first_words() -> frozenset[str]:
    """First words of the known names: most tokens start none of them, and are skipped at once."""
    return frozenset(k.split()[0] for k in known() if k)


def _programme_words() -> frozenset[str]:
    return frozenset(w.casefold() for w in lexicon.words("entities", "PROGRAMME_WORDS"))


def find_programmes(text: str, toks: list[Token], runs: list[Candidate]) -> list[ProgrammeMatch]:
    out: list[ProgrammeMatch] = []
    out.extend(_interreg(text, toks))
    out.extend(_gazetteer(text, toks))
    out.extend(_named_programme(text, runs))
    out.extend(_areas_with_period(text))
    out.extend(_names_beside_programme_word(text, runs))
    out.extend(_names_with_programme_head(text, runs))
    return out


def _interreg(text: str, toks: list[Token]) -> list[ProgrammeMatch]:
    words = _programme_words()
    out = []
    for i, tok in enumerate(toks):
        if tok.text.casefold() != "interreg":
            continue
        parts = ["Interreg" if tok.text[1:].islower() or tok.text.islower() else tok.text]
        end = tok.end
        j = i + 1
        while j < len(toks):
            nxt = toks[j]
            gap = text[toks[j - 1].end : nxt.start]
            if gap.strip() or "\n" in gap:
                break
            word = nxt.text
            if _ROMAN.match(word) or _GENERATION.match(word.upper()) or (_STRAND.match(word) and len(parts) >= 2):
                parts.append(word)
            elif (
                word.casefold() in words
                and j + 1 < len(toks)
                and is_capitalised(toks[j + 1].text)
                and not text[nxt.end : toks[j + 1].start].strip()
            ):
                pass  # 'interreg V programma Vlaanderen-Nederland': the word is dropped from the name
            elif (
                (is_capitalised(word) and not word.isupper())
                or ("-" in word and is_capitalised(word))
                or (word.isupper() and len(word) > 1 and len(parts) >= 2)
            ):
                parts.append(word)
            else:
                break
            end = nxt.end
            j += 1
        name = " ".join(parts)
        area = [p for p in parts[1:] if not _generation_word(p.upper())]
        key = reference_key(name) or (slug("interreg " + " ".join(area)) if area else "interreg")
        out.append(ProgrammeMatch(tok.start, end, name, key, "interreg"))
    return out


def _gazetteer(text: str, toks: list[Token]) -> list[ProgrammeMatch]:
    table = known()
    firsts = _first_words()
    folded = [fold(t.text) for t in toks]
    out = []
    n = len(toks)
    i = 0
    while i < n:
        hit = None
        if not folded[i] or folded[i].split()[0] not in firsts:
            i += 1
            continue
        for span in adjacent_spans(text, toks, i, 6):
            size = len(span)
            j = i + size
            written = text[span[0].start : span[-1].end]
            key = table.get(" ".join(folded[i:j]))
            if key is None and size == 1 and "-" in written:  # 'EFRO-middelen'
                head = written.split("-")[0]
                if head.isupper() and table.get(fold(head)):
                    key, written = table[fold(head)], head
            if key is None:
                continue
            if fold(written) in area_names():
                continue  # 'the Atlantic Area' is a place; the programme needs 'Interreg' or a period
            if size == 1 and not (written.isupper() or any(c.isdigit() for c in written) or len(written) >= 10):
                continue  # 'Life', 'Digital' as words are not the programmes
            if text[span[-1].end : span[-1].end + 1] == "+":
                written += "+"
            hit = ProgrammeMatch(span[0].start, span[0].start + len(written), written, key, key)
            # 'Interregional Innovation Investments (I3)' and 'EFRO' after the full name: one mention
            after = re.match(r"\s*\(([^()]{1,12})\)", text[hit.end :])
            if after and table.get(fold(after.group(1))) == key:
                hit = ProgrammeMatch(
                    hit.start, hit.end + after.end(), text[hit.start : hit.end + after.end()], key, key
                )
            i = j
            break
        if hit:
            out.append(hit)
        else:
            i += 1
    return out


def _named_programme(text: str, runs: list[Candidate]) -> list[ProgrammeMatch]:
    """'Kansen voor West II-programma', 'Øresund-Kattegat-Skagerrak-programmet'."""
    out = []
    words = _programme_words()
    for run in runs:
        last = run.toks[-1].text
        head, sep, tail = last.rpartition("-")
        if sep and tail.casefold() in words:
            inner = [i for i, t in enumerate(run.toks) if t.text.casefold() in lexicon.connectors()]
            owner = [t.text for t in run.toks[: inner[-1]]] if inner else []
            # 'Styringskomiteen for X-programmet' -> X; 'Kansen voor West II-programma' stays whole
            first = run.toks[inner[-1] + 1] if inner and head_of(owner) else run.toks[0]
            name = text[first.start : run.toks[-1].start] + head
            name = name.strip()
            if name.casefold().startswith("interreg"):
                continue
            # "EU's LIFE-program": the owner written before the name is not part of it
            key = reference_key(name) or reference_key(name.split(" ", 1)[-1]) or slug(fold(name))
            out.append(ProgrammeMatch(first.start, first.start + len(name), name, key, "named"))
    return out


def _areas_with_period(text: str) -> list[ProgrammeMatch]:
    """An Interreg programme area written with its period: '2000 - 2006 Atlantic Area'."""
    out = []
    for area in lexicon.words("entities", "PROGRAMME_AREAS"):
        for m in re.finditer(re.escape(area), text):
            before = _PERIOD.search(text[max(0, m.start() - 16) : m.start()])
            after = _PERIOD.match(text[m.end() : m.end() + 16].lstrip())
            period = before or after
            if period is None:
                continue
            name = f"{area} {period.group(1)}-{period.group(2)}"
            key = reference_key(area) or slug(name)
            out.append(ProgrammeMatch(m.start(), m.end(), name, key, "area"))
    return out


_DEFINITE = frozenset(("the", "het", "de", "det", "le", "du", "au"))
_WORD_AFTER = re.compile(r" ([\w']+)\b")
_WORD_BEFORE = re.compile(r"\b(\w+) $")


def _names_beside_programme_word(text: str, runs: list[Candidate]) -> list[ProgrammeMatch]:
    """'the LEADER programme', 'het OPZuid programma', 'le programme Horizon Europe': a name written
    beside a lower-case programme word, after a definite article, is a programme's name."""
    words = _programme_words()
    out = []
    for run in runs:
        toks = list(run.toks)
        if toks[0].text.casefold() in _DEFINITE:
            toks = toks[1:]  # 'Het OPZuid programma' at a sentence start
            article = True
        else:
            before = text[max(0, run.start - 12) : run.start].split()
            article = bool(before) and before[-1] in _DEFINITE
        after = _WORD_AFTER.match(text, run.end)
        named_before = article and after is not None and after.group(1) in words
        word_before = _WORD_BEFORE.search(text, max(0, run.start - 16), run.start)
        named_after = (
            word_before is not None and word_before.group(1) in words and _article_before(text, word_before.start())
        )
        if not toks or not (named_before or named_after):
            continue
        name = text[toks[0].start : toks[-1].end]
        if not _could_be_programme_name(name, [t.text for t in toks]):
            continue
        key = reference_key(name) or known().get(fold(name)) or slug(fold(name))
        out.append(ProgrammeMatch(toks[0].start, toks[-1].end, name, key, "named"))
    return out


def _article_before(text: str, pos: int) -> bool:
    before = text[max(0, pos - 8) : pos].split()
    return bool(before) and before[-1].casefold() in _DEFINITE


def _could_be_programme_name(name: str, words: list[str]) -> bool:
    """Not a country, region, organisation, Interreg name (found apart) or short word ('EU')."""
    folded = fold(name)
    if len(folded) < 3 or folded.startswith("interreg") or folded in area_names():
        return False
    if name.casefold() in lexicon.country_names() or folded in lexicon.stop_words():
        return False
    return head_of(words) is None


@cache
def _programme_heads() -> frozenset[str]:
    return frozenset(lexicon.words("entities", "PROGRAMME_HEADS"))


_ACRONYM_AFTER = re.compile(r" \(([A-Z][A-Za-z0-9+]{1,9})\)")


def _names_with_programme_head(text: str, runs: list[Candidate]) -> list[ProgrammeMatch]:
    """'ESI Funds', 'Regional Innovation Scheme (RIS)': a capitalised name ending with a programme
    or fund word (with its acronym when one follows)."""
    heads = _programme_heads()
    out = []
    for run in runs:
        toks = [t for t in run.toks if t.text.casefold() not in _DEFINITE or t is not run.toks[0]]
        if len(toks) < 2 or toks[-1].text not in heads or not all(is_capitalised(t.text) for t in toks):
            continue
        name = text[toks[0].start : toks[-1].end]
        if not _could_be_programme_name(name, [t.text for t in toks[:-1]]):
            continue
        end = toks[-1].end
        acronym = _ACRONYM_AFTER.match(text, end)
        if acronym:
            end = acronym.end()
        written = text[toks[0].start : end]
        key = known().get(fold(name)) or reference_key(name) or slug(fold(name))
        out.append(ProgrammeMatch(toks[0].start, end, written, key, "named"))
    return out
