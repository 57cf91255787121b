"""Names found by where they stand, not by what they contain.

- after a type noun: 'les pôles de compétitivité Valorial et Végépolys', 'de speerpuntclusters
  Catalisti, Flux50 en VIL', 'expertisecentrum ECOOM'; the type noun may be a compound or a plural
  of an organisation head word ('speerpuntclusters' ends in 'cluster');
- after a colon that closes a type noun: 'signed by 13 Sector Clusters: A, B, C and D';
- the items of a bulleted list under a partner heading ('Projektpartnere', 'Lead partner: X'), or
  of a list whose items mostly carry an organisation mark (a head word, a legal form, '(SE)');
- 'Klyngen for miljøteknologi (CLEAN)': a description and the name in parentheses;
- after a person's role and its preposition: 'directeur van X', 'direktør for X' (English 'of/at'
  titles are left out: 'Head of Communications' names a department).

Each name is returned with the class of its type noun, and whether that noun makes it a cluster.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from innograph.loaders.extract import lexicon
from innograph.loaders.extract.candidates import is_capitalised, lines_with_offsets

_WORD = re.compile(r"[^\s,;:!?()\[\]«»“”\"]+")
_GLUED = re.compile(r"(?<=[A-Z]{3})(?=[A-Z][a-z])")  # 'INNOV'EUROMETROPOLISOp': lost markup
_SPACE = re.compile(r"[ \u00a0]+")
_BULLET = re.compile(r"^\s*(?:[•·*▪►◦–-]|\d{1,2}[.)])\s+")
_PARENTHESIS_END = re.compile(r"\s*\(([^()]{2,40})\)\s*$")
_PAREN_NAME = re.compile(r"^(?P<desc>[^()]{3,90}?)\s*\((?P<name>[^()]{2,60})\)\s*[.;,]?$")
_CLUSTER_HEADS = frozenset(("cluster", "klynge", "pôle", "speerpuntcluster"))
_PLURAL_ENDINGS = ("erne", "er", "en", "es", "s", "e", "n", "r")
MAX_ITEM_WORDS = 6


@dataclass
class PlacedName:
    start: int
    end: int
    name: str
    org_type: str
    head: str
    cluster: bool = False
    aliases: list[str] = field(default_factory=list)
    alias_spans: list[tuple[int, int]] = field(default_factory=list)


@cache
def _heads() -> dict[str, str]:
    """Organisation head words that can stand before a name ('le pôle X'): authorities named after
    an area ('la province Groningen') are left to the area rules."""
    skip = lexicon.region_authorities() | lexicon.area_authorities() | _PLATFORM_WORDS
    return {h: cls for h, cls in lexicon.org_heads().items() if h not in skip and len(h) > 3}


# a platform named after its type word is the page's main subject, not one of its organisations
_PLATFORM_WORDS = frozenset(("platform", "plateforme"))


@cache
def _compound_end() -> re.Pattern[str]:
    """A compound ending in a head word of five letters or more, after at least three letters."""
    heads = sorted((h for h in _heads() if len(h) >= 5), key=len, reverse=True)
    return re.compile(rf"^[^\W\d_]{{3,}}({'|'.join(re.escape(h) for h in heads)})$")


@cache
def type_head(word: str) -> tuple[str, str] | None:
    """(head, class) when ``word`` is an organisation head word, its plural, or a compound ending in
    one: 'pôles', 'speerpuntclusters', 'expertisecentrum', 'klynger'."""
    low = word.casefold()
    heads = _heads()
    forms = [low] + [low[: -len(e)] for e in _PLURAL_ENDINGS if low.endswith(e) and len(low) > len(e) + 3]
    for form in forms:
        if form in heads:
            return form, heads[form]
        compound = _compound_end().match(form)
        if compound is not None:
            return compound.group(1), heads[compound.group(1)]
    return None


def _clean_word(word: str) -> str:
    """A word without its sentence-final dot (an abbreviation like 'B.V.' keeps it)."""
    if word.endswith(".") and "." not in word[:-1]:
        return word[:-1]
    return word


def name_item(text: str, pos: int, connectors: frozenset[str]) -> int | None:
    """End of a capitalised name starting at ``pos`` (words on one line, lower-case connectors
    between capitalised words, at most MAX_ITEM_WORDS words), or None."""
    end = None
    words = 0
    p = pos
    while words < MAX_ITEM_WORDS + 2:
        m = _WORD.match(text, p)
        if m is None:
            break
        word = _clean_word(_GLUED.split(m.group())[0])
        if is_capitalised(word):
            end = m.start() + len(word)
            words += 1
        elif end is None or word.casefold() not in connectors:
            break
        if len(word) < len(m.group()):
            break  # the sentence ends here
        gap = _SPACE.match(text, m.end())
        if gap is None:
            break
        p = gap.end()
    return end if end is not None and words <= MAX_ITEM_WORDS else None


@cache
def _inner_connectors() -> frozenset[str]:
    """Connectors inside one name; conjunctions separate two names in a list."""
    return lexicon.connectors() - (_conjunctions() - {"&"}) - {"la", "le", "les", "the", "het", "en"}


@cache
def _conjunctions() -> frozenset[str]:
    return frozenset(w.casefold() for w in lexicon.words("entities", "LIST_AND") if " " not in w)


def name_sequence(text: str, pos: int) -> list[tuple[int, int]]:
    """'A, B, C en D' starting at ``pos``: the spans of the names, up to the conjunction's name."""
    connectors = _inner_connectors()
    conj = "|".join(re.escape(w) for w in sorted(_conjunctions(), key=len, reverse=True))
    out: list[tuple[int, int]] = []
    while True:
        end = name_item(text, pos, connectors)
        if end is None:
            break
        out.append((pos, end))
        sep = re.match(rf",[ \u00a0]+|[ \u00a0]+(?:{conj})[ \u00a0]+", text[end : end + 12])
        if sep is None:
            break
        last = not sep.group().startswith(",")
        pos = end + sep.end()
        if last:
            end = name_item(text, pos, connectors)
            if end is not None:
                out.append((pos, end))
            break
    return out


