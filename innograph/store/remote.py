"""The remote backend: any SPARQL 1.1 server (Oxigraph server, Virtuoso, GraphDB, QLever...).

Queries go through SPARQLWrapper, writes through SPARQL Update (one request per document, which
servers such as Oxigraph apply atomically). The public and full views are two datasets on the
server side (two repositories, or two Oxigraph servers): the anonymous view must not be able to
reach personal graphs. Without a full-view endpoint, personal graphs are not written at all.
The default graph is whatever the server makes of it: configure it as the union of the named
graphs (``oxigraph serve --union-default-graph``; Virtuoso does this by default).
The time limit is enforced on the client side; configure the server's own limit as well
(for example ``oxigraph serve --timeout-s``), since a client cannot stop remote work.
"""

from __future__ import annotations

import json
import logging
import math
import socket
import urllib.error
from collections.abc import Sequence

from pyoxigraph import NamedNode, Triple
from SPARQLWrapper import POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed, SPARQLWrapperException

from innograph.iris import Iris
from innograph.store import sparql_text
from innograph.store.base import (
    DocumentWrite,
    NotAcceptable,
    Partition,
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
from innograph.store.reads import SparqlReads

log = logging.getLogger(__name__)


class RemoteStore(SparqlReads):
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
        self.iris = iris
        self.urls: dict[Partition, tuple[str, str]] = {"public": (query_url, update_url or query_url)}
        if full_query_url:
            self.urls["full"] = (full_query_url, full_update_url or full_query_url)
        self.timeout = timeout
        self.max_result_bytes = max_result_bytes
        self._generation = 0

    # -- reads ---------------------------------------------------------------------------------

    def _client(self, partition: Partition, timeout: float) -> SPARQLWrapper:
        if partition not in self.urls:
            raise StoreUnavailable("no full-view endpoint configured (INNOGRAPH_REMOTE_FULL_QUERY_URL)")
        query_url, update_url = self.urls[partition]
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
            raise StoreUnavailable(f"remote endpoint: {exc}") from exc
        if len(body) > cap:
            raise ResultTooLarge(f"the result is larger than {cap} bytes")
        media_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
        return QueryResponse(kind=_kind(media_type, body), media_type=media_type, body=body)

    def generation(self) -> int:
        return self._generation

    # -- writes --------------------------------------------------------------------------------

    def _update(self, partition: Partition, update: str) -> None:
        if not update:
            return
        client = self._client(partition, self.timeout)
        client.setQuery(update)
        try:
            client.query()
        except QueryBadFormed as exc:
            raise QuerySyntaxError(str(exc)) from exc
        except (urllib.error.URLError, SPARQLWrapperException, OSError) as exc:
            raise StoreUnavailable(f"remote update failed: {exc}") from exc
        self._generation += 1

    def write_document(self, write: DocumentWrite) -> None:
        hash_triple = Triple(
            NamedNode(write.graph), NamedNode(self.iris.term("fingerprint")), sparql_text.term(write.content_hash)
        )
        public = [*write.public, hash_triple]
        if "full" in self.urls:
            graphs: dict[str, list[Triple]] = {write.graph: public}
            drops = [write.graph]
            if write.personal_graph:
                graphs[write.personal_graph] = write.personal
                drops.append(write.personal_graph)
            self._update("full", _join(sparql_text.drop_graphs(drops), sparql_text.insert_data(graphs)))
        elif write.personal:
            log.warning("%s: personal graph not stored (no full-view endpoint configured)", write.graph)
        public_graphs: dict[str, list[Triple]] = {write.graph: public}
        if write.extra_graph and write.extra_public:
            public_graphs[write.extra_graph] = write.extra_public
        self._update("public", _join(sparql_text.drop_graphs([write.graph]), sparql_text.insert_data(public_graphs)))

    def remove_graphs(self, graphs: Sequence[str], *, log_graph: str | None = None, log: Sequence[Triple] = ()) -> None:
        if "full" in self.urls:
            self._update("full", sparql_text.drop_graphs([*graphs, *(g + "/personal" for g in graphs)]))
        extra = sparql_text.insert_data({log_graph: list(log)}) if log_graph and log else ""
        self._update("public", _join(sparql_text.drop_graphs(graphs), extra))

    def update(self, update: str, *, partition: Partition = "full") -> None:
        self._update(partition if partition in self.urls else "public", update)

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
