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
  ``ig:extractor``, ``ig:confidence`` and ``ig:inDocument`` (written by :mod:`.triple_writer`).
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
from functools import cache

from innograph.loaders.base import SourceMeta
from innograph.loaders.extract.facts import AmountFact, DocumentFacts, EntityFact, Mention, PercentFact
from innograph.loaders.extract.programmes import reference_keys
from innograph.loaders.extract.region_names import reference_codes
from innograph.loaders.extract.resolve import entity_slug, person_key, short_hash
from innograph.loaders.extract.triple_writer import TripleWriter, date_literal, decimal_literal, integer_literal
from innograph.ontology.reference import eu_bodies
from innograph.ontology.text import fold
from pyoxigraph import Literal, NamedNode, Triple

from innograph import __version__
from innograph.iris import Iris, slug
from innograph.namespaces import DCT, FOAF, PROV, RDF_TYPE, RDFS_LABEL, SKOS_ALT_LABEL, SKOS_PREF_LABEL, VCARD

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


SOFTWARE_VERSION = "innograph " + __version__  # innograph only runs installed (innograph/__init__.py)


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


def to_rdf(
    facts: DocumentFacts, meta: SourceMeta, iris: Iris, *, content_hash: str
) -> tuple[list[Triple], list[Triple]]:
    """Return (public, personal) triples for one document, sorted for byte-stable output."""
    doc = NamedNode(iris.document(meta.doc_id))
    w = TripleWriter(facts, iris, doc)
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


def _document(w: TripleWriter, meta: SourceMeta, content_hash: str) -> None:
    doc, t, facts = w.doc, w.term, w.facts
    w.add(doc, RDF_TYPE, t("SourceDocument"))
    w.add(doc, RDF_TYPE, NamedNode(PROV + "Entity"))
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
    w.add(activity, RDF_TYPE, t("ExtractionActivity"))
    w.add(activity, RDF_TYPE, NamedNode(PROV + "Activity"))
    w.add(activity, t("softwareVersion"), Literal(SOFTWARE_VERSION))
    w.add(activity, NamedNode(PROV + "used"), doc)


def _entity(w: TripleWriter, entity: EntityFact) -> NamedNode:
    t = w.term
    node = NamedNode(entity_iri(w.iris, entity))
    _, cls = KIND_CLASS.get(entity.kind, ("thing", "Organisation"))
    w.add(node, RDF_TYPE, t(cls))
    if entity.org_type:
        w.add(node, RDF_TYPE, t(entity.org_type))
        w.add(node, RDF_TYPE, t("Organisation"))
    name = w.text(entity.name)
    w.state(node, RDFS_LABEL, name, entity.mentions)
    if not is_reference(entity):  # reference entities have their preferred labels in the reference graph
        w.add(node, SKOS_PREF_LABEL, name)
    for alias in entity.aliases:
        if alias != entity.name:
            w.add(node, SKOS_ALT_LABEL, w.text(alias))
    if entity.country:
        w.add(node, t("country"), NamedNode(w.iris.entity("country", entity.country)))
    if entity.kind == "programme":
        period = re.search(r"\b((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)\b", entity.name)
        if period:
            w.add(node, t("period"), Literal(f"{period.group(1)}-{period.group(2)}"))
    w.add(w.doc, t("mentions"), node)
    return node


def _main_subject(w: TripleWriter, facts: DocumentFacts, nodes: dict[int, NamedNode]) -> NamedNode | None:
    if facts.main_entity is None:
        return None
    node = nodes.get(id(facts.main_entity)) or _entity(w, facts.main_entity)
    w.add(w.doc, w.term("mainSubject"), node)
    if facts.main_entity_type:
        w.add(node, RDF_TYPE, w.term(facts.main_entity_type))
    return node


