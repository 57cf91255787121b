"""The document's title line: the page's own headline, never its furniture."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from urllib.parse import unquote, urlparse

from innograph.loaders.extract import lexicon
from innograph.loaders.extract.candidates import lines_with_offsets
from innograph.loaders.extract.date_shapes import find_dates
from innograph.ontology.text import fold

_GLUED = re.compile(r"(?<=[A-Z)’'])(?=[A-Z][a-zà-ÿ])|(?<=\))(?=[A-Z])")
_LIST_ITEM = re.compile(r"^(?:[•·\-*–◦▪]|\d{1,2}[.)])\s")
_MAX_TITLE = 140
_MAX_LINES = 8  # the headline is among the first lines that are not furniture
_MAX_DATELINE_WORDS = 3
_MAX_NAV_WORDS = 8
_MIN_SENTENCE_WORDS = 8
_WORDS = re.compile(r"[^\W\d_]{2,}")
_IDENTIFIER = re.compile(r"\S*\d{4,}\S*")  # one token with a long number in it: a reference, not a name
_BREADCRUMB = re.compile(r"\s[·|>›»/]\s")
_GUILLEMETS = re.compile(r"«[^»]*»")  # a quoted name's closing '»' is no breadcrumb separator
_FIELD = re.compile(r"(?P<label>[^\W\d_][\w ’'-]{1,30}?)\s*:\s*\S")


@dataclass(frozen=True)
class TitleLine:
    start: int
    end: int
    text: str


@cache
def _furniture() -> tuple[str, ...]:
    return tuple(w.casefold() for w in lexicon.words("titles", "FURNITURE"))


@cache
def _section_labels() -> frozenset[str]:
    return frozenset(w.casefold() for w in lexicon.words("titles", "SECTION_LABELS"))


@cache
def _field_labels() -> frozenset[str]:
    return frozenset(w.casefold() for w in lexicon.words("titles", "FIELD_LABELS"))


def _is_dateline(line: str) -> bool:
    """'Updated on 12 January 2023', '03.04.2024', '16. april 2014': a date and hardly a word more."""
    hits, _ = find_dates(line)
    dated = [h for h in hits if h.month is not None or h.day is not None]
    if not dated:
        return False
    rest = line
    for hit in sorted(dated, key=lambda h: -h.start):
        rest = rest[: hit.start] + " " + rest[hit.end :]
    return len(_WORDS.findall(rest)) <= _MAX_DATELINE_WORDS


def _is_field(line: str) -> bool:
    """'Countries: Belgium, France', 'Program: Interreg Europe': a labelled field, not a headline."""
    m = _FIELD.match(line)
    return m is not None and m.group("label").casefold().strip() in _field_labels()


def _is_furniture(line: str) -> bool:
    """Navigation, breadcrumbs, captions, datelines, fields, identifiers and fragments: what a page
    puts around its headline, recognised by its shape (and a few general words per language)."""
    low = line.casefold().strip(" <>›»|-:")
    if not low or len(low) < 3:
        return True
    if low.startswith(_furniture()) or line.lstrip().startswith(("[", "…", "©")):
        return True
    if re.fullmatch(r"[\W\d_]+", low) or _IDENTIFIER.fullmatch(line.strip()):
        return True
    if _BREADCRUMB.search(_GUILLEMETS.sub(" ", line)) and len(line.split()) <= _MAX_NAV_WORDS:
        return True
    return _is_dateline(line) or _is_field(line)


def _is_sentence(line: str) -> bool:
    """A line of running text (a full stop after many words) opens a paragraph, not a headline."""
    return line.endswith(".") and not line.endswith("..") and len(line.split()) >= _MIN_SENTENCE_WORDS


def _candidate_lines(text: str) -> Iterator[tuple[int, str, str]]:
    """(offset, raw line, stripped line) of the first non-empty lines, leaving out the block that
    follows a section label ('Contact' and its names and phones)."""
    checked = 0
    state = "text"  # -> "label" after a section label -> "block" on its first line -> "text" after a blank
    for offset, raw in lines_with_offsets(text):
        line = raw.strip()
        if not line:
            state = "text" if state == "block" else state
            continue
        if state == "label":
            state = "block"
        if state == "block":
            continue
        checked += 1
        if checked > _MAX_LINES:
            return
        if line.casefold().rstrip(" :") in _section_labels():
            state = "label"
            continue
        yield offset, raw, line


def title_line(text: str) -> TitleLine | None:
    """The first line that is neither page furniture nor a paragraph (cut where markup glued it)."""
    programmes = {w.casefold() for w in lexicon.table("entities", "PROGRAMMES")}
    for offset, raw, line in _candidate_lines(text):
        if "cookie" in line.casefold():
            continue  # a cookie banner, however long
        if _is_sentence(line):
            return None  # the text opens with a paragraph ('[…], director of ..., is interviewed.')
        if _is_furniture(line) or _LIST_ITEM.match(line):
            continue  # navigation, or a list item ('- Local Economic Development')
        start = offset + raw.find(line)
        if len(line) > _MAX_TITLE:
            glue = _GLUED.search(line, 3, 110)
            if glue is None:
                return None
            line = line[: glue.start()].strip()
        if line.endswith(":") or line.casefold() in programmes:
            continue
        return TitleLine(start, start + len(line), line)
    return None


def title_from_url(url: str | None) -> str | None:
    """A wordy last path segment: '.../finding-our-niches-sustainable-local-...' -> words."""
    if not url:
        return None
    segments = [s for s in urlparse(url).path.split("/") if s]
    for segment in reversed(segments):
        words = re.split(r"[-_]+", unquote(re.sub(r"\.\w{2,5}$", "", segment)))
        words = [w for w in words if w]
        if len(words) >= 4 and all(w.isalpha() for w in words):
            return " ".join(words).capitalize()
        if segment.isdigit() or len(words) < 4:
            continue
    return None


def agrees_with_url(title: str, url: str | None) -> bool:
    """False when the URL names the page in five or more words and the title line shares none of them
    (the line is then a heading of the page's body, not its title)."""
    words = (title_from_url(url) or "").casefold().split()
    if len(words) < 5:
        return True
    stops = lexicon.stop_words()
    # URL slugs drop accents and spell 'æ' as 'ae': compare folded words
    return bool({fold(w) for w in words if w not in stops} & set(re.findall(r"\w+", fold(title))))
