"""Where an organisation sits: its region and country (part of the relations pass, :mod:`relations`).

A region or town inside its own name where the name says where it sits ('Region Midtjylland',
'Aalborg Universitet', 'University of Helsinki'), the place an authority governs, or a town written
right after the name ('LILLIAD (Villeneuve-d'Ascq)', 'Kiel University, Kiel'); a country comes from
that place, from a country or its adjective in the name, else from the document's home country.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from innograph.loaders.base import SourceMeta
from innograph.loaders.extract import lexicon
from innograph.loaders.extract.facts import DocumentFacts, EntityFact, Mention, RelationFact
from innograph.loaders.extract.region_names import gazetteer, named_in, region_label, subdivision_countries
from innograph.loaders.lang import all_rules
from innograph.ontology.cities import City, city_index
from innograph.ontology.text import fold

EXTRACTOR = "relations"  # the pass these edges belong to, named in their evidence
_NAME_WORD = re.compile(r"[A-ZÀ-ÞÆØÅ][\w'’-]*(?:[ -][A-ZÀ-ÞÆØÅ][\w'’-]*)*")
_NAME_WORD_SINGLE = re.compile(r"[A-ZÀ-ÞÆØÅ][\w'’-]+")
_PLACE_AFTER = re.compile(
    r"[ \t]*(?:\(|,[ \t]*|[ \t]+[-–][ \t]+)([A-ZÀ-ÞÆØÅ][\w'’.-]*(?:[ -][A-ZÀ-ÞÆØÅ][\w'’-]*){0,2})"
)
# country-code top-level domains whose country is the publisher's home
_TLD = re.compile(r"^https?://[^/]*\.([a-z]{2})(?::\d+)?(?:/|$)")
_EU_LEVEL = re.compile(r"\b(?:EU|Europ\w*|Interreg|INTERREG|Commission|Kommission\w*|Commissie)\b|\bEU-", re.I)


@dataclass(frozen=True)
class _Place:
    name: str  # as written in the text
    country: str | None
    mention: Mention


@cache
def _region_words() -> frozenset[str]:
    """Words that are never a town in an organisation's name ('Union', 'Europe', 'Centre'...)."""
    heads = set(lexicon.org_heads()) | set(lexicon.stop_words()) | set(lexicon.legal_forms())
    heads |= set(lexicon.words("roles", "GENERIC_BODY_WORDS"))
    return frozenset(fold(w) for w in heads | set(lexicon.region_authorities()) | set(lexicon.area_authorities()))


def _town(words: str) -> City | None:
    key = fold(words)
    if not key or key in _region_words() or len(key) < 4:
        return None
    city = city_index().get(key)
    if city is None and key.endswith("s"):  # Danish/Dutch genitive: 'Københavns Universitet'
        city = city_index().get(key[:-1])
    if city is None and key.endswith("er") and len(key) > 6:  # German town adjective: 'Aachener'
        city = city_index().get(key[:-2])
    return city


def _written_town(words: str, city: City) -> str:
    """The town as the text names it: 'Den Haag' stays, a genitive 'Københavns' is 'København'; an
    adjective ('Aachener') names the town by its own name."""
    index = city_index()
    if index.get(fold(words)) == city:
        return words
    if words.endswith("s") and index.get(fold(words[:-1])) == city:
        return words[:-1]
    return city.name


def _written_region(region: EntityFact, mention: Mention, language: str | None) -> str:
    """The region as the organisation's name writes it where that is the document language's name
    for it ('Normandy Region' in English -> 'Normandy'); else as the document names it ("Flanders'
    FOOD" in a Dutch text -> 'Vlaanderen')."""
    return mention.text if named_in(region.reference_key or "", language, mention.text) else region.name


