"""Entities of one document: title, main subject, organisations, regions, programmes, projects,
clusters and desks, resolved to one :class:`EntityFact` per real thing.

The finders live in sibling modules (:mod:`.organisations`, :mod:`.regions`, :mod:`.programmes`,
:mod:`.projects`, :mod:`.titles`); this module resolves their matches (:mod:`.resolve` keys, acronym
and genitive merging, region authorities) into one node each (:mod:`.entity_collector`); the main
subject and the title come from :mod:`.main_entity`.
"""

from __future__ import annotations

import re

from innograph.loaders.base import SourceMeta
from innograph.loaders.extract import lexicon
from innograph.loaders.extract.candidates import capitalised_runs, sentence_spans, tokens
from innograph.loaders.extract.dates import settle_call_window
from innograph.loaders.extract.entity_collector import EntityCollector, mention_at
from innograph.loaders.extract.facts import DocumentFacts, EntityFact
from innograph.loaders.extract.genre import main_type
from innograph.loaders.extract.main_entity import document_title, main_entity
from innograph.loaders.extract.organisations import OrgMatch, country_code, find_organisations
from innograph.loaders.extract.programmes import ProgrammeMatch, find_programmes
from innograph.loaders.extract.projects import (
    NameMatch,
    find_cluster_items,
    find_desks,
    find_projects,
)
from innograph.loaders.extract.region_names import RegionMatch
from innograph.loaders.extract.regions import find_regions
from innograph.loaders.extract.resolve import name_key
from innograph.loaders.extract.titles import agrees_with_url, title_line

from innograph.iris import slug

_ACR_QUOTED = re.compile(r"\b([A-Z][A-Za-z0-9]{1,7})\s*[«\"“]\s*([^»\"”]{3,80}?)\s*[»\"”]")


