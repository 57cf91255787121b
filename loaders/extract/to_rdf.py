"""DocumentFacts -> RDF: the public and the personal triples of one document.

Design
------
- The document ``{base}id/document/{doc}`` is an ``ig:SourceDocument`` and a ``prov:Entity`` with its
  title, language, source URL, content hash and retrieval date. It ``prov:wasGeneratedBy`` the
  extraction activity ``{doc}/extraction`` (``ig:softwareVersion``; no wall-clock time, so the same
  bytes always give the same graph), names its main subject (``ig:mainSubject``) and every entity
  it mentions (``ig:mentions``).
- Entities get reference or canonical IRIs from :mod:`.resolve` (one node per real thing across
  documents); roles, amounts, percentages, events, contact points and evidence get IRIs minted under
  the document IRI from a hash of what they say, never from a counter.
- Evidence uses **named evidence nodes** (plain RDF 1.1, queryable everywhere): for each extracted
  statement ``S P O`` there is one ``ig:Evidence`` per mention with ``ig:evidenceFor S``,
  ``ig:evidenceProperty P``, ``ig:evidenceValue O``, ``ig:sentence``, ``ig:startOffset``,
  ``ig:endOffset`` (characters into the extracted text), ``rdfs:label`` (the words as written),
  ``ig:extractor``, ``ig:confidence`` and ``ig:inDocument``.
- People, their e-mails and phones, their affiliation and contact points go only into the personal
  triples (the graph ``{base}graph/{doc}/personal``), including their evidence nodes; a public literal
  (an evidence sentence, a title) that contains a person's name, an e-mail or a phone number is
  written with those parts replaced by ``[…]``.
- Reference entities (ISO regions, named areas, known programmes) get ``rdfs:label`` as written and
  ``skos:altLabel`` but no ``skos:prefLabel``: the reference graph holds their preferred labels. A
  cluster organisation is one node, typed ``ig:Organisation``, ``ig:ClusterOrganisation`` and
  ``ig:Cluster``. Themes are ``ig:keyword`` (as written) and ``ig:theme`` (the SKOS concept) of the
  main subject; dates, amounts and percentages hang off the main subject too.

Where does a fact come from? (``queries/examples/fact-provenance.rq``)::

    PREFIX ig: <https://w3id.org/innograph/ontology#>
    SELECT ?document ?sentence ?start ?end ?extractor ?confidence WHERE {
      ?evidence ig:evidenceFor ?subject ; ig:evidenceProperty ?property ; ig:evidenceValue ?value ;
                ig:sentence ?sentence ; ig:startOffset ?start ; ig:endOffset ?end ;
                ig:extractor ?extractor ; ig:confidence ?confidence ; ig:inDocument ?document .
    }
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from functools import cache
from importlib import metadata

from innograph.loaders.base import SourceMeta
from innograph.loaders.extract.facts import DocumentFacts, EntityFact, Mention
from innograph.loaders.extract.programmes import reference_keys
from innograph.loaders.extract.region_names import reference_codes
from innograph.loaders.extract.resolve import entity_slug, person_key, short_hash
from innograph.ontology.reference import eu_bodies
from innograph.ontology.tables import LANGUAGES
from innograph.ontology.text import fold
from pyoxigraph import Literal, NamedNode, Triple

from innograph.iris import Iris, slug

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCT = "http://purl.org/dc/terms/"
PROV = "http://www.w3.org/ns/prov#"
FOAF = "http://xmlns.com/foaf/0.1/"
VCARD = "http://www.w3.org/2006/vcard/ns#"
XSD = "http://www.w3.org/2001/XMLSchema#"

TYPE = NamedNode(RDF + "type")
LABEL = NamedNode(RDFS + "label")
PREF = NamedNode(SKOS + "prefLabel")
ALT = NamedNode(SKOS + "altLabel")

# entity kind -> (IRI kind segment, ontology class)
KIND_CLASS = {
    "organisation": ("organisation", "Organisation"),
    "region": ("region", "Region"),
    "programme": ("programme", "Programme"),
    "project": ("project", "Project"),
    "cluster": ("cluster", "Cluster"),
    "desk": ("desk", "Desk"),
    "platform": ("platform", "Platform"),
    "partnership": ("partnership", "Partnership"),
    "call": ("call", "Call"),
}
_DATE_TYPES = {4: "gYear", 7: "gYearMonth", 10: "date"}
_SENTENCE_END = re.compile(r"[.!?]\s|\n")


@cache  # reading the installed metadata costs ~1.5 ms: once per process, not once per document
def software_version() -> str:
    try:
        return "innograph " + metadata.version("innograph")
    except metadata.PackageNotFoundError:  # running from a checkout without install
        return "innograph (unversioned)"


def date_literal(value: str) -> Literal:
    kind = _DATE_TYPES.get(len(value), "string")
    return Literal(value, datatype=NamedNode(XSD + kind))


def decimal_literal(value: Decimal | float | int) -> Literal:
    text = format(Decimal(str(value)).normalize(), "f")
    return Literal(text, datatype=NamedNode(XSD + "decimal"))


def integer_literal(value: int) -> Literal:
    return Literal(str(int(value)), datatype=NamedNode(XSD + "integer"))


def is_reference(entity: EntityFact) -> bool:
    """True for regions, programmes and EU bodies that resolved to the reference data (ISO codes, known keys)."""
    key = entity.reference_key or ""
    if entity.kind == "region":
        return bool(re.fullmatch(r"[A-Z]{2}-\w+", key)) or key in reference_codes()
    if entity.kind == "programme":
        return key in reference_keys()
    if entity.kind == "organisation":
        return key in eu_body_keys()
    return False


@cache
def eu_body_keys() -> frozenset[str]:
    return frozenset(body.key for body in eu_bodies())


def entity_iri(iris: Iris, entity: EntityFact) -> str:
    segment, _ = KIND_CLASS.get(entity.kind, ("thing", "Organisation"))
    if entity.kind == "cluster" and entity.org_type:
        segment = "organisation"  # a cluster organisation is one node, an organisation and a cluster
    key = entity.reference_key or entity_slug(entity.name)
    return iris.entity(segment, slug(key) if entity.kind not in ("region",) else key)


def sentence_of(text: str, start: int, end: int, limit: int = 400) -> str:
    left = max(
        text.rfind("\n", 0, start),
        max((m.end() - 1 for m in _SENTENCE_END.finditer(text, max(0, start - limit), start)), default=-1),
    )
    match = _SENTENCE_END.search(text, end)
    right = match.start() + 1 if match else len(text)
    if right - left > limit:
        left, right = max(left, start - limit // 2), min(right, end + limit // 2)
    return " ".join(text[left + 1 : right].split())


REDACTED = "[…]"
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _redaction_pattern(facts: DocumentFacts) -> re.Pattern[str] | None:
    """What must not appear in a public literal: people's names (as written), e-mails and phones."""
    words = {p.name for p in facts.people} | {p.mention.text for p in facts.people}
    words |= {v.mention.text for v in facts.emails + facts.phones} | {v.value for v in facts.emails}
    alternatives = sorted((re.escape(w) for w in words if len(w) >= 3), key=len, reverse=True)
    alternatives.append(_EMAIL.pattern)
    return re.compile("|".join(alternatives), re.IGNORECASE)