def _place_in_name(facts: DocumentFacts, org: EntityFact, home: str | None) -> _Place | None:
    """A region entity or a town inside the organisation's own name; a town known by another of its
    names ('Arla' for Arles) only in the publisher's country, where names of its towns are usual."""
    for mention in org.mentions:
        for region in facts.entities:
            if region.kind != "region":
                continue
            for rm in region.mentions:
                if mention.start <= rm.start and rm.end <= mention.end:
                    return _Place(_written_region(region, rm, facts.language), region.country, rm)
        for m in _NAME_WORD.finditer(mention.text):
            for words in _sub_runs(m.group()):
                city = _town(words)
                foreign_form = city is not None and fold(words) != fold(city.name) and city.country != home
                if city is not None and not (foreign_form and home is not None):
                    start = mention.start + m.start() + m.group().find(words)
                    name = _written_town(words, city)
                    return _Place(name, city.country, Mention(start, start + len(words), words, EXTRACTOR))
    return None


@cache
def _authority_pattern() -> re.Pattern[str]:
    """'Rebild Kommune', 'Donegal County Council', 'Provincie Groningen', 'Municipality of X'."""
    heads = sorted({*lexicon.region_authorities(), *lexicon.area_authorities()}, key=len, reverse=True)
    head = "(?:" + "|".join(re.escape(h) for h in heads) + ")"
    place = r"[A-ZÀ-ÞÆØÅ][\w'’-]+(?:[ -][A-ZÀ-ÞÆØÅ][\w'’-]+)?"
    linkers = r"(?:\s+(?:of|de|du|des|d'|van|for))?"
    return re.compile(
        rf"(?P<before>{place})\s+(?i:(?P<head_after>{head}))\b|\b(?i:(?P<head_before>{head})){linkers}\s+(?P<after>{place})"
    )


@cache
def _authority_countries() -> dict[str, str]:
    return {word.casefold(): code for word, code in lexicon.table("organisations", "AUTHORITY_COUNTRIES").items()}


def _governed_country(words: str, head: str) -> str | None:
    """The country of the place an authority governs: a town's, a region's or a subdivision's of any
    level ('Donegal'), else that of the authority word where one country only uses it ('Kommune')."""
    city = _town(words)
    if city is not None:
        return city.country
    key = fold(words)
    region = gazetteer().get(key)
    if region is not None and region[1]:
        return region[1]
    return subdivision_countries().get(key) or _authority_countries().get(head.casefold())


def _authority_place(org: EntityFact) -> _Place | None:
    """The place an authority's name is the authority of: the name word(s) next to its head word."""
    for mention in org.mentions:
        for m in _authority_pattern().finditer(mention.text):
            group = "before" if m.group("before") else "after"
            words = m.group(group)
            if fold(words) in _region_words() or _is_country_word(words):
                continue  # 'Huis van de Nederlandse Provincies' governs no place called 'Nederlandse'
            start = mention.start + m.start(group)
            country = _governed_country(words, m.group("head_after") or m.group("head_before"))
            return _Place(words, country, Mention(start, start + len(words), words, EXTRACTOR))
    return None


@cache
def _region_adjectives() -> dict[str, str]:
    """'vlaamse' -> BE-VLG: each language's region adjectives with its adjective endings."""
    out: dict[str, str] = {}
    for rules in all_rules("countries").values():
        for adjective, code in rules.REGION_ADJECTIVES.items():
            for ending in rules.ADJECTIVE_ENDINGS:
                out[(adjective + ending).casefold()] = code
    return out


def _adjective_place(facts: DocumentFacts, org: EntityFact) -> _Place | None:
    """A region's adjective in the name ('Vlaamse Regering', 'Nordjysk Fødevareerhverv'): the region,
    named as the document's language names it."""
    for mention in org.mentions:
        for m in _NAME_WORD_SINGLE.finditer(mention.text):
            code = _region_adjectives().get(m.group().casefold())
            name = region_label(code, facts.language) if code else None
            if code and name:
                start = mention.start + m.start()
                return _Place(name, code.split("-")[0], Mention(start, start + len(m.group()), m.group(), EXTRACTOR))
    return None


