"""Linked data for harvesters: every minted IRI dereferences (things, named graphs, the ontology).

IRI policy (see ``server/linked/README.md``): things ``{base}id/...`` answer ``303 See Other`` to
their document ``{base}page/...``; documents (pages, named graphs ``{base}graph/...``, the
ontology ``{base}ontology`` whose terms are hash IRIs) are served directly, content-negotiated.
The IRI of a request is ``INNOGRAPH_BASE_IRI`` + its path, so a deployment whose base is the
server's own address resolves every IRI it mints with no other setting. Dataset metadata, dumps,
the feed and fragments are in :mod:`innograph.server.routes.dataset`.
"""

from __future__ import annotations

import functools

from fastapi import APIRouter
from innograph.ontology import ontology_triples
from innograph.server.linked import resources
from innograph.server.linked.http import CORS_HEADERS, VARY, Representation, respond
from innograph.server.linked.resources import NotFound
from innograph.server.linked.variants import DOCUMENT_OFFERS, HTML
from innograph.server.linked.visit import VisitDep, get_and_head, offered
from starlette.responses import Response

from innograph.namespaces import OWL
from innograph.store.base import Partition

router = APIRouter(tags=["linked data"])
GRAPH_OFFERS = (*DOCUMENT_OFFERS, "application/trig", "application/n-quads")
OWL_VERSION_IRI = OWL + "versionIRI"


# -- things: 303 to their page ---------------------------------------------------------------------


@get_and_head(router, "/id/{rest:path}", "A thing (303 to its page)")
def thing_iri(visit: VisitDep, rest: str) -> Response:
    iri = visit.iri
    known = visit.cached("exists", iri, make=lambda: Representation(
        b"1" if resources.d.exists(visit.store, visit.iris, iri, visit.partition) else b"0", "text/plain"))
    if known.body != b"1":
        media = visit.media_type(DOCUMENT_OFFERS)
        return visit.not_found(iri, media if isinstance(media, str) else HTML)
    location = resources.page_url(visit.iris, iri)
    if visit.request.url.query:
        location += "?" + visit.request.url.query
    headers = {**CORS_HEADERS, "Location": location, "Vary": VARY,
               "Cache-Control": "private, no-store" if visit.authorised else "public, max-age=86400"}
    body = b"" if visit.request.method == "HEAD" else f'See <a href="{location}">{location}</a>\n'.encode()
    return Response(body, status_code=303, headers=headers, media_type="text/html; charset=utf-8")


@get_and_head(router, "/page/{rest:path}", "The document about a thing")
def thing_page(visit: VisitDep, rest: str) -> Response:
    iri = visit.iris.base + "id/" + rest
    media = visit.media_type(DOCUMENT_OFFERS)
    if isinstance(media, Response):
        return media
    url = resources.page_url(visit.iris, iri)
    try:
        rep = visit.cached("page", iri, media, visit.lang, make=lambda: resources.thing(
            visit.store, visit.iris, iri, media, visit.lang, visit.partition, visit.state, offered(DOCUMENT_OFFERS)))
    except NotFound:
        return visit.not_found(iri, media)
    return respond(visit.request, rep, visit.links(url, DOCUMENT_OFFERS, media))


# -- named graphs ---------------------------------------------------------------------------------


@get_and_head(router, "/graph/{name:path}", "A named graph (its triples)")
def named_graph(visit: VisitDep, name: str) -> Response:
    iri = visit.iri
    media = visit.media_type(GRAPH_OFFERS)
    if isinstance(media, Response):
        return media
    personal = visit.iris.is_personal_graph(iri)
    if personal and not visit.authorised:
        return visit.not_found(iri, media)  # the same answer as for a graph that does not exist
    partition: Partition = "full" if personal else "public"
    try:
        rep = visit.cached("graph", iri, media, visit.lang, make=lambda: resources.graph(
            visit.store, visit.iris, iri, media, visit.lang, partition, visit.state, offered(GRAPH_OFFERS)))
    except NotFound:
        return visit.not_found(iri, media)
    return respond(visit.request, rep, visit.links(iri, GRAPH_OFFERS, media))


# -- the ontology and the JSON-LD context -----------------------------------------------------------


@get_and_head(router, "/ontology", "The ontology (terms are hash IRIs)")
def ontology(visit: VisitDep) -> Response:
    media = visit.media_type(DOCUMENT_OFFERS)
    if isinstance(media, Response):
        return media
    rep = visit.cached("ontology", media, visit.lang,
                       make=lambda: resources.ontology(visit.iris, media, visit.lang, visit.state))
    return respond(visit.request, rep, visit.links(visit.iris.ontology, DOCUMENT_OFFERS, media))


@get_and_head(router, "/ontology/{version}", "A version of the ontology (its owl:versionIRI)")
def ontology_version(visit: VisitDep, version: str) -> Response:
    if visit.iri != _version_iri(visit.iris.base):
        media = visit.media_type(DOCUMENT_OFFERS)
        return media if isinstance(media, Response) else visit.not_found(visit.iri, media)
    return ontology(visit)  # only the current version is published


@functools.cache
def _version_iri(base_iri: str) -> str | None:
    return next((t.object.value for t in ontology_triples(base_iri) if t.predicate.value == OWL_VERSION_IRI), None)


@get_and_head(router, "/context.jsonld", "The JSON-LD @context of our documents")
def jsonld_context(visit: VisitDep) -> Response:
    return respond(visit.request, resources.jsonld_context(visit.iris, visit.state))