def _overlaps(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def _inside(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(s <= a[0] and a[1] <= e and (s, e) != a for s, e in spans)


def extract_entities(facts: DocumentFacts, meta: SourceMeta) -> None:
    text = facts.text
    toks = tokens(text)
    runs = capitalised_runs(text, toks)
    sentences = sentence_spans(text)
    found = EntityCollector()

    programmes = find_programmes(text, toks, runs)
    regions = find_regions(text, toks, runs)
    orgs = find_organisations(text, toks, runs)
    _add_programmes(found, programmes, text)
    programme_spans = [(p.start, p.end) for p in programmes]
    # an area named inside a programme's name ('Interreg Øresund-Kattegat-Skagerrak') is the programme's
    named_spans = [(p.start, p.end) for p in programmes if p.family in ("interreg", "named")]
    regions = [
        r for r in regions if re.fullmatch(r"[A-Z]{2}-\w+", r.key) or not _overlaps((r.start, r.end), named_spans)
    ]

    project_matches = find_projects(text, toks)
    # 'TTC « Top Technology Cluster »': an acronym and its quoted expansion name one project
    quoted_pairs = list(_ACR_QUOTED.finditer(text))
    acr_pairs = [(m.start(1), m.end(1), m.group(1), m.group(2)) for m in quoted_pairs]
    all_org_spans = [(o.start, o.end) for o in orgs]
    project_names = {name_key(p.name) for p in project_matches if not _overlaps((p.start, p.end), all_org_spans)}
    project_names |= {name_key(a[2]) for a in acr_pairs}
    orgs = [o for o in orgs if not _overlaps((o.start, o.end), [(m.start(), m.end()) for m in quoted_pairs])]
    _add_regions(found, regions, text)
    _add_organisations(found, orgs, regions, programme_spans, project_names, text, sentences)
    _home_country(found, regions, {c.value for c in facts.countries})

    title = title_line(text)
    if title is not None and not agrees_with_url(title.text, meta.url):
        title = None
    facts.main_entity_type = main_type(facts, title.text if title else None)
    settle_call_window(facts)
    org_spans = [(o.start, o.end) for o in orgs]
    _add_projects(found, project_matches, acr_pairs, org_spans + programme_spans, text, facts.main_entity_type)
    for desk in find_desks(text):
        found.add("desk", slug(desk.name), desk.name, mention_at(desk.start, desk.end, text, desk.extractor))
    for item in find_cluster_items(text):
        found.add("cluster", slug(item.name), item.name, mention_at(item.start, item.end, text, item.extractor))

    main = main_entity(found, facts.main_entity_type, title, text, toks, meta)
    _key_parts_under(found, main)
    facts.main_entity = main
    facts.title = document_title(title, main, meta)
    facts.entities = list(found.by_key.values())
    if main not in facts.entities:
        facts.entities.append(main)


def _key_parts_under(found: EntityCollector, main: EntityFact) -> None:
    """Desks and thematic clusters belong to their platform: 'Projectdesk' of one platform is not another's."""
    owner = slug(name_key(main.name))
    for entity in found.of_kind("desk") + found.of_kind("cluster"):
        if entity.org_type is None and entity is not main:
            entity.reference_key = f"{owner}-{entity.reference_key}"


def _add_programmes(found: EntityCollector, matches: list[ProgrammeMatch], text: str) -> None:
    # a bare 'Interreg' is the document's specific Interreg programme when it names one
    specific = [m for m in matches if m.family == "interreg" and m.key != "interreg"]
    spans = [(m.start, m.end) for m in matches]
    for m in sorted(matches, key=lambda m: (m.start, -m.end)):
        if _inside((m.start, m.end), spans):
            continue
        key = m.key
        if m.family == "interreg" and key == "interreg" and specific:
            key = specific[0].key
        # 'Øresund-Kattegat-Skagerrak(-programmet)' is the end of 'Interreg Øresund-Kattegat-Skagerrak'
        for other in specific:
            if key != other.key and other.key.endswith("-" + key):
                key = other.key
        mention = mention_at(m.start, m.end, text, "entities.programme", 0.8)
        existing = found.by_key.get(("programme", key))
        name = m.name
        more_specific = existing is not None and (
            m.family == "area" or (m.family == "interreg" and len(name.split()) > len(existing.name.split()))
        )
        if existing and more_specific and name != existing.name:
            existing.aliases.append(existing.name)
            existing.name = name  # the most specific name (with generation, area or period) is the name
            existing.mentions.append(mention)
            continue
        found.add("programme", key, name, mention)


def _authority_prefix(text: str, start: int) -> str | None:
    """'Province du Limbourg' -> 'Province du ' when written right before a region name."""
    words = "|".join(re.escape(w) for w in sorted(lexicon.area_authorities() | lexicon.region_authorities()))
    m = re.search(
        rf"(?i)\b(?:{words})\s+(?:(?:de|du|des|van|of)\s+(?:la\s+|l['’])?)?$", text[max(0, start - 30) : start]
    )
    return m.group() if m else None


def _add_regions(found: EntityCollector, regions: list[RegionMatch], text: str) -> None:
    spans = [(r.start, r.end) for r in regions]
    for r in sorted(regions, key=lambda r: r.start):
        if _inside((r.start, r.end), spans):
            continue
        aliases = []
        prefix = _authority_prefix(text, r.start)
        if prefix:
            aliases.append(prefix + r.name)
        found.add(
            "region",
            r.key,
            r.name,
            mention_at(r.start, r.end, text, "entities.region"),
            aliases=aliases,
            country=r.country,
        )
    for entity in found.of_kind("region"):  # 'Nordjyllands' (genitive) and 'Nordjylland': the latter
        if entity.name.endswith("s") and entity.name[:-1] in entity.aliases:
            entity.aliases = [a for a in entity.aliases if a != entity.name[:-1]] + [entity.name]
            entity.name = entity.name[:-1]
    # a bare 'Euregio' is the document's named Euregio
    named = [e for e in found.of_kind("region") if " " in e.name or "-" in e.name]
    for entity in list(found.of_kind("region")):
        for other in named:
            if entity is not other and name_key(other.name).startswith(name_key(entity.name) + " "):
                other.mentions.extend(entity.mentions)
                del found.by_key[("region", entity.reference_key or "")]
                break


def _role_of(sentence: str) -> str | None:
    low = sentence.casefold()
    best: tuple[int, str] | None = None
    for cue in lexicon.role_cues():  # the longest cue in the sentence is the most specific
        pos = low.find(cue)
        if pos >= 0 and (best is None or len(cue) > len(best[1])):
            best = (pos, cue)
    return lexicon.role_cues()[best[1]] if best else None


def _sentence(sentences: list[tuple[int, int]], pos: int, text: str) -> str:
    for s, e in sentences:
        if s <= pos < e:
            return text[s:e]
    return ""


def _add_organisations(
    found: EntityCollector,
    orgs: list[OrgMatch],
    regions: list[RegionMatch],
    programme_spans: list[tuple[int, int]],
    project_names: set[str],
    text: str,
    sentences: list[tuple[int, int]],
) -> None:
    region_authorities = lexicon.region_authorities()
    area_authorities = lexicon.area_authorities()
    spans = [(o.start, o.end) for o in orgs]
    named_clusters: set[int] = set()  # organisations the text calls clusters
    for o in sorted(orgs, key=lambda o: (o.start, -o.end)):
        span = (o.start, o.end)
        if _inside(span, spans) or _inside(span, programme_spans) or span in programme_spans:
            continue
        if name_key(o.name) in project_names or any(name_key(a) in project_names for a in o.aliases):
            continue
        inner = [r for r in regions if o.start <= r.start and r.end <= o.end]
        sentence = _sentence(sentences, o.start, text)
        role = _role_of(sentence) or _role_of(_list_heading(text, o.start))
        country = (inner[0].country if inner else None) or _country_of(o, text)
        key = slug(name_key(o.name))
        if o.head in region_authorities or o.head in area_authorities:
            inner = [r for r in inner if re.fullmatch(r"[A-Z]{2}-\w+", r.key)]
            whole_area = any(r.start == o.start and r.end == o.end for r in regions)
            municipality = o.head in area_authorities and not inner and not whole_area and o.name[:1].isupper()
            if inner and not (o.head in area_authorities and role is None and not o.acts):
                key = f"authority-{inner[0].key.lower()}"
            elif not municipality and not o.acts and (inner or whole_area or len(o.name.split()) < 3):
                continue  # 'Region Arts' governs no known region; 'la Province du Limbourg' is an area
            # else a longer name with a region word in it: 'Business Region Göteborg'
        for alias in o.aliases:
            if re.fullmatch(r"[A-Z0-9&]{2,8}", alias) and any(
                name_key(e.name) == name_key(alias) for e in found.of_kind("organisation")
            ):
                key = slug(name_key(alias))
        entity = found.add(
            "organisation",
            key,
            o.name,
            mention_at(o.start, o.end, text, "entities.organisation"),
            aliases=o.aliases,
            country=country,
            org_type=o.org_type,
        )
        entity.role = entity.role or role
        if o.cluster:
            named_clusters.add(id(entity))
    for m in _cross_border_bodies(regions):
        found.add(
            "organisation",
            slug(name_key(m.name)),
            m.name,
            mention_at(m.start, m.end, text, "entities.cross-border-body"),
            org_type="PublicAuthority",
        )
    _merge_variants(found, text)
    for org in found.of_kind("organisation"):
        if id(org) in named_clusters or (org.org_type == "ClusterOrganisation" and _names_a_cluster(org.name)):
            cluster = found.add(
                "cluster",
                org.reference_key or slug(name_key(org.name)),
                org.name,
                org.mentions[0],
                org_type="ClusterOrganisation",
                country=org.country,
            )
            cluster.mentions = list(org.mentions)


def _list_heading(text: str, pos: int) -> str:
    """The heading line ('Projektpartnere:', 'Partners:') of the list an item at ``pos`` belongs to."""
    lines = text[:pos].split("\n")
    for line in reversed(lines[-9:-1]):
        stripped = line.strip()
        if stripped.endswith(":"):
            return stripped
    return ""


def _country_of(o: OrgMatch, text: str) -> str | None:
    """A country written in the name ('Energy Cluster Denmark', 'Danmarks ...') or in parentheses after it."""
    countries = lexicon.country_names()
    after = re.match(r"\s*\(([^()\n]{2,40})\)", text[o.end : o.end + 45])
    words = [w.strip(",.;:'’") for w in o.name.split()]
    if after:
        code = country_code(after.group(1).strip())
        if code is not None:
            return code
        words.insert(0, after.group(1).strip())
    for word in words:
        for form in (word, word[:-1] if word.endswith("s") else word):
            code = countries.get(form.casefold()) or _compound_country(form.casefold(), countries)
            if code:
                return str(code)
    return None


def _compound_country(word: str, countries: dict[str, str]) -> str | None:
    """A compound that ends in a country name: 'Norddanmark', 'Süddeutschland' (heads come last)."""
    for length in range(len(word) - 3, 4, -1):  # the longest country name that is a proper suffix
        code = countries.get(word[-length:])
        if code:
            return code
    return None


def _home_country(found: EntityCollector, regions: list[RegionMatch], named: set[str]) -> None:
    """Organisations named without a country, in a document whose regions all lie in one country
    and that names no other country, are taken to be from there; EU-level bodies are not."""
    countries = {r.country for r in regions if r.country}
    if len(countries) != 1 or not named <= countries:
        return
    (home,) = countries
    for org in found.of_kind("organisation"):
        if org.country is None and not _EU_LEVEL.search(org.name):
            org.country = home


_EU_LEVEL = re.compile(r"\b(?:EU|Europ\w*|Interreg|INTERREG)\b|\bEU-", re.IGNORECASE)


def _names_a_cluster(name: str) -> bool:
    """'Energy Cluster Denmark' names a cluster; 'Cluster Excellence Denmark' is about clusters."""
    words = name.split()
    positions = [i for i, w in enumerate(words) if w.casefold().rstrip("s") == "cluster"]
    return bool(positions) and positions[-1] > 0


def _cross_border_bodies(regions: list[RegionMatch]) -> list[RegionMatch]:
    """A capitalised Euregio/Eurometropolis is also the body that runs it."""
    return [r for r in regions if r.name[:1].isupper() and r.name.casefold().startswith(("euregio", "eurometrop"))]


def _merge_variants(found: EntityCollector, text: str) -> None:
    """Genitives ('Energy Cluster Denmarks'), bare endings ('Kommissionen') and acronyms into one node."""
    orgs = found.of_kind("organisation")
    keys = {name_key(e.name): e for e in orgs}
    for entity in orgs:
        key = name_key(entity.name)
        target = None
        if key.endswith("s") and key[:-1] in keys:
            target = keys[key[:-1]]
        for other_key, other in keys.items():
            if other is entity or target:
                continue
            if (
                (other_key.endswith(" " + key) or other_key.startswith(key + " "))
                and len(key.split()) == 1
                and len(key) > 6
            ):
                target = other
            if any(name_key(a) == key for a in other.aliases):
                target = other
            if _spelling_variant(key, other_key) and other.mentions[0].start < entity.mentions[0].start:
                target = other  # the first spelling is the name, the later one an alias
            if _cut_at_line_end(entity, key, other_key, text):
                target = other
        if target is not None and target is not entity:
            target.mentions.extend(entity.mentions)
            if entity.name not in target.aliases:
                target.aliases.append(entity.name)
            target.role = target.role or entity.role
            del found.by_key[("organisation", entity.reference_key or "")]
            keys = {name_key(e.name): e for e in found.of_kind("organisation")}


def _spelling_variant(key: str, other_key: str) -> bool:
    """'Food Products Quality Cluster' and 'Food Product Quality Cluster': the same words but for
    a plural ending."""
    words, other = key.split(), other_key.split()
    return (
        key != other_key
        and len(words) == len(other) >= 2
        and all(a == b or a.rstrip("s") == b.rstrip("s") for a, b in zip(words, other, strict=True))
    )


def _cut_at_line_end(entity: EntityFact, key: str, other_key: str, text: str) -> bool:
    """'Smart Platform on Industrial' at a line's end, 'Smart Platform for Industrial Modernisation'
    elsewhere: a name cut by a line break is the longer name whose content words it starts with."""
    mention = entity.mentions[-1]
    rest = text[mention.end : mention.end + 4].lstrip(" \t")
    if len(entity.mentions) > 1 or not (rest == "" or rest.startswith("\n")):
        return False
    function_words = lexicon.connectors() | lexicon.stop_words()
    content = [w for w in key.split() if w not in function_words]
    other = [w for w in other_key.split() if w not in function_words]
    return len(content) >= 3 and len(other) > len(content) and other[: len(content)] == content


def _add_projects(
    found: EntityCollector,
    matches: list[NameMatch],
    acr_pairs: list[tuple[int, int, str, str]],
    blocked: list[tuple[int, int]],
    text: str,
    doc_type: str | None,
) -> None:
    for m in matches:
        if _overlaps((m.start, m.end), blocked):
            continue
        mention = mention_at(m.start, m.end, text, m.extractor, m.confidence)
        found.add("project", slug(name_key(m.name)), m.name, mention)
    if doc_type == "Project":
        for start, end, acronym, expansion in acr_pairs:
            found.add(
                "project",
                slug(name_key(acronym)),
                acronym,
                mention_at(start, end, text, "entities.acronym-quoted"),
                aliases=[expansion],
            )
