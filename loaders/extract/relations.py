"""The edges a text states between the entities of one document (issue 16).

Runs after the entity and people passes and fills :attr:`DocumentFacts.relations`:

- an organisation's **region** and **country**: a region or town inside its own name where the name
  says where it sits ('Region Midtjylland', 'Aalborg Universitet', 'University of Helsinki'), or a
  town written right after the name ('LILLIAD (Villeneuve-d'Ascq)', 'Kiel University, Kiel'); a
  country comes from that place, else from the document's home country;
- an organisation's **role** towards the main entity: the role cue nearest to one of its mentions in
  the same sentence (a cue belongs to the organisation it is closest to, so 'X is lead partner,
  with Y' does not make Y a lead partner), or the heading of the list it stands in ('Partners:');
- a project's **programmes**: those named in the project's own sentences, else the programmes that
  frame the document (its Interreg or named programme rather than a fund);
- each **theme** to the entity its clause speaks of (:func:`themes.attribute_themes`).

Every edge keeps the span it rests on (:class:`RelationFact.mention`), for its evidence node.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from innograph.loaders.base import SourceMeta
from innograph.loaders.extract import lexicon
from innograph.loaders.extract.candidates import sentence_spans
from innograph.loaders.extract.facts import DocumentFacts, EntityFact, Mention, RelationFact
from innograph.loaders.extract.resolve_reference import resolve_organisations
from innograph.loaders.extract.themes import attribute_themes
from innograph.ontology.cities import City, city_index
from innograph.ontology.reference import programmes as reference_programmes
from innograph.ontology.text import fold

EXTRACTOR = "relations"
_NAME_WORD = re.compile(r"[A-ZÀ-ÞÆØÅ][\w'’-]*(?:[ -][A-ZÀ-ÞÆØÅ][\w'’-]*)*")
_NAME_WORD_SINGLE = re.compile(r"[A-ZÀ-ÞÆØÅ][\w'’-]+")
_PLACE_AFTER = re.compile(
    r"[ \t]*(?:\(|,[ \t]*|[ \t]+[-–][ \t]+)([A-ZÀ-ÞÆØÅ][\w'’.-]*(?:[ -][A-ZÀ-ÞÆØÅ][\w'’-]*){0,2})"
)
# country-code top-level domains whose country is the publisher's home
_TLD = re.compile(r"^https?://[^/]*\.([a-z]{2})(?::\d+)?(?:/|$)")
_EU_LEVEL = re.compile(r"\b(?:EU|Europ\w*|Interreg|INTERREG|Commission|Kommission\w*|Commissie)\b|\bEU-", re.I)
_FUND_KINDS = frozenset({"fund", "framework"})
_MAX_CUE_GAP = 120  # characters between a role cue and the organisation it speaks of


@dataclass(frozen=True)
class _Place:
    name: str  # as written in the text
    country: str | None
    mention: Mention


def extract_relations(facts: DocumentFacts, meta: SourceMeta) -> None:
    """Fill ``facts.relations`` (and the organisations' ``country``, ``region``, ``role``)."""
    resolve_organisations(facts)
    sentences = sentence_spans(facts.text)
    organisations = [e for e in facts.entities if e.kind == "organisation"]
    home = _home_country(facts, meta)
    for org in organisations:
        _place(facts, org, home)
    _roles(facts, organisations, sentences)
    _programmes_of_projects(facts, sentences)
    _share_with_cluster_twins(facts)
    attribute_themes(facts, _enumeration_gap())  # after resolution, which merges entities


# ---- places ------------------------------------------------------------------------------------


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


def _place_in_name(facts: DocumentFacts, org: EntityFact, home: str | None) -> _Place | None:
    """A region entity or a town inside the organisation's own name; a town known by another of its
    names ('Arla' for Arles) only in the publisher's country, where names of its towns are usual."""
    for mention in org.mentions:
        for region in facts.entities:
            if region.kind != "region":
                continue
            for rm in region.mentions:
                if mention.start <= rm.start and rm.end <= mention.end:
                    return _Place(region.name, region.country, rm)
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
    place = r"([A-ZÀ-ÞÆØÅ][\w'’-]+(?:[ -][A-ZÀ-ÞÆØÅ][\w'’-]+)?)"
    linkers = r"(?:\s+(?:of|de|du|des|d'|van|for))?"
    return re.compile(rf"{place}\s+(?i:{head})\b|\b(?i:{head}){linkers}\s+{place}")


def _authority_place(org: EntityFact) -> _Place | None:
    """The place an authority's name is the authority of: the name word(s) next to its head word."""
    for mention in org.mentions:
        for m in _authority_pattern().finditer(mention.text):
            group = 1 if m.group(1) else 2
            words = m.group(group)
            if fold(words) in _region_words():
                continue
            start = mention.start + m.start(group)
            city = _town(words)
            return _Place(words, city.country if city else None, Mention(start, start + len(words), words, EXTRACTOR))
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


def _home_country(facts: DocumentFacts, meta: SourceMeta) -> str | None:
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


def _place(facts: DocumentFacts, org: EntityFact, home: str | None) -> None:
    if org is facts.main_entity and org.kind != "organisation":
        return
    if org.country is None and (in_name := _country_in_name(org)) is not None:
        org.country = in_name[0]
        facts.relations.append(RelationFact(org, "country", in_name[0], in_name[1]))
    place = _place_in_name(facts, org, home) or _authority_place(org) or _place_after(facts, org)
    if place is not None:
        org.region = place.name
        facts.relations.append(RelationFact(org, "region", place.name, place.mention))
        if org.country is None and place.country:
            org.country = place.country
            facts.relations.append(RelationFact(org, "country", place.country, place.mention))
    if org.country is None and home and not _EU_LEVEL.search(org.name) and org.mentions:
        org.country = home


# ---- roles -------------------------------------------------------------------------------------


@cache
def _cue_pattern() -> re.Pattern[str]:
    cues = sorted(lexicon.role_cues(), key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(re.escape(c) for c in cues) + ")", re.IGNORECASE)


def _roles(facts: DocumentFacts, organisations: list[EntityFact], sentences: list[tuple[int, int]]) -> None:
    """A field or list heading the organisation stands under, else the nearest cue of its sentence."""
    mentions = [(m, org) for org in organisations if org is not facts.main_entity for m in org.mentions]
    best: dict[int, tuple[int, str, Mention]] = {}  # id(org) -> (distance, role, cue)
    for m, org in mentions:
        heading = None if id(org) in best else _list_heading(facts.text, m.start)
        if heading is not None:
            best[id(org)] = (-1, heading[0], heading[1])  # the page's layout beats any cue
    if facts.main_entity_type == "Call":
        for key, found in _call_openers(facts.text, mentions).items():
            best.setdefault(key, found)
    by_cue = _roles_from_cues(facts.text, mentions, sentences)
    _share_along_enumerations(facts.text, mentions, by_cue)
    for key, found in by_cue.items():
        best.setdefault(key, found)
    for org in organisations:
        org.role = None
        if id(org) in best:
            _, role, cue = best[id(org)]
            org.role = role
            facts.relations.append(RelationFact(org, "role", role, cue))


@cache
def _opener_pattern() -> re.Pattern[str]:
    """After an organisation's name: up to four words ('har for første gang'), then a verb that opens
    a call ('is inviting', 'åbnet for ansøgninger', 'lance l'appel', 'stelt open')."""
    phrases = sorted(lexicon.words("roles", "CALL_OPENERS"), key=len, reverse=True)
    openers = "|".join(re.escape(w) for w in phrases)
    return re.compile(rf"[ \t]+(?:[^\W\d_]+[ \t]+){{0,4}}?(?:{openers})(?!\w)", re.IGNORECASE)


def _call_openers(text: str, mentions: list[tuple[Mention, EntityFact]]) -> dict[int, tuple[int, str, Mention]]:
    """The organisation that opens a call is its funder: 'X has opened for applications', 'X lance
    l'appel à projets' (the subject, written right before the verb)."""
    out: dict[int, tuple[int, str, Mention]] = {}
    for m, org in mentions:
        opener = _opener_pattern().match(text, m.end)
        if opener is not None and id(org) not in out:
            cue = Mention(opener.start(), opener.end(), opener.group().strip(), EXTRACTOR + ".role-opener")
            out[id(org)] = (-1, "funder", cue)
    return out


def _roles_from_cues(
    text: str, mentions: list[tuple[Mention, EntityFact]], sentences: list[tuple[int, int]]
) -> dict[int, tuple[int, str, Mention]]:
    """Each cue speaks of the organisation nearest to it in its sentence (a cue belongs to one)."""
    best: dict[int, tuple[int, str, Mention]] = {}
    for start, end in sentences:
        inside = [(m, org) for m, org in mentions if start <= m.start < end]
        if not inside:
            continue
        for cue in _cue_pattern().finditer(text, start, end):
            role = lexicon.role_cues()[cue.group().casefold()]
            candidates = _cue_candidates(text, cue, inside)
            if not candidates:
                continue
            nearest = min(candidates, key=lambda pair: _gap(pair[0], cue.start(), cue.end()))
            gap = _gap(nearest[0], cue.start(), cue.end())
            org = nearest[1]
            if gap <= _MAX_CUE_GAP and (id(org) not in best or gap < best[id(org)][0]):
                best[id(org)] = (gap, role, Mention(cue.start(), cue.end(), cue.group(), EXTRACTOR + ".role"))
    return best


# the rest of the cue's noun phrase, a comma, then an optional article before the name it describes
_APPOSITION = re.compile(r"\w*(?:[ \t]+[^\W\d_]+){0,2}[ \t]*,[ \t]*(?:[^\W\d_]{1,4}[ \t]+)?(?=[A-ZÀ-ÞÆØÅ])")
_AGENT_REACH = 40  # characters between 'funded by' and the name of its agent


def _cue_candidates(
    text: str, cue: re.Match[str], inside: list[tuple[Mention, EntityFact]]
) -> list[tuple[Mention, EntityFact]]:
    """The organisations a cue may speak of: none when it is part of a programme's compound
    ('subsidieprogramma', 'støtteprogrammet'); after 'funded by', only the agent that follows."""
    word_end = re.match(r"\w*", text[cue.end() :])
    rest = word_end.group().casefold() if word_end else ""
    if rest and (cue.group() + rest).casefold().endswith(_programme_words()):
        return []
    apposition = _APPOSITION.match(text, cue.end())
    if apposition is not None:
        named = [(m, org) for m, org in inside if m.start == apposition.end()]
        if named:
            return named  # 'haar raadgevende vergadering, het FORUM': the name the phrase describes
    agent = _agent_after().match(text, cue.start() + len(cue.group()))
    if agent is None:
        return inside
    return [(m, org) for m, org in inside if agent.end() <= m.start <= agent.end() + _AGENT_REACH]


@cache
def _programme_words() -> tuple[str, ...]:
    return tuple(w.casefold() for w in lexicon.words("entities", "PROGRAMME_WORDS"))


@cache
def _enumeration_gap() -> re.Pattern[str]:
    words = sorted(lexicon.words("roles", "ENUMERATION_JOINERS"), key=len, reverse=True)
    joiners = "|".join(re.escape(w) for w in words)
    return re.compile(rf"\s*(?:[,;&]\s*(?:(?:{joiners})\s+)?|(?:{joiners})\s+)", re.IGNORECASE)


def _share_along_enumerations(
    text: str, mentions: list[tuple[Mention, EntityFact]], best: dict[int, tuple[int, str, Mention]]
) -> None:
    """'X, Y and Z are partners': the cue nearest Z speaks of the whole enumeration."""
    ordered = sorted(mentions, key=lambda pair: pair[0].start)
    groups: list[list[tuple[Mention, EntityFact]]] = []
    for pair in ordered:
        if groups and _enumeration_gap().fullmatch(text, groups[-1][-1][0].end, pair[0].start):
            groups[-1].append(pair)
        else:
            groups.append([pair])
    for group in groups:
        found = [best[id(org)] for _, org in group if id(org) in best]
        if len(group) < 2 or len({role for _, role, _ in found}) != 1:
            continue
        # the nearest cue, then the first: never the order of a set, which changes between runs
        _, role, cue = min(found, key=lambda item: (item[0], item[2].start))
        for _, org in group:
            best.setdefault(id(org), (_MAX_CUE_GAP, role, cue))


def _gap(mention: Mention, start: int, end: int) -> int:
    if mention.end <= start:
        return start - mention.end
    if end <= mention.start:
        return mention.start - end
    return 0


_FIELD = re.compile(r"([^\n:]{3,30}):[ \t]*$")
_FIELD_LINE = re.compile(r"([^\n:]{3,30}):[ \t]*\S")
_BULLET_LINE = re.compile(r"[ \t]*(?:[•·\-*–◦▪]|\d{1,2}[.)])[ \t]+")
_MAX_LIST_LINES = 12
_MAX_HEADING = 60
_MAX_ITEM = 160  # a bullet item may be long ('X (IE)', 'X with Y'); a plain line that long is prose
# the roles of a field that names one organisation: the list right under it names the others
_LEADING_ROLES = frozenset({"lead-partner", "coordinator"})


def _list_heading(text: str, pos: int) -> tuple[str, Mention] | None:
    """The role of a 'Lead partner: X' field, or of the heading of the list X is an item of."""
    line_start = text.rfind("\n", 0, pos) + 1
    field = _FIELD.search(text, line_start, pos)
    if field is not None and (role := _role_of_label(field.group(1))):
        return role, Mention(field.start(1), field.end(1), field.group(1), EXTRACTOR + ".role-field")
    line_end = text.find("\n", pos)
    own_line = text[line_start : line_end if line_end >= 0 else len(text)]
    if len(own_line.strip()) > _MAX_HEADING and not _BULLET_LINE.match(own_line):
        return _section_role(text, line_start)
    end = line_start - 1
    items = 0
    while end > 0 and items < _MAX_LIST_LINES:
        start = text.rfind("\n", 0, end) + 1
        raw, end = text[start:end], start - 1
        line = raw.strip()
        if not line:
            continue
        if _BULLET_LINE.match(raw) and len(line) <= _MAX_ITEM:
            items += 1
            continue
        heading = _heading_role(text, start, line)
        if heading is not None or len(line) > _MAX_HEADING:
            return heading  # a paragraph ends the list
        items += 1  # a short plain line is an item of the list too
    return None


def _section_role(text: str, line_start: int) -> tuple[str, Mention] | None:
    """A paragraph of prose takes the role of the heading right above it only when that heading is
    a role word alone ('Financiers', 'Partners'); 'Financiële zekerheid' speaks of something else."""
    end = line_start - 1
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        if text[start:end].strip():
            break
        end = start - 1
    else:
        return None
    label = text[start:end].strip().rstrip(":").strip()
    if len(label.split()) != 1 or (role := _role_of_label(label)) is None:
        return None
    at = text.find(label, start)
    return role, Mention(at, at + len(label), label, EXTRACTOR + ".role-section")


def _heading_role(text: str, start: int, line: str) -> tuple[str, Mention] | None:
    """What a line above a list says of its items: a heading ('Partners', 'Projektpartnere'), an
    introducing sentence ('... is coordinated by four partners:'), or a 'Lead partner: X' field,
    under which the list names the other partners."""
    label = line.rstrip(":").strip()
    if len(label.split()) <= 3 and (role := _role_of_label(label)):
        at = text.find(label, start)
        return role, Mention(at, at + len(label), label, EXTRACTOR + ".role-heading")
    if line.endswith(":") and len(line) <= _MAX_ITEM and (cue := _introducing_cue(line)) is not None:
        at = text.find(line, start) + cue.start()
        role = lexicon.role_cues()[cue.group().casefold()]
        return role, Mention(at, at + len(cue.group()), cue.group(), EXTRACTOR + ".role-intro")
    field = _FIELD_LINE.match(line)
    if field is not None and _role_of_label(field.group(1)) in _LEADING_ROLES:
        at = text.find(line, start)
        return "partner", Mention(at, at + len(field.group(1)), field.group(1), EXTRACTOR + ".role-after-lead")
    return None


def _introducing_cue(line: str) -> re.Match[str] | None:
    """The cue of a sentence that introduces a list: one followed by its agent word ('coordinated by
    four partners:' -> coordinator), else the last one, nearest the list."""
    cues = list(_cue_pattern().finditer(line))
    for cue in cues:
        if _agent_after().match(line, cue.end()):
            return cue
    return cues[-1] if cues else None


@cache
def _agent_after() -> re.Pattern[str]:
    """The rest of a cue word, then the word that introduces its agent ('financ|é par', 'funded by')."""
    agents = "|".join(re.escape(w) for w in lexicon.words("roles", "AGENT_WORDS"))
    return re.compile(rf"\w*\s+(?:{agents})\b", re.IGNORECASE)


@cache
def _heading_roles() -> dict[str, str]:
    """Role cues and the words that name a role only as a heading or field label ('Funding')."""
    return {**lexicon.role_cues(), **{k.casefold(): v for k, v in lexicon.table("roles", "ROLE_HEADINGS").items()}}


@cache
def _label_pattern() -> re.Pattern[str]:
    labels = sorted(_heading_roles(), key=len, reverse=True)
    return re.compile("|".join(re.escape(c) for c in labels), re.IGNORECASE)


def _role_of_label(label: str) -> str | None:
    """The role a field label or heading names; inside compounds too ('Projektpartnere')."""
    found = _label_pattern().search(label)
    return _heading_roles()[found.group().casefold()] if found else None


# ---- projects and programmes -------------------------------------------------------------------


@cache
def _programme_kinds() -> dict[str, str]:
    return {p.key: p.kind for p in reference_programmes()}


def _framing(programmes: list[EntityFact]) -> list[EntityFact]:
    """The programmes that frame the document: named programmes before funds and frameworks."""
    kinds = _programme_kinds()
    named = [p for p in programmes if kinds.get(p.reference_key or "", "programme") not in _FUND_KINDS]
    return named or programmes


def _programmes_of_projects(facts: DocumentFacts, sentences: list[tuple[int, int]]) -> None:
    programmes = [e for e in facts.entities if e.kind == "programme"]
    if not programmes:
        return
    projects = [e for e in facts.entities if e.kind == "project"]
    main = facts.main_entity
    if main is not None and main.kind == "project" and main not in projects:
        projects.append(main)
    framing = _framing(programmes)
    if len(framing) > 2 and all(_programme_kinds().get(p.reference_key or "") in _FUND_KINDS for p in framing):
        framing = []  # funds listed in passing ('co-financed by A, B, C and D') frame no project
    for project in projects:
        named = _named_near(project, programmes, sentences) or _nearest_before(project, framing)
        for programme in named or framing:
            evidence = _evidence_for(project, programme, facts.text)
            facts.relations.append(RelationFact(project, "programme", programme.name, evidence, programme))


def _named_near(
    project: EntityFact, programmes: list[EntityFact], sentences: list[tuple[int, int]]
) -> list[EntityFact]:
    spans = [s for s in sentences for m in project.mentions if s[0] <= m.start < s[1]]
    out = []
    for programme in programmes:
        if any(s <= pm.start < e for pm in programme.mentions for s, e in spans) and programme not in out:
            out.append(programme)
    return _framing(out) if out else []


def _nearest_before(project: EntityFact, framing: list[EntityFact]) -> list[EntityFact]:
    """Of several framing programmes, the one written last before the project: the heading of the
    list the project is an item of ('Programme opérationnel X' over '• PROJECT')."""
    if len(framing) < 2 or not project.mentions:
        return framing
    first = min(m.start for m in project.mentions)
    before = [(pm.start, p) for p in framing for pm in p.mentions if pm.end <= first]
    return [max(before, key=lambda pair: pair[0])[1]] if before else framing


def _evidence_for(project: EntityFact, programme: EntityFact, text: str) -> Mention:
    """The programme mention nearest to one of the project's (the span the link rests on)."""
    if not programme.mentions:
        return Mention(0, 0, "", EXTRACTOR + ".programme")
    if not project.mentions:
        m = programme.mentions[0]
        return Mention(m.start, m.end, m.text, EXTRACTOR + ".document-programme", 0.5)
    pairs = [(abs(pm.start - m.start), pm) for pm in programme.mentions for m in project.mentions]
    _, nearest = min(pairs, key=lambda p: (p[0], p[1].start))
    return Mention(nearest.start, nearest.end, text[nearest.start : nearest.end], EXTRACTOR + ".programme", 0.6)


def _share_with_cluster_twins(facts: DocumentFacts) -> None:
    """A cluster organisation is one node with two EntityFacts: both carry the same place and role."""
    orgs = {(e.reference_key, e.name): e for e in facts.entities if e.kind == "organisation"}
    for entity in facts.entities:
        twin = orgs.get((entity.reference_key, entity.name))
        if entity.kind == "cluster" and entity.org_type and twin is not None:
            entity.country = entity.country or twin.country
            entity.region = twin.region
            entity.role = twin.role