def _role(w: TripleWriter, node: NamedNode, entity: EntityFact, main: NamedNode) -> None:
    t = w.term
    role_type = slug(entity.role or "other")
    role = NamedNode(f"{w.doc.value}/role/{short_hash(node.value, main.value, role_type)}")
    cues = [r.mention for r in w.facts.relations if r.subject is entity and r.kind == "role"]
    w.add(role, RDF_TYPE, t("Role"))
    w.add(role, t("agent"), node)
    w.add(role, t("roleIn"), main)
    w.state(role, t("roleType"), NamedNode(w.iris.entity("role-type", role_type)), cues or entity.mentions[:1])
    w.add(role, RDFS_LABEL, w.text((entity.role or "other").replace("-", " ")))


def _relations(w: TripleWriter, facts: DocumentFacts, nodes: dict[int, NamedNode]) -> None:
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


def _place_node(w: TripleWriter, name: str) -> NamedNode:
    """A town or area an organisation sits in that the document does not list among its regions."""
    node = NamedNode(w.iris.entity("region", slug(name)))
    w.add(node, RDF_TYPE, w.term("Region"))
    w.add(node, RDFS_LABEL, w.text(name))
    return node


def _themes(w: TripleWriter, facts: DocumentFacts, main: NamedNode, nodes: dict[int, NamedNode]) -> None:
    """Each theme on the entities its clause speaks of (extract.themes.attribute_themes), else on
    the main subject."""
    for theme in facts.themes:
        holders = [nodes[id(e)] for e in theme.subjects if id(e) in nodes] or [main]
        for subject in holders:
            w.state(subject, w.term("keyword"), w.text(theme.text), [theme.mention])
            if theme.concept:
                concept = NamedNode(w.iris.entity("theme", theme.concept))
                w.state(subject, w.term("theme"), concept, [theme.mention])


def _values(w: TripleWriter, facts: DocumentFacts, subject: NamedNode) -> None:
    t, doc = w.term, w.doc
    if facts.start_date:
        w.state(subject, t("startDate"), date_literal(facts.start_date.value), [facts.start_date.mention])
    if facts.end_date:
        w.state(subject, t("endDate"), date_literal(facts.end_date.value), [facts.end_date.mention])
    for date in facts.other_dates:
        event = NamedNode(f"{doc.value}/event/{short_hash(date.value, date.meaning, date.mention.start)}")
        w.add(event, RDF_TYPE, t("DatedEvent"))
        w.state(event, t("date"), date_literal(date.value), [date.mention])
        w.add(event, t("meaning"), Literal(date.meaning))
        w.add(subject, t("event"), event)
    for amount in facts.amounts:
        node = NamedNode(f"{doc.value}/amount/{short_hash(amount.value, amount.currency, amount.mention.start)}")
        _quantity(w, subject, "amount", node, "MonetaryAmount", amount)
        w.add(node, t("currency"), Literal(amount.currency))
    for pct in facts.percentages:
        node = NamedNode(f"{doc.value}/percentage/{short_hash(pct.value, pct.mention.start)}")
        _quantity(w, subject, "percentage", node, "Percentage", pct)
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



def _quantity(
    w: TripleWriter, subject: NamedNode, link: str, node: NamedNode, cls: str, fact: AmountFact | PercentFact
) -> None:
    """An amount or a percentage: its own node with the value as read, and what it is the value of."""
    w.add(node, RDF_TYPE, w.term(cls))
    w.state(node, w.term("value"), decimal_literal(fact.value), [fact.mention])
    w.add(node, w.term("meaning"), Literal(fact.meaning))
    w.add(subject, w.term(link), node)

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


def _people(w: TripleWriter, facts: DocumentFacts, nodes: dict[int, NamedNode]) -> None:
    t, doc = w.term, w.doc
    owned_emails: set[str] = set()
    owned_phones: set[str] = set()
    written = {v.value.lower(): [v.mention] for v in facts.emails + facts.phones}
    for person in facts.people:
        node = NamedNode(w.iris.entity("person", person_key(person.name)))
        w.add(node, RDF_TYPE, t("Person"), personal=True)
        w.add(node, RDF_TYPE, NamedNode(FOAF + "Person"), personal=True)
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
            w.add(contact, RDF_TYPE, t("ContactPoint"), personal=True)
            try:
                obj = NamedNode(scheme + value.value)
            except ValueError:
                continue
            w.state(contact, NamedNode(VCARD + prop), obj, [value.mention], personal=True)
