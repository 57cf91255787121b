"""The document's title line: the page's own headline, never its furniture."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote, urlparse

from innograph.loaders.extract import lexicon
from innograph.loaders.extract.candidates import lines_with_offsets

_GLUED = re.compile(r"(?<=[A-Z)’'])(?=[A-Z][a-zà-ÿ])|(?<=\))(?=[A-Z])")
_LIST_ITEM = re.compile(r"^(?:[•·\-*–◦▪]|\d{1,2}[.)])\s")
_MAX_TITLE = 140


@dataclass(frozen=True)
class TitleLine:
    start: int
    end: int
    text: str


def _furniture() -> tuple[str, ...]:
    return tuple(w.casefold() for w in lexicon.words("titles", "FURNITURE"))


def _is_furniture(line: str) -> bool:
    low = line.casefold().strip(" <>›»|-:")
    if not low or len(low) < 3:
        return True
    if low.startswith(_furniture()):
        return True
    if re.fullmatch(r"[\W\d_]+", low):
        return True
    return bool(re.search(r"\s[·|]\s", line) and len(line.split()) <= 6)


def title_line(text: str) -> TitleLine | None:
    """The first line that is neither page furniture nor a long paragraph (cut where markup glued it)."""
    programmes = {w.casefold() for w in lexicon.table("entities", "PROGRAMMES")}
    checked = 0
    for offset, raw in lines_with_offsets(text):
        line = raw.strip()
        if not line:
            continue
        checked += 1
        if checked > 6:
            break
        if _is_furniture(line) or _LIST_ITEM.match(line):
            continue  # navigation, or a list item ('- Local Economic Development')
        start = offset + raw.find(line)
        if len(line) > _MAX_TITLE:
            glue = _GLUED.search(line, 3, 110)
            if glue is None:
                return None  # the text opens with a paragraph: there is no title line
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
    return bool({w for w in words if w not in stops} & set(re.findall(r"\w+", title.casefold())))
