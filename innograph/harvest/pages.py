"""A fetched page through the same loaders as a file, with what the harvest knows about it.

Each page is its own document: the id comes from its final URL (readable part + hash, so two
URLs never share a graph). Its graph records, besides what the loaders extract (including
``ig:sourceUrl`` of the final URL and ``ig:retrievedOn``):

    doc  prov:wasGeneratedBy  <{doc}/retrieval> ;  schema:url  <final URL> ;
         schema:sameAs  <each earlier URL of its redirect chain: the aliases> .
    <{doc}/retrieval>  a prov:Activity ;  prov:endedAtTime  "..."^^xsd:dateTime ;  prov:used  <each URL of the chain> ;
         http:statusCodeValue 200 ;  http:headers  <{doc}/retrieval#etag> ...
    <{doc}/retrieval#etag>  http:fieldName "etag" ;  http:fieldValue "..." .

(``http:`` is the W3C HTTP Vocabulary in RDF; only the validators and the content type are kept.)
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from pyoxigraph import Literal, NamedNode, Triple

from innograph import __version__
from innograph.harvest.content import body_for_loaders
from innograph.harvest.fetcher import Fetched
from innograph.iris import Iris, slug
from innograph.loaders.base import LoadedDocument, LoaderError, SourceMeta
from innograph.loaders.registry import load
from innograph.loading import PAGE_FINGERPRINT_PREFIX
from innograph.namespaces import HTTP, PROV, RDF_TYPE, SCHEMA, XSD_DATETIME, XSD_INTEGER

RECORDED_HEADERS = ("etag", "last-modified", "content-type")


def doc_id_for_url(url: str) -> str:
    """``https://www.region.dk/calls/2024?id=7`` -> ``www-region-dk-calls-2024-id-7-3f2a9c01de``."""
    parts = urlsplit(url)
    readable = slug(f"{parts.hostname or ''} {parts.path} {parts.query}", 60)
    return f"{readable}-{hashlib.sha1(url.encode()).hexdigest()[:10]}"


def page_hash(data: bytes, final_url: str) -> str:
    """What decides 'unchanged' for a page that answered 200: its bytes, the software version and
    its URL (not the retrieval time, so a server without validators still costs no re-extraction)."""
    digest = hashlib.sha256(data)
    digest.update(f"\0{__version__}\0{final_url}".encode())
    return PAGE_FINGERPRINT_PREFIX + "sha256:" + digest.hexdigest()


@dataclass(frozen=True)
class PageInput:
    """What extraction needs of a fetched page (plain data: it goes to a worker process)."""

    chain: tuple[str, ...]
    status: int
    headers: tuple[tuple[str, str], ...]  # the recorded ones, lower-case names
    body: bytes
    retrieved: datetime

    @classmethod
    def of(cls, fetched: Fetched) -> PageInput:
        headers = tuple((name, fetched.headers[name]) for name in RECORDED_HEADERS if name in fetched.headers)
        return cls(tuple(fetched.chain), fetched.status, headers, fetched.body, fetched.retrieved)

    @property
    def final_url(self) -> str:
        return self.chain[-1]

    def header(self, name: str) -> str | None:
        return dict(self.headers).get(name)


@dataclass(frozen=True)
class Unloadable:
    """Why a page gave no graph (the loaders' ``LoaderError`` does not survive pickling, so a
    worker process sends this instead)."""

    code: str
    message: str


def load_in_worker(page: PageInput, base_iri: str) -> LoadedDocument | Unloadable:
    """:func:`load_page` for a worker process: every error comes back as a value."""
    try:
        return load_page(page, base_iri)
    except LoaderError as exc:
        return Unloadable(exc.code, exc.message)
    except Exception as exc:  # a loader bug must not stop the run; the reason is reported
        return Unloadable("loader_crash", f"{type(exc).__name__}: {exc}"[:300])


def load_page(page: PageInput, base_iri: str) -> LoadedDocument:
    """The page's graphs (raises the loaders' ``LoaderError``), with its provenance and hash."""
    iris = Iris(base_iri)
    body = body_for_loaders(page.body, page.header("content-type"))
    doc_id = doc_id_for_url(page.final_url)
    meta = SourceMeta(doc_id=doc_id, url=page.final_url, retrieved=page.retrieved.isoformat(),
                      media_type=body.media_type)
    loaded = load(body.data, meta, iris)
    loaded.content_hash = page_hash(page.body, page.final_url)
    loaded.public.extend(provenance(iris, doc_id, page))
    return loaded


def provenance(iris: Iris, doc_id: str, fetched: PageInput) -> list[Triple]:
    doc = NamedNode(iris.document(doc_id))
    retrieval = NamedNode(f"{doc.value}/retrieval")  # beside the loaders' {doc}/extraction
    stamp = fetched.retrieved.isoformat().replace("+00:00", "Z")
    triples = [
        Triple(doc, NamedNode(PROV + "wasGeneratedBy"), retrieval),
        Triple(doc, NamedNode(SCHEMA + "url"), NamedNode(fetched.final_url)),
        Triple(retrieval, RDF_TYPE, NamedNode(PROV + "Activity")),
        Triple(retrieval, NamedNode(PROV + "endedAtTime"), Literal(stamp, datatype=XSD_DATETIME)),
        Triple(retrieval, NamedNode(HTTP + "statusCodeValue"), Literal(str(fetched.status), datatype=XSD_INTEGER)),
    ]
    triples += [Triple(retrieval, NamedNode(PROV + "used"), NamedNode(url)) for url in fetched.chain]
    triples += [Triple(doc, NamedNode(SCHEMA + "sameAs"), NamedNode(url)) for url in fetched.chain[:-1]]
    for name, value in fetched.headers:
        header = NamedNode(f"{retrieval.value}#{name}")
        triples += [
            Triple(retrieval, NamedNode(HTTP + "headers"), header),
            Triple(header, NamedNode(HTTP + "fieldName"), Literal(name)),
            Triple(header, NamedNode(HTTP + "fieldValue"), Literal(value)),
        ]
    return triples