class _Writer:
    """Collects triples, minting evidence nodes next to each statement."""

    def __init__(self, facts: DocumentFacts, iris: Iris, doc: NamedNode) -> None:
        self.facts = facts
        self.iris = iris
        self.doc = doc
        self.lang = facts.language if facts.language in LANGUAGES else None
        self.public: set[Triple] = set()
        self.personal: set[Triple] = set()
        self.redaction = _redaction_pattern(facts)
        self._terms: dict[str, NamedNode] = {}
        self._redacted: dict[str, str | None] = {}  # literal value -> its redacted form (None: unchanged)

    def term(self, name: str) -> NamedNode:
        node = self._terms.get(name)
        if node is None:
            node = self._terms[name] = NamedNode(self.iris.term(name))
        return node

    def _redact(self, value: str) -> str | None:
        """The value without people's names, e-mails and phones; None when it names none of them."""
        if value not in self._redacted:  # a sentence is the evidence of several facts: searched once
            pattern = self.redaction
            found = pattern is not None and pattern.search(value) is not None
            self._redacted[value] = pattern.sub(REDACTED, value) if found and pattern is not None else None
        return self._redacted[value]

    def text(self, value: str) -> Literal:
        return Literal(value, language=self.lang) if self.lang else Literal(value)

    def add(self, s: NamedNode, p: NamedNode, o: NamedNode | Literal, personal: bool = False) -> None:
        if personal:
            self.personal.add(Triple(s, p, o))
            return
        if isinstance(o, Literal) and (value := self._redact(o.value)) is not None:
            # a sentence or title that names a person, an e-mail or a phone stays public without them
            o = Literal(value, language=o.language) if o.language else Literal(value, datatype=o.datatype)
        self.public.add(Triple(s, p, o))

    def state(
        self,
        s: NamedNode,
        p: NamedNode,
        o: NamedNode | Literal,
        mentions: Iterable[Mention],
        personal: bool = False,
    ) -> None:
        """Add ``s p o`` and one evidence node per mention it was read from."""
        self.add(s, p, o, personal)
        for mention in mentions:
            self.evidence(s, p, o, mention, personal)

    def context_of(self, m: Mention) -> str:
        """The sentence a fact was read in, or the narrower span it rests on (a theme's clause)."""
        if m.context is not None:
            return " ".join(self.facts.text[m.context[0] : m.context[1]].split())
        return sentence_of(self.facts.text, m.start, m.end)

    def evidence(self, s: NamedNode, p: NamedNode, o: NamedNode | Literal, m: Mention, personal: bool) -> None:
        ev = NamedNode(f"{self.doc.value}/evidence/{short_hash(s.value, p.value, o, m.start, m.end)}")
        t, add = self.term, self.add
        add(ev, TYPE, t("Evidence"), personal)
        add(ev, t("evidenceFor"), s, personal)
        add(ev, t("evidenceProperty"), p, personal)
        add(ev, t("evidenceValue"), o, personal)
        add(ev, t("inDocument"), self.doc, personal)
        add(ev, LABEL, Literal(m.text), personal)
        add(ev, t("sentence"), Literal(self.context_of(m)), personal)
        add(ev, t("startOffset"), integer_literal(m.start), personal)
        add(ev, t("endOffset"), integer_literal(m.end), personal)
        add(ev, t("extractor"), Literal(m.extractor), personal)
        add(ev, t("confidence"), decimal_literal(round(m.confidence, 2)), personal)


