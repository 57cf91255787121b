"""The remote backend: any SPARQL 1.1 server (Oxigraph server, Virtuoso, GraphDB, QLever...).

Queries go through SPARQLWrapper, writes through SPARQL Update (one request per document, which
servers such as Oxigraph apply atomically). The public and full views are two datasets on the
server side (two repositories, or two Oxigraph servers): the anonymous view must not be able to
reach personal graphs. Without a full-view endpoint there is no personal view: every write or
query of ``full`` raises :class:`~innograph.store.base.PersonalViewUnavailable` (never redirected
to the public dataset), and ingest leaves personal graphs out on purpose.
The default graph is whatever the server makes of it: configure it as the union of the named
graphs (``oxigraph serve --union-default-graph``; Virtuoso does this by default).
The time limit is enforced on the client side; configure the server's own limit as well
(for example ``oxigraph serve --timeout-s``), since a client cannot stop remote work.
"""

from __future__ import annotations

import json
import math
import socket
import time
import urllib.error
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, nullcontext
from datetime import datetime
from email.message import Message
from pathlib import Path
from typing import Any

import httpx
from pyoxigraph import BlankNode, NamedNode, Triple, parse
from SPARQLWrapper import POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed, SPARQLWrapperException

import innograph.sparql_text as sparql_text
from innograph.iris import Iris
from innograph.store.base import (
    DocumentWrite,
    FileWrite,
    InvalidFile,
    NotAcceptable,
    Partition,
    PersonalViewUnavailable,
    QueryRequest,
    QueryResponse,
    QuerySyntaxError,
    QueryTimeout,
    ResultKind,
    ResultTooLarge,
    StoreError,
    StoreUnavailable,
)
from innograph.store.formats import GRAPH_FORMATS
from innograph.store.reads import EndpointView, SparqlReads

STAGING_PREFIX = "urn:innograph:staging:"  # graphs a large write is staged in before its swap
STAGE_TRIPLES = 50_000  # statements per staging request: bounded memory and request size
SWAP_TIMEOUT = 600.0  # seconds for the one update that moves a staged graph in (1 M statements: bench/)


