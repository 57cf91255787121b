"""An organisation's role towards the document's main entity (part of the relations pass, :mod:`relations`).

A field or the heading of the list it stands in ('Partners:', 'Lead partner:') beats any cue; on a
call's page, the organisation that opens the call funds it; else the role cue nearest to one of its
mentions in the same sentence (a cue belongs to the organisation it is closest to, so 'X is lead
partner, with Y' does not make Y a lead partner), shared along an enumeration ('X, Y and Z are
partners').
"""

from __future__ import annotations

import re
from functools import cache

from innograph.loaders.extract import lexicon
from innograph.loaders.extract.facts import DocumentFacts, EntityFact, Mention, RelationFact

EXTRACTOR = "relations"  # the pass these edges belong to, named in their evidence
_MAX_CUE_GAP = 120  # characters between a role cue and the organisation it speaks of


@cache
def _cue_pattern() -> re.Pattern[str]:
    cues = sorted(lexicon.role_cues(), key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(re.escape(c) for c in cues) + ")", re.IGNORECASE)


def assign_roles(facts: DocumentFacts, organisations: list[EntityFact], sentences: list[tuple[int, int]]) -> None:
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
    if apposition is not None and not any(cue.end() <= m.start < apposition.end() for m, _ in inside):
        # (a name before the comma is what the cue speaks of: 'forankret hos X, og Y')
        named = [(m, org) for m, org in inside if m.start == apposition.end()]
        if named:
            return named  # 'haar raadgevende vergadering, het FORUM': the name the phrase describes
    agent = _agent_after().match(text, cue.end())
    if agent is not None:
        agent_end = agent.end()
    elif cue.group().casefold().endswith(_agent_words()):  # 'led by', 'funded by': the agent word is the cue's
        agent_end = cue.end()
    else:
        return inside
    return [(m, org) for m, org in inside if agent_end <= m.start <= agent_end + _AGENT_REACH]


@cache
def _agent_words() -> tuple[str, ...]:
    return tuple(" " + w.casefold() for w in lexicon.words("roles", "AGENT_WORDS"))


@cache
def _programme_words() -> tuple[str, ...]:
    return tuple(w.casefold() for w in lexicon.words("entities", "PROGRAMME_WORDS"))


@cache
def enumeration_gap() -> re.Pattern[str]:
    words = sorted(lexicon.words("roles", "ENUMERATION_JOINERS"), key=len, reverse=True)
    joiners = "|".join(re.escape(w) for w in words)
    # an article may follow the joiner: 'Valorial et Végépolys et le Cluster Ouest'
    articles = r"(?:(?:the|le|la|les|de|het|den|det)\s+|l['’])?"
    return re.compile(rf"\s*(?:[,;&]\s*(?:(?:{joiners})\s+{articles})?|(?:{joiners})\s+{articles})", re.IGNORECASE)


def _share_along_enumerations(
    text: str, mentions: list[tuple[Mention, EntityFact]], best: dict[int, tuple[int, str, Mention]]
) -> None:
    """'X, Y and Z are partners': the cue nearest Z speaks of the whole enumeration."""
    ordered = sorted(mentions, key=lambda pair: pair[0].start)
    groups: list[list[tuple[Mention, EntityFact]]] = []
    for pair in ordered:
        if groups and enumeration_gap().fullmatch(text, groups[-1][-1][0].end, pair[0].start):
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
_MAX_BULLET_ITEM = 400  # an item that describes its organisation in a sentence or two stays in the list
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
        if _BULLET_LINE.match(raw) and len(line) <= _MAX_BULLET_ITEM:
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
