"""Projects, platforms, clusters and desks.

- project names next to a project word: 'the TECHLINK project', 'Interreg project SenSpores',
  'projet transfrontalier a été inauguré : GoToS3', 'CrossRoads is een Interreg ... project';
- lists after a naming cue: 'har titlerne Innomatch, Nordic Buzz, Yggdrasil samt ...';
- desks: short list items or lines made of a desk word ('Financieringsdesk', 'Internationale desk');
- clusters: the items of a list announced by a cluster word and a colon.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from innograph.loaders.extract import lexicon
from innograph.loaders.extract.candidates import Token, is_acronym, is_camel, is_capitalised, lines_with_offsets

_QUOTES = "\"'“”«»‘’„"
_BULLET = re.compile(r"^\s*(?:[•·\-*–◦▪]|\d{1,2}[.)])\s+")


@dataclass(frozen=True)
class NameMatch:
    start: int
    end: int
    name: str
    extractor: str
    confidence: float = 0.7


def _words(module: str, name: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in lexicon.words(module, name))


def strong_name(words: list[str]) -> bool:
    """A name that cannot be an ordinary capitalised word: camelCase, capitals, digits or two words."""
    if not words:
        return False
    if len(words) >= 2 and sum(is_capitalised(w) for w in words) >= 2:
        return True
    word = words[0].strip(_QUOTES)
    return is_camel(word) or (is_acronym(word) and len(word) >= 3) or any(c.isdigit() for c in word)


def _name_after(text: str, toks: list[Token], i: int) -> tuple[int, int, list[str]] | None:
    """Capitalised token run starting at toks[i] (same line, spaces only)."""
    if i >= len(toks) or not is_capitalised(toks[i].text.strip(_QUOTES)):
        return None
    j = i
    while j + 1 < len(toks) and text[toks[j].end : toks[j + 1].start] == " " and is_capitalised(toks[j + 1].text):
        j += 1
    return toks[i].start, toks[j].end, [t.text for t in toks[i : j + 1]]


def find_projects(text: str, toks: list[Token]) -> list[NameMatch]:
    project_words = _words("entities", "PROJECT_WORDS")
    copulas = _words("entities", "COPULAS")
    stops = lexicon.stop_words()
    prepositions = _words("entities", "PREPOSITIONS")
    call_links = frozenset(("à", "for", "til", "voor"))
    call_words = frozenset(("appel", "appels", "call", "calls", "oproep", "opslag", "open"))
    out: list[NameMatch] = []
    for i, tok in enumerate(toks):
        if tok.text.casefold() not in project_words or tok.text.isupper():
            continue
        if i > 1 and toks[i - 1].text.casefold() in call_links and toks[i - 2].bare.casefold() in call_words:
            continue  # 'appel à projets X', 'call for projects X': X names the call
        # after the project word: up to four lower-case words, an optional colon or quote, then a name
        j = i + 1
        while j < len(toks) and j - i <= 5 and toks[j].text.islower() and "\n" not in text[tok.end : toks[j].start]:
            if re.search(r"[,.;()]", text[toks[j - 1].end : toks[j].start]) or toks[j].text in prepositions:
                break
            j += 1
        # 'projects supported by X', 'project to SMEs': X is not the project's name
        if (
            j < len(toks)
            and not toks[j].text.islower()
            and "\n" not in text[tok.end : toks[j].start]
            and not re.search(r"[,.;()]", text[toks[j - 1].end : toks[j].start])
        ):
            got = _name_after(text, toks, j)
            if got and strong_name(got[2]) and got[2][0].casefold() not in stops:
                after = text[got[1] : got[1] + 12].strip().casefold()
                if not after.startswith(("platform", "plateforme", "website")):
                    out.append(NameMatch(got[0], got[1], text[got[0] : got[1]].strip(_QUOTES), "entities.project-cue"))
        # before the project word: 'the TECHLINK project', 'CrossRoads is een Interreg ... project'
        k = i - 1
        if k >= 0 and text[toks[k].end : tok.start] == " " and strong_name([toks[k].text]) and is_acronym(toks[k].text):
            out.append(NameMatch(toks[k].start, toks[k].end, toks[k].text, "entities.project-cue"))
        for back in range(i - 1, max(-1, i - 7), -1):
            if toks[back].text.casefold() in copulas and back >= 1:
                subject = toks[back - 1]
                line_start = text.rfind("\n", 0, subject.start) + 1
                before = text[line_start : subject.start].strip()
                if (not before or before.endswith((".", ":"))) and strong_name([subject.text]):
                    out.append(NameMatch(subject.start, subject.end, subject.text, "entities.project-copula"))
                break
    out.extend(_name_lists(text, toks))
    out.extend(_names_before_project_word(text))
    out.extend(_described_items(text))
    out.extend(_names_with_an_aim(text))
    return out


@cache
def _aim_pattern() -> re.Pattern[str]:
    """A coined name, its possessive, up to two words, then a noun of aim: 'X’s overall objective',
    'XYZs formål'; a name of ordinary capitalised words needs the apostrophe ('Target Circular’s')."""
    aims = "|".join(re.escape(w) for w in sorted(_words("entities", "PURPOSE_WORDS"), key=len, reverse=True))
    word = r"[A-ZÀ-ÞÆØÅ][\w@&+-]*"
    return re.compile(
        rf"(?<![\w'’])({word}(?:[ ]{word}){{0,3}})(?:['’]s|(?<=[A-Z0-9])s)[ \t]+(?:[^\W\d_]+[ \t]+){{0,2}}?(?:{aims})\b"
    )


def _names_with_an_aim(text: str) -> list[NameMatch]:
    """'INNOCAP’s overall objective is to ...': what has an objective of its own is a project or an
    initiative (organisations and programmes named so are left to their own passes)."""
    stops = lexicon.stop_words()
    out = []
    for m in _aim_pattern().finditer(text):
        words = m.group(1).split()
        if strong_name(words) and words[0].casefold() not in stops:
            out.append(NameMatch(m.start(1), m.end(1), m.group(1), "entities.project-aim", 0.6))
    return out


_MAX_ITEM_WORDS = 6
_MIN_DESCRIPTION_WORDS = 5  # a sentence, not a field label ('Projet Website')
_FIELD_LINE = re.compile(r"[^\W\d_][^:\n]{0,30}\s?:\s")


def _described_items(text: str) -> list[NameMatch]:
    """A list item whose description opens with a project word ('• TIGRE' then 'Le projet vise à
    ...'; '- X' then 'The project ...'): a database or programme page listing its projects."""
    lines = lines_with_offsets(text)
    out = []
    for index, (offset, line) in enumerate(lines):
        bullet = _BULLET.match(line)
        item = line[bullet.end() :].strip().strip(_QUOTES) if bullet else ""
        if not item or len(item.split()) > _MAX_ITEM_WORDS or item.endswith((".", ":", ";", ",")):
            continue
        if not is_capitalised(item) or _opens_with_project_word(item):
            continue  # 'Projet sur X platform' is a link to a project, not its name
        description = _description_after(lines, index)
        if description is None or len(description.split()) < _MIN_DESCRIPTION_WORDS:
            continue
        if not _opens_with_project_word(description):
            continue
        start = text.find(item, offset)
        out.append(NameMatch(start, start + len(item), item, "entities.project-described", 0.7))
    return out


def _description_after(lines: list[tuple[int, str]], index: int) -> str | None:
    """The first line after a list item that is neither blank nor a field ('Code : 34 GR 1')."""
    for _, line in lines[index + 1 :]:
        stripped = line.strip()
        if stripped and not _FIELD_LINE.match(stripped):
            return stripped
    return None


def _opens_with_project_word(line: str) -> bool:
    """'Le projet vise', 'The project will', 'Projektet har', 'Dit project': at most an article first."""
    if _BULLET.match(line):
        return False  # the next item of the list, not a description
    words = [w.casefold() for w in re.findall(r"[^\W\d_]+", line)[:2]]
    project_words = _words("entities", "PROJECT_WORDS")
    if words and words[0] in project_words:
        return True
    return len(words) == 2 and words[0] in lexicon.stop_words() and words[1] in project_words


_NUMBER_WORDS = "deux|trois|quatre|two|three|four|to|tre|fire|twee|drie|vier|\\d{1,2}"


def _names_before_project_word(text: str) -> list[NameMatch]:
    """'la fusion de TTR et ELAt, deux projets': names listed right before '(, two) projects'."""
    words = "|".join(re.escape(w) for w in _words("entities", "PROJECT_WORDS"))
    ands = "|".join(re.escape(w) for w in _words("entities", "LIST_AND"))
    name = r"[A-Z][\w\-]*[A-Z0-9][\w\-]*|[A-Z]{2,}[\w\-]*"  # acronyms and camelCase names only
    pattern = re.compile(
        rf"((?:{name})(?:,\s*(?:{name}))*\s+(?:{ands})\s+(?:{name})),?\s+(?:(?:{_NUMBER_WORDS})\s+)?(?:{words})\b"
    )
    out = []
    for m in pattern.finditer(text):
        for found in re.finditer(name, m.group(1)):
            start = m.start(1) + found.start()
            out.append(NameMatch(start, start + len(found.group()), found.group(), "entities.project-list", 0.65))
    return out


def _name_lists(text: str, toks: list[Token]) -> list[NameMatch]:
    """'... har titlerne Innomatch, Nordic Buzz, Yggdrasil samt Innovationer til bæredygtig planteproduktion.'"""
    cues = _words("entities", "NAME_LIST_CUES")
    ands = "|".join(re.escape(w) for w in sorted(_words("entities", "LIST_AND"), key=len, reverse=True))
    out = []
    for tok in toks:
        if tok.text.casefold() not in cues:
            continue
        end = re.search(r"[.;:\n]", text[tok.end :])
        segment_start = tok.end
        segment = text[segment_start : segment_start + (end.start() if end else len(text))]
        pos = segment_start
        for part in re.split(rf",\s*|\s+(?:{ands})\s+", segment):
            offset = text.find(part, pos)
            pos = offset + len(part)
            item = part.strip().strip(_QUOTES)
            if item and is_capitalised(item) and len(item.split()) <= 6:
                start = text.find(item, offset)
                out.append(NameMatch(start, start + len(item), item, "entities.name-list", 0.8))
    return out


def find_desks(text: str) -> list[NameMatch]:
    """Lines or list items made of a desk word: 'Financieringsdesk', 'Internationale desk'."""
    desk_words = _words("entities", "DESK_WORDS")
    out = []
    for offset, line in lines_with_offsets(text):
        item = _BULLET.sub("", line).strip()
        words = item.split()
        if not words or len(words) > 3 or item.endswith(":"):
            continue
        last = re.sub(r"\W", "", words[-1].casefold())
        if any(last.endswith(w) for w in desk_words) and (is_capitalised(words[0])):
            start = text.find(item, offset)
            out.append(NameMatch(start, start + len(item), item, "entities.desk-item", 0.8))
    return out


def find_cluster_items(text: str) -> list[NameMatch]:
    """The items of a list announced as clusters: '4 thematische clusters ...:Agro-voeding/gezondheid'."""
    cluster_words = "|".join(re.escape(w) for w in _words("entities", "CLUSTER_WORDS"))
    out: list[NameMatch] = []
    for m in re.finditer(rf"\b(?:{cluster_words})\b[^.\n]{{0,120}}:", text, re.IGNORECASE):
        count = re.search(r"\b(\d{1,2})\s+\w*\s*(?:" + cluster_words + r")", m.group(), re.IGNORECASE)
        limit = int(count.group(1)) if count else 12
        pos = m.end()
        items: list[NameMatch] = []
        for line_match in re.finditer(r"[^\n]*", text[pos:]):
            raw = line_match.group()
            item = _BULLET.sub("", raw).strip()
            if not item:
                if items and line_match.start() > 0 and len(items) >= limit:
                    break
                continue
            if len(item.split()) > 6 or item.endswith((".", ":")) or not is_capitalised(item):
                break
            start = pos + line_match.start() + raw.find(item)
            items.append(NameMatch(start, start + len(item), item, "entities.cluster-list", 0.7))
            if len(items) >= limit:
                break
        if len(items) >= 2:
            out.extend(items)
    return out


def find_platform_name(text: str, toks: list[Token]) -> NameMatch | None:
    """'Het innovatieplatform INNOV'EUROMETROPOLIS': a name right after a platform word."""
    words = _words("entities", "PLATFORM_WORDS")
    for i, tok in enumerate(toks[:-1]):
        if tok.text.casefold() in words or tok.text.casefold().endswith("platform"):
            got = _name_after(text, toks, i + 1)
            if got and text[tok.end : toks[i + 1].start].strip(" " + _QUOTES) == "" and strong_name(got[2]):
                return NameMatch(got[0], got[1], text[got[0] : got[1]], "entities.platform-cue")
    return None
