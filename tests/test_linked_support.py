"""Shared helpers of the linked-data tests: a tiny store with public and personal data, served by the
whole app in-process (TestClient) at an address that IS the base IRI
(``INNOGRAPH_BASE_IRI=http://linked.test/``, and requests go to that host)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from conftest import TOKEN, Api, api_for, make_settings
from fastapi.testclient import TestClient
from pyoxigraph import Literal, NamedNode, Triple

from innograph import namespaces
from innograph.ingest import change_log
from innograph.iris import Iris
from innograph.namespaces import FOAF_NAME, RDF_TYPE, RDFS_LABEL, SKOS_ALT_LABEL, SKOS_PREF_LABEL, XSD_INTEGER
from innograph.store import DocumentWrite
from innograph.store.embedded import EmbeddedStore

DCT_TITLE = NamedNode(namespaces.DCT + "title")
VCARD_EMAIL = NamedNode(namespaces.VCARD + "hasEmail")
XSD_GYEAR = NamedNode(namespaces.XSD + "gYear")
SECRETS = ("Jeanne Secretperson", "jeanne.secret@example.org", "contact-hidden@example.org")


def ig(iris: Iris, name: str) -> NamedNode:
    return NamedNode(iris.term(name))


def document_triples(iris: Iris, doc_id: str, org_keys: list[str], *, title: str, lang: str) -> list[Triple]:
    """One source document mentioning organisations, each with a label and one evidence sentence."""
    doc = NamedNode(iris.document(doc_id))
    out = [
        Triple(doc, RDF_TYPE, ig(iris, "SourceDocument")),
        Triple(doc, DCT_TITLE, Literal(title, language=lang)),
        Triple(doc, ig(iris, "sourceUrl"), NamedNode(f"https://example.org/source/{doc_id}.html")),
        Triple(doc, ig(iris, "mentionsCountry"), NamedNode(iris.entity("country", "FR"))),
    ]
    for n, key in enumerate(org_keys):
        org = NamedNode(iris.entity("organisation", key))
        name = Literal(f"Agence {key.title()}", language=lang)
        ev = NamedNode(f"{doc.value}/evidence/{key}")
        out += [
            Triple(doc, ig(iris, "mentions"), org),
            Triple(org, RDF_TYPE, ig(iris, "Organisation")),
            Triple(org, RDFS_LABEL, name),
            Triple(org, SKOS_PREF_LABEL, name),
            Triple(org, SKOS_ALT_LABEL, Literal(key.upper())),
            Triple(org, ig(iris, "country"), NamedNode(iris.entity("country", "FR"))),
            Triple(org, ig(iris, "theme"), NamedNode(iris.entity("theme", "green-energy"))),
            Triple(org, ig(iris, "startDate"), Literal(str(2014 + n), datatype=XSD_GYEAR)),
            Triple(ev, RDF_TYPE, ig(iris, "Evidence")),
            Triple(ev, ig(iris, "evidenceFor"), org),
            Triple(ev, ig(iris, "evidenceProperty"), RDFS_LABEL),
            Triple(ev, ig(iris, "evidenceValue"), name),
            Triple(ev, ig(iris, "inDocument"), doc),
            Triple(ev, RDFS_LABEL, Literal(f"Agence {key.title()}")),
            Triple(ev, ig(iris, "sentence"), Literal(f"La Agence {key.title()} soutient les projets {doc_id}.")),
            Triple(ev, ig(iris, "startOffset"), Literal(str(3 + 40 * n), datatype=XSD_INTEGER)),
            Triple(ev, ig(iris, "endOffset"), Literal(str(3 + 40 * n + 7 + len(key)), datatype=XSD_INTEGER)),
        ]
    return out


def personal_triples(iris: Iris, doc_id: str) -> list[Triple]:
    doc = NamedNode(iris.document(doc_id))
    person = NamedNode(iris.entity("person", f"{doc_id}-0123456789ab"))
    contact = NamedNode(iris.entity("contact", f"{doc_id}-c1"))
    return [
        Triple(doc, ig(iris, "mentionsPerson"), person),
        Triple(person, RDF_TYPE, ig(iris, "Person")),
        Triple(person, FOAF_NAME, Literal(SECRETS[0])),
        Triple(person, VCARD_EMAIL, NamedNode("mailto:" + SECRETS[1])),
        Triple(contact, RDF_TYPE, ig(iris, "ContactPoint")),
        Triple(contact, VCARD_EMAIL, NamedNode("mailto:" + SECRETS[2])),
    ]


def write_document(store: EmbeddedStore, iris: Iris, doc_id: str, org_keys: list[str], *, title: str = "Rapport",
                   lang: str = "fr", change: str = "created", personal: bool = True) -> None:
    graph = iris.graph(doc_id)
    public = document_triples(iris, doc_id, org_keys, title=title, lang=lang)
    public.append(Triple(NamedNode(graph), ig(iris, "sourceDocument"), NamedNode(iris.document(doc_id))))
    fingerprint = f"sha256:{doc_id}-{title}-{'-'.join(org_keys)}"
    store.write_document(DocumentWrite(
        graph=graph, content_hash=fingerprint, public=public,
        personal_graph=iris.personal_graph(doc_id) if personal else None,
        personal=personal_triples(iris, doc_id) if personal else [],
        extra_graph=iris.graph("changes"), extra_public=change_log(iris, graph, change, fingerprint),
    ))


def delete_document(store: EmbeddedStore, iris: Iris, doc_id: str) -> None:
    graph = iris.graph(doc_id)
    store.remove_graphs([graph], log_graph=iris.graph("changes"), log=change_log(iris, graph, "deleted", "sha256:-"))


def write_reference(store: EmbeddedStore, iris: Iris) -> None:
    """A small reference graph (a country, a theme concept in four languages, its scheme)."""
    country = NamedNode(iris.entity("country", "FR"))
    theme = NamedNode(iris.entity("theme", "green-energy"))
    scheme = NamedNode(iris.entity("theme", "scheme"))
    skos = "http://www.w3.org/2004/02/skos/core#"
    triples = [
        Triple(country, RDF_TYPE, ig(iris, "Country")),
        Triple(country, RDFS_LABEL, Literal("France", language="en")),
        Triple(country, RDFS_LABEL, Literal("Frankrig", language="da")),
        Triple(scheme, RDF_TYPE, NamedNode(skos + "ConceptScheme")),
        Triple(scheme, SKOS_PREF_LABEL, Literal("Themes", language="en")),
        Triple(theme, RDF_TYPE, NamedNode(skos + "Concept")),
        Triple(theme, RDF_TYPE, ig(iris, "Theme")),
        Triple(theme, NamedNode(skos + "inScheme"), scheme),
        Triple(theme, SKOS_PREF_LABEL, Literal("green energy", language="en")),
        Triple(theme, SKOS_PREF_LABEL, Literal("énergie verte", language="fr")),
        Triple(theme, SKOS_PREF_LABEL, Literal("grøn energi", language="da")),
        Triple(theme, SKOS_PREF_LABEL, Literal("groene energie", language="nl")),
    ]
    store.write_document(DocumentWrite(graph=iris.reference_graph, content_hash="sha256:reference", public=triples))


@dataclass
class LinkedServer:
    url: str  # http://HOST (no trailing slash)
    base: str  # the base IRI: url + "/"
    iris: Iris
    store: EmbeddedStore
    store_dir: Path
    api: Api

    def client(self, token: str | None = None, **kwargs: Any) -> TestClient:
        return self.api.client(token, **kwargs)


@contextmanager
def linked_server(store_dir: Path, fill: bool = True, host: str = "linked.test") -> Iterator[LinkedServer]:
    """A store whose IRIs are minted under the app's own address, and that app (in-process)."""
    url = f"http://{host}"
    base = url + "/"
    iris = Iris(base)
    store = EmbeddedStore(store_dir, iris, workers=2, timeout=10.0)
    try:
        if fill:
            with store.writing():  # one write session for the batch (each write stays atomic)
                write_reference(store, iris)
                write_document(store, iris, "doc-a", ["alpha", "gamma"], title="Rapport annuel")
                write_document(store, iris, "doc-b", ["alpha", "beta"], title="Jaarverslag", lang="nl")
        api = api_for(store, make_settings(store_dir, token=TOKEN, base_iri=base), url)
        yield LinkedServer(url, base, iris, store, store_dir, api)
    finally:
        store.close()
