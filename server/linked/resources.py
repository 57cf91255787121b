"""The documents behind every minted IRI: things, named graphs, the ontology, the JSON-LD context.

Each function returns a :class:`Representation` (or raises :class:`NotFound`); the route module
adds conditional requests, compression and CORS (:mod:`innograph.server.linked.http`).
"""

from __future__ import annotations

import difflib
import json

from innograph.ontology import ontology_triples
from innograph.ontology.docs import render_html
from innograph.server.linked import describe as d
from innograph.server.linked.http import Representation, StoreState
from innograph.server.linked.pages import PageContext, entity_page, not_found_page, triples_page
from innograph.server.linked.rdf import context, to_bytes
from innograph.server.linked.schema_org import schema_org
from innograph.server.linked.variants import HTML
from pyoxigraph import NamedNode, Quad, Triple

from innograph.iris import Iris
from innograph.namespaces import FOAF, OWL, RDF_TYPE, VOID
from innograph.store import Store
from innograph.store.base import Partition

PRIVATE = "private, no-store"


class NotFound(Exception):
    pass


def dataset_iri(iris: Iris) -> str:
    return iris.base + "catalog#dataset"


def page_url(iris: Iris, iri: str) -> str:
    """The document about a thing: ``{base}id/x/y`` -> ``{base}page/x/y``."""
    return iris.base + "page/" + iri[len(iris.base) + len("id/") :]


def _document_triples(iris: Iris, doc_url: str, topic: str) -> list[Triple]:
    doc = NamedNode(doc_url)
    return [
        Triple(doc, RDF_TYPE, NamedNode(FOAF + "Document")),
        Triple(doc, NamedNode(FOAF + "primaryTopic"), NamedNode(topic)),
        Triple(doc, NamedNode(VOID + "inDataset"), NamedNode(dataset_iri(iris))),
    ]


def thing(store: Store, iris: Iris, iri: str, media_type: str, lang: str, partition: Partition,
          state: StoreState, alternates: tuple[str, ...]) -> Representation:
    triples = d.describe(store, iris, iri, partition)
    if not triples:
        raise NotFound(iri)
    url = page_url(iris, iri)
    cache_control = PRIVATE if partition == "full" else None
    if media_type != HTML:
        body = to_bytes([*triples, *_document_triples(iris, url, iri)], media_type, iris)
        return _rep(body, media_type, state, cache_control)
    mentioned = {t.subject.value for t in triples if isinstance(t.subject, NamedNode)}
    mentioned |= {t.predicate.value for t in triples}
    mentioned |= {t.object.value for t in triples if isinstance(t.object, NamedNode)}
    projects = d.projects(store, iris, iri, partition) if _takes_part(iris, iri, triples) else []
    mentioned |= {x for p in projects for x in (p.project, p.agent, p.file or "", *p.programmes)}
    ctx = PageContext(iris, lang, d.labels(store, iris, mentioned, partition), url, alternates)
    docs = {t.object.value for t in triples if t.predicate.value == iris.term("inDocument")}
    docs |= {t.subject.value for t in triples if t.predicate.value == iris.term("mentions")}
    if iri.startswith(iris.base + "id/document/"):
        docs.add(iri)
    sources = d.sources(store, iris, docs, partition)
    schema = schema_org(iri, triples, ctx.name(iri), url, iris) if partition == "public" else None
    html = entity_page(iri, triples, ctx, sources, schema, projects)
    return _rep(html.encode(), HTML, state, cache_control)


def _takes_part(iris: Iris, iri: str, triples: list[Triple]) -> bool:
    """Has a role somewhere, or names (owl:sameAs) another IRI that may: an organisation's page
    then lists its projects from every source."""
    agent, same_as = iris.term("agent"), OWL + "sameAs"
    return any((t.predicate.value == agent and t.object == NamedNode(iri))
               or (t.predicate.value == same_as and t.subject == NamedNode(iri)) for t in triples)


def graph(store: Store, iris: Iris, iri: str, media_type: str, lang: str, partition: Partition,
          state: StoreState, alternates: tuple[str, ...]) -> Representation:
    triples = d.graph_content(store, iris, iri, partition)
    if not triples:
        raise NotFound(iri)
    cache_control = PRIVATE if partition == "full" else None
    if media_type in ("application/trig", "application/n-quads"):
        quads = [Quad(t.subject, t.predicate, t.object, NamedNode(iri)) for t in triples]
        return _rep(to_bytes(quads, media_type, iris), media_type, state, cache_control)
    if media_type != HTML:
        return _rep(to_bytes(triples, media_type, iris), media_type, state, cache_control)
    names = {t.subject.value for t in triples if isinstance(t.subject, NamedNode)}
    names |= {t.predicate.value for t in triples} | {t.object.value for t in triples if isinstance(t.object, NamedNode)}
    ctx = PageContext(iris, lang, d.labels(store, iris, names, partition), iri, alternates)
    html = triples_page(ctx.name(iri) if ctx.labels.get(iri, lang) else iri[len(iris.base):], iri, triples, ctx)
    return _rep(html.encode(), HTML, state, cache_control)


def ontology(iris: Iris, media_type: str, lang: str, state: StoreState) -> Representation:
    """The ontology as built from ``ontology/src`` (its HTML documentation, or RDF)."""
    if media_type != HTML:
        return _rep(to_bytes(ontology_triples(iris.base), media_type, iris), media_type, state)
    return _rep(render_html(lang, iris.base).encode(), HTML, state)


def jsonld_context(iris: Iris, state: StoreState) -> Representation:
    body = json.dumps(context(iris), indent=1, sort_keys=True).encode()
    return Representation(body, "application/ld+json", modified=state.modified,
                          cache_control="public, max-age=86400")


def not_found(iris: Iris, iri: str, lang: str, known: list[str], url: str) -> Representation:
    """A helpful 404: close matches among the public entities (never personal ones)."""
    similar = difflib.get_close_matches(iri, known, n=8, cutoff=0.6)
    ctx = PageContext(iris, lang, url=url)
    html = not_found_page(iri, similar, ctx)
    return Representation(html.encode(), HTML, status=404, cache_control="no-store")


def _rep(body: bytes, media_type: str, state: StoreState, cache_control: str | None = None) -> Representation:
    rep = Representation(body, media_type, modified=state.modified)
    if cache_control:
        rep.cache_control = cache_control
    return rep
