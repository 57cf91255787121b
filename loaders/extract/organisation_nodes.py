"""Organisation matches resolved into nodes: which matches are organisations at all (region
and area authorities, programme and project names are not), their keys, countries and roles, and
the merging of variants (genitives, bare endings, acronyms, spelling variants, names cut at a line
end) into one node. Called by :mod:`.entities`, which resolves the other kinds.
"""

from __future__ import annotations

import re

from innograph.loaders.extract import lexicon
from innograph.loaders.extract.candidates import inside_another
from innograph.loaders.extract.entity_collector import EntityCollector, mention_at
from innograph.loaders.extract.facts import EntityFact
from innograph.loaders.extract.organisations import OrgMatch, country_code
from innograph.loaders.extract.region_names import RegionMatch
from innograph.loaders.extract.resolve import name_key

from innograph.iris import slug


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


def add_organisations(
    found: EntityCollector,
    orgs: list[OrgMatch],
    regions: list[RegionMatch],
    programme_spans: list[tuple[int, int]],
    project_names: set[str],
    text: str,
    sentences: list[tuple[int, int]],
) -> None:
    spans = [(o.start, o.end) for o in orgs]
    named_clusters: set[int] = set()  # organisations the text calls clusters
    for o in sorted(orgs, key=lambda o: (o.start, -o.end)):
        span = (o.start, o.end)
        if inside_another(span, spans) or inside_another(span, programme_spans) or span in programme_spans:
            continue
        if name_key(o.name) in project_names or any(name_key(a) in project_names for a in o.aliases):
            continue
        inner = [r for r in regions if o.start <= r.start and r.end <= o.end]
        sentence = _sentence(sentences, o.start, text)
        role = _role_of(sentence) or _role_of(_list_heading(text, o.start))
        country = (inner[0].country if inner else None) or _country_of(o, text)
        key = _authority_key(o, inner, regions, role)
        if key is None:
            continue
        entity = found.add(
            "organisation",
            _acronym_key(found, o) or key,
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
    _add_clusters(found, named_clusters)


def _authority_key(o: OrgMatch, inner: list[RegionMatch], regions: list[RegionMatch], role: str | None) -> str | None:
    """The key of an organisation match, or None when a region or area word makes it no organisation."""
    key = slug(name_key(o.name))
    region_authorities = lexicon.region_authorities()
    area_authorities = lexicon.area_authorities()
    if o.head not in region_authorities and o.head not in area_authorities:
        return key
    inner = [r for r in inner if re.fullmatch(r"[A-Z]{2}-\w+", r.key)]
    whole_area = any(r.start == o.start and r.end == o.end for r in regions)
    municipality = o.head in area_authorities and not inner and not whole_area and o.name[:1].isupper()
    if inner and not (o.head in area_authorities and role is None and not o.acts):
        return f"authority-{inner[0].key.lower()}"
    if not municipality and not o.acts and (inner or whole_area or len(o.name.split()) < 3):
        return None  # 'Region Arts' governs no known region; 'la Province du Limbourg' is an area
    return key  # a longer name with a region word in it: 'Business Region Göteborg'


def _acronym_key(found: EntityCollector, o: OrgMatch) -> str | None:
    """An acronym alias already named as an organisation is the key: one node for both names."""
    key = None
    for alias in o.aliases:
        if re.fullmatch(r"[A-Z0-9&]{2,8}", alias) and any(
            name_key(e.name) == name_key(alias) for e in found.of_kind("organisation")
        ):
            key = slug(name_key(alias))
    return key


def _add_clusters(found: EntityCollector, named_clusters: set[int]) -> None:
    """Organisations the text calls clusters, or cluster organisations named as clusters, are also clusters."""
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


def regional_home(region_countries: set[str], named: set[str]) -> str | None:
    """The country of a document whose regions all lie in one country and that names no other
    country: organisations named there without a place of their own are taken to be from it."""
    if len(region_countries) != 1 or not named <= region_countries:
        return None
    return next(iter(region_countries))




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