def to_rdf(
    facts: DocumentFacts, meta: SourceMeta, iris: Iris, *, content_hash: str
) -> tuple[list[Triple], list[Triple]]:
    """Return (public, personal) triples for one document, sorted for byte-stable output."""
    doc = NamedNode(iris.document(meta.doc_id))
    w = _Writer(facts, iris, doc)
    t = w.term
    _document(w, meta, content_hash)

    nodes: dict[int, NamedNode] = {}
    for entity in facts.entities:
        nodes[id(entity)] = _entity(w, entity)
    main = _main_subject(w, facts, nodes)
    for entity in facts.entities:
        node = nodes[id(entity)]
        if entity.kind == "desk" and main is not None and node != main:
            w.add(node, t("partOf"), main)
        if entity.kind == "cluster" and entity.org_type is None and main is not None and node != main:
            w.add(node, t("partOf"), main)
        if entity.role and main is not None and node != main:
            _role(w, node, entity, main)
    _relations(w, facts, nodes)
    subject = main or doc
    _themes(w, facts, subject, nodes)
    _values(w, facts, subject)
    _people(w, facts, nodes)
    return sorted(w.public, key=str), sorted(w.personal, key=str)


def _document(w: _Writer, meta: SourceMeta, content_hash: str) -> None:
    doc, t, facts = w.doc, w.term, w.facts
    w.add(doc, TYPE, t("SourceDocument"))
    w.add(doc, TYPE, NamedNode(PROV + "Entity"))
    if facts.title:
        w.add(doc, NamedNode(DCT + "title"), w.text(facts.title))
    if facts.language:
        w.add(doc, NamedNode(DCT + "language"), Literal(facts.language))
    if meta.url:
        w.add(doc, t("sourceUrl"), NamedNode(meta.url))
    w.add(doc, t("contentHash"), Literal(content_hash))
    if meta.retrieved:
        w.add(doc, t("retrievedOn"), date_literal(meta.retrieved[:10]))
    activity = NamedNode(doc.value + "/extraction")
    w.add(doc, NamedNode(PROV + "wasGeneratedBy"), activity)
    w.add(activity, TYPE, t("ExtractionActivity"))
    w.add(activity, TYPE, NamedNode(PROV + "Activity"))
    w.add(activity, t("softwareVersion"), Literal(software_version()))
    w.add(activity, NamedNode(PROV + "used"), doc)


def _entity(w: _Writer, entity: EntityFact) -> NamedNode:
    t = w.term
    node = NamedNode(entity_iri(w.iris, entity))
    _, cls = KIND_CLASS.get(entity.kind, ("thing", "Organisation"))
    w.add(node, TYPE, t(cls))
    if entity.org_type:
        w.add(node, TYPE, t(entity.org_type))
        w.add(node, TYPE, t("Organisation"))
    name = w.text(entity.name)
    w.state(node, LABEL, name, entity.mentions)
    if not is_reference(entity):  # reference entities have their preferred labels in the reference graph
        w.add(node, PREF, name)
    for alias in entity.aliases:
        if alias != entity.name:
            w.add(node, ALT, w.text(alias))
    if entity.country:
        w.add(node, t("country"), NamedNode(w.iris.entity("country", entity.country)))
    if entity.kind == "programme":
        period = re.search(r"\b((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)\b", entity.name)
        if period:
            w.add(node, t("period"), Literal(f"{period.group(1)}-{period.group(2)}"))
    w.add(w.doc, t("mentions"), node)
    return node