class RemoteStore(SparqlReads):
    stage_triples = STAGE_TRIPLES
    def __init__(
        self,
        iris: Iris,
        query_url: str,
        update_url: str = "",
        *,
        full_query_url: str = "",
        full_update_url: str = "",
        timeout: float = 30.0,
        max_result_bytes: int = 50_000_000,
    ) -> None:
        if not query_url:
            raise StoreError("the remote backend needs INNOGRAPH_REMOTE_QUERY_URL")
        if full_update_url and not full_query_url:  # half a full view would silently drop personal data
            raise StoreError("INNOGRAPH_REMOTE_FULL_UPDATE_URL is set without INNOGRAPH_REMOTE_FULL_QUERY_URL")
        self.iris = iris
        self._endpoints: dict[Partition, tuple[str, str]] = {"public": (query_url, update_url or query_url)}
        if full_query_url:
            self._endpoints["full"] = (full_query_url, full_update_url or full_query_url)
        self.timeout = timeout
        self.max_result_bytes = max_result_bytes
        self._generation = 0

    # -- capabilities (see the Store protocol) --------------------------------------------------

    @property
    def has_personal_view(self) -> bool:
        return "full" in self._endpoints

    @property
    def data_dir(self) -> Path | None:
        return None

    def start(self) -> None:
        pass  # nothing runs on our side

    def changed_at(self) -> datetime | None:
        return None  # other clients may write to the endpoint: we cannot know

    def _require(self, partition: Partition) -> tuple[str, str]:
        if partition not in self._endpoints:
            raise PersonalViewUnavailable(
                "this store has no personal view: no full-view endpoint is configured "
                "(INNOGRAPH_REMOTE_FULL_QUERY_URL, INNOGRAPH_REMOTE_FULL_UPDATE_URL)"
            )
        return self._endpoints[partition]

    # -- reads ---------------------------------------------------------------------------------

    def _client(self, partition: Partition, timeout: float) -> SPARQLWrapper:
        query_url, update_url = self._require(partition)
        client = SPARQLWrapper(query_url, updateEndpoint=update_url)
        client.setMethod(POST)  # long queries: some servers cut URLs silently
        client.setTimeout(max(1, math.ceil(timeout)))
        client.setOnlyConneg(True)
        return client

    def query(self, request: QueryRequest) -> QueryResponse:
        timeout = request.timeout or self.timeout
        cap = request.max_bytes or self.max_result_bytes
        client = self._client(request.partition, timeout)
        client.setQuery(request.query)
        accept = ", ".join(request.accept) if request.accept else "*/*"
        client.addCustomHttpHeader("Accept", accept)
        for graph in request.default_graphs:
            client.addDefaultGraph(graph)
        for graph in request.named_graphs:
            client.addNamedGraph(graph)
        self._prepare_query(client, request, timeout)
        try:
            response = client.query().response
            body = response.read(cap + 1)
        except QueryBadFormed as exc:
            raise QuerySyntaxError(str(exc)) from exc
        except TimeoutError as exc:
            raise QueryTimeout(f"the remote endpoint did not answer within {timeout:g} s") from exc
        except urllib.error.HTTPError as exc:
            if exc.code == 406:
                raise NotAcceptable("solutions", "the remote endpoint cannot produce that format") from exc
            raise StoreUnavailable(f"remote endpoint: HTTP {exc.code}") from exc
        except (urllib.error.URLError, SPARQLWrapperException, OSError) as exc:
            if isinstance(getattr(exc, "reason", None), TimeoutError | socket.timeout):
                raise QueryTimeout(f"the remote endpoint did not answer within {timeout:g} s") from exc
            raise self._query_failure(exc, timeout) from exc
        if len(body) > cap:
            raise ResultTooLarge(f"the result is larger than {cap} bytes")
        body = self._checked_answer(request, response.headers, body, timeout)
        media_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
        return QueryResponse(kind=_kind(media_type, body), media_type=media_type, body=body)

    # Hooks for a server's dialect (see virtuoso.py); the generic store sends queries as they are.

    def _prepare_query(self, client: SPARQLWrapper, request: QueryRequest, timeout: float) -> None:
        """Adjust the request before it is sent (refuse it, rewrite its text, add parameters)."""

    def _query_failure(self, exc: Exception, timeout: float) -> StoreError:
        """The error a failed query request becomes."""
        return StoreUnavailable(f"remote endpoint: {exc}")

    def _checked_answer(self, request: QueryRequest, headers: Message, body: bytes, timeout: float) -> bytes:
        """The answer as the client gets it: a dialect refuses one that the server marks as
        incomplete (a 200 is not always complete) or puts a non-standard shape right."""
        return body

    def generation(self) -> int:
        return self._generation

    @contextmanager
    def snapshot(self, partition: Partition = "public") -> Iterator[EndpointView]:
        self._require(partition)
        yield EndpointView(self, partition)

    # -- writes --------------------------------------------------------------------------------

    def _update(self, partition: Partition, update: str, *, timeout: float | None = None) -> None:
        if update:
            self._post_update(partition, update, {}, timeout or self.timeout)
            self._generation += 1

    def _post_update(self, partition: Partition, update: str, params: dict[str, str], timeout: float) -> None:
        """One SPARQL Update request, form-encoded as the protocol says. Not through SPARQLWrapper:
        its query-type sniffing runs regular expressions over the whole text (measured: seconds for
        one document's INSERT DATA)."""
        _, update_url = self._require(partition)
        try:
            response = httpx.post(update_url, data={"update": update, **params}, auth=self._auth(), timeout=timeout)
        except httpx.HTTPError as exc:
            raise StoreUnavailable(f"remote update failed: {exc}") from exc
        if response.status_code >= 300:
            raise self._update_failure(response.status_code, response.text)

    def _auth(self) -> httpx.Auth | None:
        """The update endpoints' authentication (none for the generic store)."""
        return None

    def _update_failure(self, status: int, text: str) -> StoreError:
        if status == 400:
            return QuerySyntaxError(f"remote update: {text[:500]}")
        return StoreUnavailable(f"remote update failed: HTTP {status} {text[:300]}")

    def write_document(self, write: DocumentWrite) -> None:
        hash_triple = Triple(
            NamedNode(write.graph), NamedNode(self.iris.term("fingerprint")), sparql_text.term(write.content_hash)
        )
        public = [*write.public, hash_triple]
        if write.personal:
            self._require("full")  # refused before anything is written
        if self.has_personal_view:
            graphs: dict[str, list[Triple]] = {write.graph: public}
            drops = [write.graph]
            if write.personal_graph:
                graphs[write.personal_graph] = write.personal
                drops.append(write.personal_graph)
            self._update("full", _join(sparql_text.drop_graphs(drops), sparql_text.insert_data(graphs)))
        public_graphs: dict[str, list[Triple]] = {write.graph: public}
        if write.extra_graph and write.extra_public:
            public_graphs[write.extra_graph] = write.extra_public
        self._update("public", _join(sparql_text.drop_graphs([write.graph]), sparql_text.insert_data(public_graphs)))

    def write_document_file(self, write: FileWrite) -> int:
        """Streamed, chunk by chunk, into a staging graph of each partition, then swapped in by one
        update per partition (``DROP`` + ``MOVE``): memory holds one chunk, never the file, and
        readers see the old graph or the new one. A blank node cannot span requests, so the
        file's blank nodes become Skolem IRIs (RDF 1.1, section 3.5) under the base IRI."""
        partitions: list[Partition] = ["full", "public"] if self.has_personal_view else ["public"]
        pending = {partition: self._open_stage(partition) for partition in partitions}  # not swapped in yet
        hash_triple = Triple(
            NamedNode(write.graph), NamedNode(self.iris.term("fingerprint")), sparql_text.term(write.content_hash)
        )
        own = {write.graph: [*write.public, hash_triple]}
        statements = 0
        try:
            for chunk in _chunks(_skolemized(write, self.iris.base), self.stage_triples):
                for partition in partitions:
                    self._append_stage(partition, pending[partition], chunk)
                statements += len(chunk)
            if "full" in pending:
                dropped = [write.graph, *([write.personal_graph] if write.personal_graph else [])]
                self._swap("full", {pending.pop("full"): write.graph}, dropped, own)
            if write.extra_graph and write.extra_public:
                own[write.extra_graph] = write.extra_public
            self._swap("public", {pending.pop("public"): write.graph}, [write.graph], own)
        finally:  # a failed swap changed nothing: its staging graph goes too
            for partition, stage in pending.items():
                self._drop_stage(partition, stage)
        return statements

    # Staging hooks: a dialect may stage through a faster path (Virtuoso: the Graph Store Protocol).

    def _open_stage(self, partition: Partition) -> str:
        """A new staging graph's name (nothing is written yet)."""
        return f"{STAGING_PREFIX}{int(time.time())}-{uuid.uuid4().hex}"

    def _append_stage(self, partition: Partition, stage: str, triples: list[Triple]) -> None:
        self._update(partition, sparql_text.insert_data({stage: triples}))

    def _drop_stage(self, partition: Partition, stage: str) -> None:
        self._update(partition, sparql_text.drop_graphs([stage]))

    def _swap(self, partition: Partition, moves: Mapping[str, str], dropped: Sequence[str],
              added: Mapping[str, list[Triple]]) -> None:
        """The staging graphs in (see :meth:`_swap_text`); when that fails, they are dropped."""
        try:
            self._update(partition, self._swap_text(moves, dropped, added), timeout=max(self.timeout, SWAP_TIMEOUT))
        except BaseException:
            for stage in moves:
                self._drop_stage(partition, stage)
            raise

    def _swap_text(self, moves: Mapping[str, str], dropped: Sequence[str], added: Mapping[str, list[Triple]]) -> str:
        """One update: the document's old graphs out, each staging graph (key) in place of its
        graph (value), the document's own triples added."""
        move = [f"MOVE SILENT GRAPH {NamedNode(stage)} TO {NamedNode(graph)}" for stage, graph in moves.items()]
        return _join(sparql_text.drop_graphs(dropped), *move, sparql_text.insert_data(added))

    def remove_graphs(self, graphs: Sequence[str], *, log_graph: str | None = None, log: Sequence[Triple] = ()) -> None:
        if self.has_personal_view:
            self._update("full", sparql_text.drop_graphs([*graphs, *(g + "/personal" for g in graphs)]))
        extra = sparql_text.insert_data({log_graph: list(log)}) if log_graph and log else ""
        self._update("public", _join(sparql_text.drop_graphs(graphs), extra))

    def update(self, update: str, *, partition: Partition = "full") -> None:
        self._require(partition)  # never falls back to another partition
        self._update(partition, update)

    def writing(self) -> nullcontext[None]:
        return nullcontext()  # every write is its own request: no session to keep open

    def close(self) -> None:
        pass