_COMPLEMENT = re.compile(r"(?:[ \u00a0]+(?:de|d['’]|of|for|van|voor|for)[ \u00a0]*[a-zéèêàçæøå][\w\-]*)?[ \u00a0]+")
_TYPE_WORD = re.compile(r"(?<![\w\-’'])[a-zéèêàçæøåô][\w\-]{3,}")


def after_type_nouns(text: str) -> list[PlacedName]:
    """Names written right after a lower-case type noun (and its complement: 'pôles de compétitivité')."""
    out = []
    for m in _TYPE_WORD.finditer(text):
        found = type_head(m.group())
        if found is None:
            continue
        gap = _COMPLEMENT.match(text, m.end())
        if gap is None:
            continue
        head, cls = found
        for start, end in name_sequence(text, gap.end()):
            out.append(PlacedName(start, end, text[start:end], cls, head, cluster=head in _CLUSTER_HEADS))
    return out


_COLON_LIST = re.compile(r"(?<![\w\-])([A-Za-zÀ-ÿ][\w\-]{3,}):[ \u00a0]+(?=\S)")


def after_colon_type_nouns(text: str) -> list[PlacedName]:
    """'signed by 13 Sector Clusters: A, B, C and D': the comma-separated items up to the sentence end."""
    out = []
    for m in _COLON_LIST.finditer(text):
        found = type_head(m.group(1))
        if found is None or m.group(1).casefold() == found[0]:
            continue  # a plural or compound only: 'Partner: X' is a field, not a list of names
        head, cls = found
        line_end = text.find("\n", m.end())
        segment = text[m.end() : line_end if line_end >= 0 else len(text)]
        segment = re.split(r"\.(?:\s|$)", segment, maxsplit=1)[0]
        parts = segment.split(",")
        if len(parts) < 3:
            continue
        last = re.split(r"\s+(?:and|et|en|og|und)\s+", parts[-1])
        parts = parts[:-1] + last
        pos = m.end()
        for part in parts:
            item = part.strip()
            start = text.find(item, pos)
            pos = start + len(item)
            if item and is_capitalised(item) and len(item.split()) <= MAX_ITEM_WORDS:
                out.append(PlacedName(start, start + len(item), item, cls, head, cluster=head in _CLUSTER_HEADS))
    return out


@cache
def _partner_words() -> frozenset[str]:
    return frozenset(w.casefold() for w in lexicon.words("beneficiaries", "PARTNER_WORDS"))


def _heading_kind(line: str) -> tuple[str, str] | None:
    """('partner', '') for a partner heading, (head, class) for a type-noun heading ending in ':'."""
    stripped = line.strip().rstrip(":").strip()
    low = stripped.casefold()
    if low in _partner_words() or low.startswith(("lead partner", "partner", "partenaire")):
        return "partner", ""
    if line.strip().endswith(":") and stripped:
        found = type_head(stripped.split()[-1])
        if found is not None:
            return found
    return None


def _country_mark(line: str) -> bool:
    """'... (SE)', '... (Ireland)': an item that ends with its country in parentheses."""
    m = _PARENTHESIS_END.search(line)
    if m is None:
        return False
    inner = m.group(1).strip()
    return bool(re.fullmatch(r"[A-Z]{2}", inner)) or inner.casefold() in lexicon.country_names(adjectives=False)