def _main_subject(w: _Writer, facts: DocumentFacts, nodes: dict[int, NamedNode]) -> NamedNode | None:
    if facts.main_entity is None:
        return None
    node = nodes.get(id(facts.main_entity)) or _entity(w, facts.main_entity)
    w.add(w.doc, w.term("mainSubject"), node)
    if facts.main_entity_type:
        w.add(node, TYPE, w.term(facts.main_entity_type))
    return node


def _role(w: _Writer, node: NamedNode, entity: EntityFact, main: NamedNode) -> None:
    t = w.term
    role_type = slug(entity.role or "other")
    role = NamedNode(f"{w.doc.value}/role/{short_hash(node.value, main.value, role_type)}")
    cues = [r.mention for r in w.facts.relations if r.subject is entity and r.kind == "role"]
    w.add(role, TYPE, t("Role"))
    w.add(role, t("agent"), node)
    w.add(role, t("roleIn"), main)
    w.state(role, t("roleType"), NamedNode(w.iris.entity("role-type", role_type)), cues or entity.mentions[:1])
    w.add(role, LABEL, w.text((entity.role or "other").replace("-", " ")))


def _relations(w: _Writer, facts: DocumentFacts, nodes: dict[int, NamedNode]) -> None:
    """Regions and countries of organisations, programmes of projects, each with its evidence."""
    t = w.term
    regions = {fold(e.name): e for e in facts.entities if e.kind == "region"}
    for relation in facts.relations:
        subject = nodes.get(id(relation.subject))
        if subject is None:
            continue
        if relation.kind == "region":
            known = regions.get(fold(relation.value))
            place = NamedNode(entity_iri(w.iris, known)) if known else _place_node(w, relation.value)
            w.state(subject, t("region"), place, [relation.mention])
        elif relation.kind == "country":
            w.state(subject, t("country"), NamedNode(w.iris.entity("country", relation.value)), [relation.mention])
        elif relation.kind == "programme" and relation.target is not None and id(relation.target) in nodes:
            w.state(subject, t("programme"), nodes[id(relation.target)], [relation.mention])


def _place_node(w: _Writer, name: str) -> NamedNode:
    """A town or area an organisation sits in that the document does not list among its regions."""
    node = NamedNode(w.iris.entity("region", slug(name)))
    w.add(node, TYPE, w.term("Region"))
    w.add(node, LABEL, w.text(name))
    return node


def _themes(w: _Writer, facts: DocumentFacts, main: NamedNode, nodes: dict[int, NamedNode]) -> None:
    """Each theme on the entities its clause speaks of (extract.themes.attribute_themes), else on
    the main subject."""
    for theme in facts.themes:
        holders = [nodes[id(e)] for e in theme.subjects if id(e) in nodes] or [main]
        for subject in holders:
            w.state(subject, w.term("keyword"), w.text(theme.text), [theme.mention])
            if theme.concept:
                concept = NamedNode(w.iris.entity("theme", theme.concept))
                w.state(subject, w.term("theme"), concept, [theme.mention])