def _kind(media_type: str, body: bytes) -> ResultKind:
    if media_type in GRAPH_FORMATS and media_type != "text/plain":
        return "graph"
    if media_type in ("application/sparql-results+json", "application/json"):
        try:
            return "boolean" if "boolean" in json.loads(body) else "solutions"
        except ValueError:
            return "solutions"
    if media_type in ("application/sparql-results+xml", "application/xml"):
        return "boolean" if b"<boolean>" in body else "solutions"
    return "solutions"


def _join(*updates: str) -> str:
    return " ;\n".join(u for u in updates if u)


def _skolemized(write: FileWrite, base: str) -> Iterator[Triple]:
    """The file's statements as triples of its one graph, blank nodes as Skolem IRIs (the parser's
    labels are unique to this parse, so two files never share one)."""
    genid = f"{base}.well-known/genid/"

    def iri(term: Any) -> Any:
        return NamedNode(genid + term.value) if isinstance(term, BlankNode) else term

    try:
        for quad in parse(path=str(write.path), format=write.format, base_iri=write.base_iri):
            yield Triple(iri(quad.subject), quad.predicate, iri(quad.object))
    except (SyntaxError, ValueError) as exc:
        raise InvalidFile(f"{write.format.name}: {exc}") from exc


def _chunks(triples: Iterable[Triple], size: int) -> Iterator[list[Triple]]:
    chunk: list[Triple] = []
    for triple in triples:
        chunk.append(triple)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