def _sub_runs(run: str) -> list[str]:
    """Every run of up to three consecutive words, longest first: 'Luleå University' -> 'Luleå', ..."""
    words = run.split()
    out = []
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            out.append(" ".join(words[i : i + size]))
    return out


def _place_after(facts: DocumentFacts, org: EntityFact) -> _Place | None:
    """A town written right after the name: 'Forschungszentrum (Kiel)', 'Agency, Galway'."""
    for mention in org.mentions:
        m = _PLACE_AFTER.match(facts.text, mention.end)
        if m is None:
            continue
        for words in _sub_runs(m.group(1))[::-1][: len(m.group(1).split())]:
            city = _town(words)
            if city is not None and m.group(1).startswith(words):
                start = m.start(1)
                return _Place(words, city.country, Mention(start, start + len(words), words, EXTRACTOR))
    return None


@cache
def _seat_pattern() -> re.Pattern[str]:
    cues = sorted(lexicon.words("organisations", "SEAT_CUES"), key=len, reverse=True)
    place = r"[A-ZÀ-ÞÆØÅ][\w'’-]*(?:[ -][A-ZÀ-ÞÆØÅ][\w'’-]*){0,2}"
    return re.compile(r"(?<!\w)(?i:" + "|".join(re.escape(c) for c in cues) + rf")[ \t]+({place})")


def _named_place(words: str) -> tuple[str, str | None] | None:
    """The longest leading town or region of a capitalised run ('Bad Nieuweschans is' -> the town)."""
    for size in range(len(words.split()), 0, -1):
        head = " ".join(words.split()[:size])
        city = _town(head)
        if city is not None:
            return head, city.country
        region = gazetteer().get(fold(head))
        if region is not None:
            return head, region[1]
    return None


def seat_places(
    facts: DocumentFacts, organisations: list[EntityFact], sentences: list[tuple[int, int]]
) -> dict[int, _Place]:
    """'X is based in Odense', 'Met een kantoor in Bad Nieuweschans is de EDR': the town or region
    after a seat cue is where the organisation nearest to the cue in its sentence sits (a cue inside
    a name, 'EU-kontor i Bruxelles', speaks of that name)."""
    mentions = [(m, org) for org in organisations for m in org.mentions]
    out: dict[int, _Place] = {}
    for cue in _seat_pattern().finditer(facts.text):
        found = _named_place(cue.group(1))
        if found is None:
            continue
        start, end = next(((s, e) for s, e in sentences if s <= cue.start() < e), (cue.start(), cue.end()))
        near = [(_distance(m, cue.start(), cue.start(1)), org) for m, org in mentions if start <= m.start < end]
        near = [(gap, org) for gap, org in near if gap <= _SEAT_REACH]
        if near:
            org = min(near, key=lambda pair: pair[0])[1]
            at = cue.start(1)
            out.setdefault(
                id(org), _Place(found[0], found[1], Mention(at, at + len(found[0]), found[0], EXTRACTOR + ".seat"))
            )
    return out


_SEAT_REACH = 120  # characters between an organisation's name and the seat cue that speaks of it


def _distance(mention: Mention, start: int, end: int) -> int:
    if mention.end <= start:
        return start - mention.end
    return max(0, mention.start - end)


@cache
def _apposition_place() -> re.Pattern[str]:
    """', la nouvelle bibliothèque du campus de Villeneuve-d'Ascq', ', a cluster in Region Y': an
    article, a short description without punctuation, a preposition, then the place."""
    articles = "|".join(re.escape(w) for w in sorted(_APPOSITION_ARTICLES, key=len, reverse=True))
    links = "|".join(re.escape(w) for w in sorted(_APPOSITION_LINKS, key=len, reverse=True))
    place = r"[A-ZÀ-ÞÆØÅ][\w'’-]*(?:[ -][A-ZÀ-ÞÆØÅ][\w'’-]*){0,2}"
    return re.compile(rf",[ \t]+(?:{articles})[ \t]+[^\n,.;:()]{{0,80}}?[ \t](?:{links})[ \t]+({place})")


