"""People (personal data) and their roles.

Rules, in order of confidence:
- contact blocks: a name line in capitals followed by a title line, then phones and e-mails;
- a name next to a role word ('formand Peder Østermark Andreasen', 'Philippe Luyten, voorzitter'),
  a speech verb ('siger Poul Erik Christensen') or an e-mail ('Tej Egefjord, tejege@erst.dk');
- the members of a list of two-to-three-word names when the list is introduced by a role word.
A name is two to four capitalised words (with particles such as 'de', 'van'), none of them a
type word, a place, a month or a stop word.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from innograph.loaders.extract import lexicon
from innograph.loaders.extract.candidates import is_capitalised, lines_with_offsets
from innograph.loaders.extract.facts import DocumentFacts, Mention, PersonFact
from innograph.loaders.extract.person_affiliations import add_affiliated_organisations, affiliation
from innograph.loaders.extract.region_names import gazetteer
from innograph.loaders.extract.resolve import fold

_PARTICLES = {"de", "van", "der", "den", "von", "le", "la", "du", "da", "di", "ter", "ten"}
# letters of the Latin alphabets of Europe ('Creţu', 'Bieńkowska', 'Łukasz'), not only Latin-1
_UPPER = "".join(c for c in map(chr, range(0x41, 0x250)) if c.isupper())
_LOWER = "".join(c for c in map(chr, range(0x61, 0x250)) if c.islower())
_NAME_WORD = rf"[{_UPPER}][{_LOWER}'’]+(?:-[{_UPPER}]?[{_LOWER}'’]+)*"  # 'Jean-Pierre', 'Sørensen-Hylle'
_PARTICLE = r"(?:[Dd]e|[Vv]an|der|den|von|[Ll]e|du|da|di|ter|ten)"
_GAP = r"[ \t\u00a0]+"  # a name stays on one line
_NAME = re.compile(rf"\b{_NAME_WORD}(?:{_GAP}(?:{_PARTICLE}{_GAP})*{_NAME_WORD}){{1,3}}\b")
_CAPS_NAME_LINE = re.compile(r"^[A-ZÆØÅÉÈÖÜÄ\-]{2,}(?:\s+[A-ZÆØÅÉÈÖÜÄ\-]{2,}){1,3}$")
# add(name, start, role, extractor, confidence) -> the (new or known) person
AddPerson = Callable[[str, int, str | None, str, float], PersonFact]
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


@cache
def _not_name_words() -> frozenset[str]:
    words: set[str] = set(lexicon.stop_words())
    words.update(lexicon.org_heads())
    words.update(lexicon.country_names())
    for module, name in (("dates", "MONTHS"),):
        for value in lexicon.table(module, name):
            words.add(str(value).casefold())
    for name in lexicon.table("entities", "PROGRAMMES"):
        words.update(fold(name).split())
    for module, name in (
        ("entities", "PROJECT_WORDS"),
        ("entities", "PROGRAMME_WORDS"),
        ("entities", "AREA_HEADS"),
        ("entities", "PLATFORM_WORDS"),
        ("entities", "CLUSTER_WORDS"),
        ("roles", "PERSON_ROLES"),
    ):
        words.update(w.casefold() for w in lexicon.words(module, name))
    words.update({"interreg", "europe", "european", "eu", "image", "project", "projet", "projekt", "innovation"})
    return frozenset(words - _PARTICLES)


def _is_person_name(name: str, cued: bool = False) -> bool:
    """Two to five name words, none a type word, place, month or (unless a role word or speech verb
    stands next to it: 'siger formand Hans Ole Jensen') a stop word."""
    words = name.split()
    if not 2 <= len(words) <= 5:
        return False
    bad = _not_name_words() - lexicon.stop_words() if cued else _not_name_words()
    suffixes = lexicon.org_suffixes()
    gaz = gazetteer()
    for word in words:
        low = word.casefold()
        if low in _PARTICLES:
            continue
        if low in bad or fold(word) in gaz or any(low.endswith(s) for s in suffixes):
            return False
    return fold(name) not in gaz


@cache
def _role_words() -> tuple[str, ...]:
    return tuple(sorted({w.casefold() for w in lexicon.words("roles", "PERSON_ROLES")}, key=len, reverse=True))


@cache
def _role_word_end() -> re.Pattern[str]:
    """A role word ending a text (the longest first, as the alternation is tried in order)."""
    return re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(w) for w in _role_words())})$")


@cache
def _speech_words() -> tuple[str, ...]:
    return tuple(w.casefold() for w in lexicon.words("roles", "SPEECH_VERBS"))


def extract_people(facts: DocumentFacts) -> None:
    text = facts.text
    people: dict[str, PersonFact] = {}

    def add(name: str, start: int, role: str | None, extractor: str, confidence: float) -> PersonFact:
        key = fold(name)
        person = people.get(key)
        if person is None:
            person = PersonFact(
                name=name,
                role=role,
                mention=Mention(start, start + len(name), text[start : start + len(name)], extractor, confidence),
            )
            people[key] = person
        elif role and not person.role:
            person.role = role
        return person

    _contact_blocks(facts, add)
    _name_lines(facts, add)
    for m in _NAME.finditer(text):
        name, start = _without_leading_role(m.group(), m.start())
        trimmed_name, trimmed_start = _without_role_domain(text, name, start)
        domain_role = _role_before_domain(text, start) if trimmed_start != start else None
        name, start = trimmed_name, trimmed_start
        name = _cut_particle_tail(name)
        cue = (domain_role, "people.role-word", 0.8) if domain_role else _cue_of(text, name, start)
        if cue is not None and _is_person_name(name, cued=cue[1] != "people.name-email"):
            add(name, start, cue[0], cue[1], cue[2])
    _name_lists(text, add)
    _surnames_after_titles(text, add)
    facts.people = _without_truncated_duplicates(text, sorted(people.values(), key=lambda p: p.mention.start))
    add_affiliated_organisations(facts, facts.people)


def _cue_of(text: str, name: str, start: int) -> tuple[str | None, str, float] | None:
    """(role, extractor, confidence) of the strongest cue around a name, or None without one."""
    end = start + len(name)
    before = text[max(0, start - 40) : start].casefold()
    after = text[end : end + 40]
    role = _role_near(before, after)
    if role is not None:
        return role, "people.role-word", 0.8
    if _speech_near(before, after.casefold()):
        return None, "people.speech-verb", 0.75
    paren = _PAREN_ROLE.match(after)
    if paren:  # 'Ann Berg (beleidsmedewerker)', 'Ann Berg (provincie X)'
        return paren.group(1).strip(), "people.parenthesis", 0.75
    if _title_or_byline_before(before):
        return None, "people.title", 0.75
    if re.match(r"\s*,\s*[\w.+-]+@", text[end : end + 60]):
        return None, "people.name-email", 0.8
    return None


_PAREN_ROLE = re.compile(r"[ \t]*\(([a-zæøåéèäöü][^()\n]{2,60})\)")


@cache
def _titles_and_bylines() -> tuple[str, ...]:
    cues = lexicon.words("names", "PERSON_TITLES") + lexicon.words("names", "BYLINE_CUES")
    return tuple(sorted({c.casefold() for c in cues}, key=len, reverse=True))


@cache
def _title_or_byline_end() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(c) for c in _titles_and_bylines())})$")


def _title_or_byline_before(before: str) -> bool:
    """'Prof. Ann Berg', 'Commissioner Ann Berg', 'Submitted by Ann Berg'."""
    return _title_or_byline_end().search(before.rstrip(" \t")) is not None


def _without_role_domain(text: str, name: str, start: int) -> tuple[str, int]:
    """'minister van Economie Jo Brouns', 'Commissioner for Regional Policy Ann Berg': after a role
    word and its preposition, the capitalised words before the last two name the domain."""
    words = name.split()
    if len(words) < 3:
        return name, start
    before = text[max(0, start - 40) : start].casefold()
    m = re.search(r"(?<!\w)([\w\-]+)\s+(?:van|of|for|de|du|des|for|i|til)\s+$", before)
    if m is None or not _is_role_word(m.group(1)):
        return name, start
    kept = " ".join(words[-2:])
    return kept, start + name.rfind(kept)


def _role_before_domain(text: str, start: int) -> str | None:
    """'minister van Economie Jo Brouns': the role (one whose complement is a domain) before the domain."""
    m = _ROLE_DOMAIN_BEFORE.search(text[max(0, start - 60) : start])
    role = m.group(1).casefold() if m else ""
    return role if role.endswith(tuple(_domain_roles())) and role else None


_ROLE_DOMAIN_BEFORE = re.compile(r"(?<!\w)([\w\-]+)\s+(?:van|of|for|de|du|des|i|til)\s+[^\n]*$")


@cache
def _title_then_surname() -> re.Pattern[str]:
    titles = {w.casefold().rstrip(".") for w in lexicon.words("names", "PERSON_TITLES")}
    titles |= {w.casefold() for w in lexicon.words("names", "DOMAIN_ROLES")}
    words = "|".join(re.escape(w) for w in sorted(titles, key=len, reverse=True) if len(w) > 2)
    return re.compile(rf"(?<![\w\-])(?i:{words})\.?[ \t]+({_NAME_WORD})(?![\w\-])(?![ \t]*[{_UPPER}])")


def _surnames_after_titles(text: str, add: AddPerson) -> None:
    """'Minister Kamp van Economische Zaken', 'Commissioner Ferreira said': a title written with a
    capital before one capitalised word names a person by the surname."""
    for m in _title_then_surname().finditer(text):
        if not m.group()[0].isupper():
            continue  # 'the minister Kamp' is rarer than 'de minister Economie' (a domain)
        surname = m.group(1)
        low = surname.casefold()
        if low in _not_name_words() or fold(surname) in gazetteer() or low in lexicon.stop_words():
            continue
        add(surname, m.start(1), m.group()[: m.start(1) - m.start()].strip().casefold(), "people.title-surname", 0.7)


_TRUNCATED = re.compile(r"-?(?:…|\.\.\.)")


def _without_truncated_duplicates(text: str, people: list[PersonFact]) -> list[PersonFact]:
    """'Armands Lejas-…' in a by-line and 'Armands Lejas-Krumins' below: a name cut short ('…')
    that starts another person's name (at a word or hyphen) is that person; so is a surname found
    after a title inside a longer name."""
    keys = [fold(p.name) for p in people]
    out = []
    for person, key in zip(people, keys, strict=True):
        mention = person.mention
        if mention.extractor == "people.title-surname" and any(
            p is not person and p.mention.start <= mention.start < p.mention.end for p in people
        ):
            continue  # 'Gedeputeerde Jean de Bethune': the surname rule saw only the first name
        longer = [k for k in keys if k != key and k.startswith(key) and k[len(key)] in " -"]
        if not longer or not _TRUNCATED.match(text, person.mention.end) or person.emails or person.phones:
            out.append(person)
    return out


def _is_role_word(word: str) -> bool:
    titles = {c.rstrip(".") for c in _titles_and_bylines()}
    return word in titles or any(word == w or word.endswith(w) for w in _role_words() if " " not in w)


def _name_lines(facts: DocumentFacts, add: AddPerson) -> None:
    """A line that is only a name, with an e-mail or phone in the next three lines (a contact card)."""
    lines = [(o, line) for o, line in lines_with_offsets(facts.text) if line.strip()]
    contact_starts = sorted(v.mention.start for v in facts.emails + facts.phones)
    for index, (offset, line) in enumerate(lines):
        stripped = line.strip()
        if not _NAME.fullmatch(stripped) or not _is_person_name(stripped):
            continue
        window_end = lines[index + 3][0] if index + 3 < len(lines) else len(facts.text)
        if any(offset < pos < window_end for pos in contact_starts):
            add(stripped, offset + line.find(stripped), None, "people.name-line", 0.8)


def _without_leading_role(name: str, start: int) -> tuple[str, int]:
    """'Directeur Pieter van den Berg' at a sentence start: the role word is not part of the name;
    after a domain role, a particle starts the domain ('Minister Kamp van Economische Zaken')."""
    first, _, rest = name.partition(" ")
    if (first.casefold() in _role_words() or first.casefold() in _titles_and_bylines()) and rest:
        parts = re.split(r" (?:van|of|for|de|du|des|i|til) ", rest, maxsplit=1)
        if first.casefold() in _domain_roles() and len(parts) == 2 and len(parts[1].split()) >= 2:
            rest = parts[0]  # 'Kamp van Economische Zaken'; 'Jean de Bethune' is one name
        return rest, start + len(first) + 1
    return name, start


@cache
def _domain_roles() -> frozenset[str]:
    return frozenset(w.casefold() for w in lexicon.words("names", "DOMAIN_ROLES"))


def _cut_particle_tail(name: str) -> str:
    """'Detlef Sander van de Duitse': a particle before a country adjective ends the name."""
    words = name.split()
    countries = lexicon.country_names()
    for i, word in enumerate(words):
        if word.casefold() in _PARTICLES and i >= 2 and any(w.casefold() in countries for w in words[i:]):
            return " ".join(words[:i])
    return name


def _role_near(before: str, after: str) -> str | None:
    """A role word written right before the name, or right after it behind a comma."""
    original_after, after = after, after.casefold()
    tail = re.sub(r"[\s;:,]+$", "", before)
    ending = _role_word_end().search(tail)
    if ending is not None:
        return ending.group()
    m = re.match(r"\s*[,;]\s*(\w[\w\-]*)(?:\s+(\w[\w\-]*))?", after)
    if m:
        for found in (m.group(1), m.group(2)):
            if found and any(found == word or found.endswith(word) for word in _role_words()):
                return found
    m = affiliation(original_after)
    if m and m.group(2).casefold() not in lexicon.org_heads():
        return (m.group(1) + " " if m.group(1) else "") + m.group(2)
    return None


def _speech_near(before: str, after: str) -> bool:
    words = _speech_words()
    tail = before.rstrip(" ,")
    head = after.lstrip(" ,")
    return any(tail.endswith(w) or head.startswith(w) for w in words)


def _name_lists(text: str, add: AddPerson) -> None:
    """'vertegenwoordigers ..., Rudy Demotte, Stefaan De Clerck en Martine Aubry': all are people."""
    ands = "|".join(re.escape(w) for w in lexicon.words("entities", "LIST_AND"))
    item = rf"{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)*{_NAME_WORD}){{1,2}}"
    pattern = re.compile(rf"({item})((?:,\s*{item})*)\s+(?:{ands})\s+({item})")
    for m in pattern.finditer(text):
        names = [m.group(1), *[n.strip() for n in m.group(2).split(",") if n.strip()], m.group(3)]
        if len(names) < 3 or not all(_is_person_name(n) for n in names):
            continue
        before = text[max(0, m.start() - 200) : m.start()].casefold()
        role = next((w for w in _role_words() if w in before), None)
        if role is None:
            continue
        for name in names:
            add(name, text.find(name, m.start()), role, "people.name-list", 0.7)


def _contact_blocks(facts: DocumentFacts, add: AddPerson) -> None:
    """A name line in capitals, a title line, then phones and e-mails (until the next name line)."""
    lines = [(o, line) for o, line in lines_with_offsets(facts.text) if line.strip()]
    title_lines: set[int] = set()
    for index, (offset, line) in enumerate(lines):
        stripped = line.strip()
        if index in title_lines or not _CAPS_NAME_LINE.match(stripped) or stripped.endswith(":"):
            continue
        name = " ".join(w.capitalize() for w in stripped.split())
        if not _is_person_name(name):
            continue
        nxt = lines[index + 1][1].strip() if index + 1 < len(lines) else ""
        has_title = bool(nxt) and nxt.upper() == nxt and any(c.isalpha() for c in nxt) and not _EMAIL.search(nxt)
        block_end = len(facts.text)
        for later_offset, later in lines[index + 1 : index + 8]:
            if _CAPS_NAME_LINE.match(later.strip()) and later.strip() != nxt:
                block_end = later_offset
                break
        block_start = offset
        contacts = [v for v in facts.emails + facts.phones if block_start <= v.mention.start < block_end]
        if not has_title and not contacts:
            continue
        if has_title:
            title_lines.add(index + 1)
        start = offset + line.find(stripped)
        person = add(name, start, nxt.casefold() if has_title else None, "people.contact-block", 0.85)
        if not is_capitalised(name):
            continue
        for value in contacts:
            target = person.emails if "@" in value.value else person.phones
            if value.value not in target:
                target.append(value.value)