def _values(w: _Writer, facts: DocumentFacts, subject: NamedNode) -> None:
    t, doc = w.term, w.doc
    if facts.start_date:
        w.state(subject, t("startDate"), date_literal(facts.start_date.value), [facts.start_date.mention])
    if facts.end_date:
        w.state(subject, t("endDate"), date_literal(facts.end_date.value), [facts.end_date.mention])
    for date in facts.other_dates:
        event = NamedNode(f"{doc.value}/event/{short_hash(date.value, date.meaning, date.mention.start)}")
        w.add(event, TYPE, t("DatedEvent"))
        w.state(event, t("date"), date_literal(date.value), [date.mention])
        w.add(event, t("meaning"), Literal(date.meaning))
        w.add(subject, t("event"), event)
    for amount in facts.amounts:
        node = NamedNode(f"{doc.value}/amount/{short_hash(amount.value, amount.currency, amount.mention.start)}")
        w.add(node, TYPE, t("MonetaryAmount"))
        w.state(node, t("value"), decimal_literal(amount.value), [amount.mention])
        w.add(node, t("currency"), Literal(amount.currency))
        w.add(node, t("meaning"), Literal(amount.meaning))
        w.add(subject, t("amount"), node)
    for pct in facts.percentages:
        node = NamedNode(f"{doc.value}/percentage/{short_hash(pct.value, pct.mention.start)}")
        w.add(node, TYPE, t("Percentage"))
        w.state(node, t("value"), decimal_literal(pct.value), [pct.mention])
        w.add(node, t("meaning"), Literal(pct.meaning))
        w.add(subject, t("percentage"), node)
    if facts.partner_count is not None:
        w.add(subject, t("partnerCount"), integer_literal(facts.partner_count))
    for beneficiary in facts.eligible_beneficiaries:
        w.add(subject, t("eligibleBeneficiary"), w.text(beneficiary))
    for country in facts.countries:
        node = NamedNode(w.iris.entity("country", country.value.upper()))
        w.state(doc, t("mentionsCountry"), node, [country.mention])
    for url in facts.urls:
        value = url.value if re.match(r"[a-z][a-z0-9+.-]*:", url.value) else "http://" + url.value
        try:
            node = NamedNode(value)
        except ValueError:
            continue
        w.state(doc, t("mentionsUrl"), node, [url.mention])


_AFFILIATION_WINDOW = 80  # characters between a person's name and the organisation they speak for


def _affiliation_of(name: str, facts: DocumentFacts, nodes: dict[int, NamedNode]) -> NamedNode | None:
    """The organisation named closest after one of the person's mentions (else before), in the same sentence."""
    best: tuple[int, NamedNode] | None = None
    for found in re.finditer(re.escape(name), facts.text, re.IGNORECASE):
        best = _closest_organisation(Mention(found.start(), found.end(), name, ""), facts, nodes, best)
    return best[1] if best else None


def _closest_organisation(
    mention: Mention, facts: DocumentFacts, nodes: dict[int, NamedNode], best: tuple[int, NamedNode] | None
) -> tuple[int, NamedNode] | None:
    for entity in facts.entities:
        if entity.kind != "organisation" or id(entity) not in nodes:
            continue
        for m in entity.mentions:
            if m.start >= mention.end:
                gap, between = m.start - mention.end, facts.text[mention.end : m.start]
            elif m.end <= mention.start:
                gap, between = mention.start - m.end + _AFFILIATION_WINDOW // 2, facts.text[m.end : mention.start]
            else:
                continue
            if gap <= _AFFILIATION_WINDOW and not re.search(r"[.!?\n]\s", between) and (best is None or gap < best[0]):
                best = (gap, nodes[id(entity)])
    return best


def _people(w: _Writer, facts: DocumentFacts, nodes: dict[int, NamedNode]) -> None:
    t, doc = w.term, w.doc
    owned_emails: set[str] = set()
    owned_phones: set[str] = set()
    written = {v.value.lower(): [v.mention] for v in facts.emails + facts.phones}
    for person in facts.people:
        node = NamedNode(w.iris.entity("person", person_key(person.name)))
        w.add(node, TYPE, t("Person"), personal=True)
        w.add(node, TYPE, NamedNode(FOAF + "Person"), personal=True)
        w.state(node, NamedNode(FOAF + "name"), Literal(person.name), [person.mention], personal=True)
        if person.role:
            w.add(node, t("jobTitle"), Literal(person.role), personal=True)
        w.add(doc, t("mentionsPerson"), node, personal=True)
        organisation = _affiliation_of(person.name, facts, nodes)
        if organisation is not None:
            w.add(node, t("affiliation"), organisation, personal=True)
        for email in person.emails:
            owned_emails.add(email.lower())
            obj = NamedNode("mailto:" + email)
            w.state(node, NamedNode(VCARD + "hasEmail"), obj, written.get(email.lower(), []), personal=True)
        for phone in person.phones:
            owned_phones.add(phone.lower())
            obj = NamedNode("tel:" + phone)
            w.state(node, NamedNode(VCARD + "hasTelephone"), obj, written.get(phone.lower(), []), personal=True)
    for fact, prop, scheme, owned in (
        (facts.emails, "hasEmail", "mailto:", owned_emails),
        (facts.phones, "hasTelephone", "tel:", owned_phones),
    ):
        for value in fact:
            if value.value.lower() in owned:
                continue
            contact = NamedNode(f"{doc.value}/contact/{short_hash(value.value)}")
            w.add(contact, TYPE, t("ContactPoint"), personal=True)
            try:
                obj = NamedNode(scheme + value.value)
            except ValueError:
                continue
            w.state(contact, NamedNode(VCARD + prop), obj, [value.mention], personal=True)