_APPOSITION_ARTICLES = ("a", "an", "the", "un", "une", "le", "la", "l’", "en", "et", "een", "de", "het")
_APPOSITION_LINKS = ("in", "à", "de", "du", "i", "te", "of", "from", "van", "fra")


def _apposition(facts: DocumentFacts, org: EntityFact) -> _Place | None:
    for mention in org.mentions:
        m = _apposition_place().match(facts.text, mention.end)
        found = _named_place(m.group(1)) if m else None
        if m is not None and found is not None:
            at = m.start(1)
            return _Place(found[0], found[1], Mention(at, at + len(found[0]), found[0], EXTRACTOR))
    return None


def home_country(facts: DocumentFacts, meta: SourceMeta) -> str | None:
    """The publisher's country: the source's country domain when the text is in a language of
    that country; else the country of a Danish text."""
    match = _TLD.match(meta.url or "")
    tld = match.group(1).upper() if match else None
    languages = {"DK": "da", "FR": "fr", "BE": "fr nl", "NL": "nl", "LU": "fr", "CH": "fr", "IE": "en", "MT": "en"}
    if tld in languages and (facts.language or "") in languages[tld].split():
        return tld
    if facts.language == "da":
        return "DK"
    if facts.language != "en":
        return None  # a French or Dutch text naming one other country seeks partners there
    # an English text (no home of its own) that names one country only speaks of it
    named = {c.value.upper() for c in facts.countries}
    return named.pop() if len(named) == 1 else None


@cache
def _country_words() -> dict[str, str]:
    # accents kept and short words left out: 'Pôle' is no Pole, 'Dane' no country
    return {name: code for name, code in lexicon.country_names(adjectives=True).items() if len(name) >= 5}


def _is_country_word(words: str) -> bool:
    key = words.casefold()
    return key in _country_words() or (key.endswith("e") and key[:-1] in _country_words())


def _country_in_name(org: EntityFact) -> tuple[str, Mention] | None:
    """A country or its adjective in the organisation's own name ('Energy Cluster Denmark', 'Huis
    van de Nederlandse Provincies', 'Danish Technological Institute'); inflected forms too."""
    words = _country_words()
    for mention in org.mentions:
        for m in _NAME_WORD_SINGLE.finditer(mention.text):
            key = m.group().casefold()
            code = words.get(key) or (words.get(key[:-1]) if key.endswith("e") else None)
            if code is not None:
                start = mention.start + m.start()
                return code, Mention(start, start + len(m.group()), m.group(), EXTRACTOR + ".name-country")
    return None


def place_organisation(
    facts: DocumentFacts, org: EntityFact, home: str | None, default: str | None, seat: _Place | None
) -> None:
    """Region and country from the name, the place written after it or the ``seat`` a sentence gives
    it; else the ``default`` country (the document's own: its regions' or its publisher's)."""
    if org is facts.main_entity and org.kind != "organisation":
        return
    if org.country is None and (in_name := _country_in_name(org)) is not None:
        org.country = in_name[0]
        facts.relations.append(RelationFact(org, "country", in_name[0], in_name[1]))
    place = (
        _place_in_name(facts, org, home)
        or _authority_place(org)
        or _place_after(facts, org)
        or _apposition(facts, org)
        or seat
        or _adjective_place(facts, org)
    )
    if place is not None:
        org.region = place.name
        facts.relations.append(RelationFact(org, "region", place.name, place.mention))
        # an EU body sitting in a member state ('... Platform located in Seville') is of no country
        eu_seat = place is seat and _EU_LEVEL.search(org.name) is not None
        if org.country is None and place.country and not eu_seat:
            org.country = place.country
            facts.relations.append(RelationFact(org, "country", place.country, place.mention))
    if org.country is None and default and not _EU_LEVEL.search(org.name) and org.mentions:
        org.country = default