def _item_name(offset: int, line: str) -> PlacedName | None:
    """A list item as a name: 'X (SE)' -> X; 'X, with Y' -> X; 'Description (NAME)' -> NAME."""
    body = _BULLET.sub("", line)
    start = offset + len(line) - len(body)
    body = re.split(r",\s|\s[–—-]\s|\swith\s|\smed\s|\savec\s|\smet\s", body.rstrip(), maxsplit=1)[0]
    body = body.rstrip(" .;")
    if _country_mark(body):
        body = body[: _PARENTHESIS_END.search(body).start()]  # type: ignore[union-attr]
    paren = _PAREN_NAME.match(body)
    if paren and is_capitalised(paren.group("name")):
        name = paren.group("name").strip()
        name_start = start + paren.start("name")
        desc = paren.group("desc").strip()
        return PlacedName(name_start, name_start + len(name), name, "Organisation", "", aliases=[desc],
                          alias_spans=[(start, start + len(desc))])
    if not body or not is_capitalised(body) or len(body.split()) > 8 or "(" in body:
        return None
    return PlacedName(start, start + len(body), body, "Organisation", "")


def _bullet_blocks(text: str) -> list[tuple[str, list[tuple[int, str]]]]:
    """Runs of bullet lines (blank lines allowed between), with the last non-empty line before them."""
    blocks: list[tuple[str, list[tuple[int, str]]]] = []
    previous = ""
    current: list[tuple[int, str]] = []
    for offset, line in lines_with_offsets(text):
        if _BULLET.match(line):
            current.append((offset, line))
            continue
        if not line.strip():
            continue
        if current:
            blocks.append((previous, current))
            current = []
        previous = line
    if current:
        blocks.append((previous, current))
    return blocks


def list_items(text: str) -> list[PlacedName]:
    """Items of a bulleted list under a partner or type-noun heading, or of a list of partners
    written with their countries ('UiT The Arctic University of Norway (SE)')."""
    out = []
    for heading, block in _bullet_blocks(text):
        kind = _heading_kind(heading) or (
            ("partner", "") if heading.casefold().startswith(("lead partner", "lead applicant")) else None
        )
        marked = sum(_country_mark(line.rstrip(" .;")) for _, line in block)
        if kind is None and marked * 2 < len(block):
            continue
        items = [_item_name(offset, line) for offset, line in block]
        for item in items:
            if item is None:
                continue
            if kind is not None and kind[0] != "partner":
                item.head, item.org_type, item.cluster = kind[0], kind[1], kind[0] in _CLUSTER_HEADS
            out.append(item)
    return out


def inline_partner_field(text: str) -> list[PlacedName]:
    """'Lead partner: Centria University of Applied Sciences' on one line."""
    out = []
    words = "|".join(re.escape(w) for w in sorted(_partner_words() | {"lead partner", "partenaire", "partner"},
                                                   key=len, reverse=True))
    for m in re.finditer(rf"(?im)^[ \t]*(?:{words})[ \t]*:[ \t]*(\S[^\n]*)$", text):
        item = _item_name(m.start(1), m.group(1))
        if item is not None:
            out.append(item)
    return out


def placed_names(text: str) -> list[PlacedName]:
    return (
        after_type_nouns(text)
        + after_colon_type_nouns(text)
        + list_items(text)
        + inline_partner_field(text)
        + after_person_roles(text)
    )


_ROLE_LINK = re.compile(
    r"(?<![\w\-])([\w\-]{2,})[ \u00a0]+(?:van|de|du|bij|for|i|hos|ved)[ \u00a0]+"
    r"(?:(?:the|het|de|la|le|l['’]|den|det)[ \u00a0]*)?(?=[^\W\d_])"
)


@cache
def _role_endings() -> tuple[str, ...]:
    """Person roles whose complement is an employer ('directeur', 'vice-président', 'turistchef')."""
    domain_roles = {w.casefold() for w in lexicon.words("names", "DOMAIN_ROLES")}
    return tuple({w.casefold() for w in lexicon.words("roles", "PERSON_ROLES") if " " not in w} - domain_roles)


@cache
def _domain_roles() -> tuple[str, ...]:
    return tuple(w.casefold() for w in lexicon.words("names", "DOMAIN_ROLES"))


def after_person_roles(text: str) -> list[PlacedName]:
    """'algemeen directeur van Zorba', 'vice-président de Zorba', 'direktør for Zorba A/S': the name
    after a person's role and its preposition is the organisation the person works for."""
    out = []
    for m in _ROLE_LINK.finditer(text):
        role = m.group(1).casefold()
        if not role.endswith(_role_endings()) or role.endswith(_domain_roles()):
            continue  # not a role, or 'minister van Economie': a domain ('viceminister' too)
        end = name_item(text, m.end(), _inner_connectors())
        if end is None:
            continue
        out.append(PlacedName(m.end(), end, text[m.end() : end], "Organisation", ""))
    return out

