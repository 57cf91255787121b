"""Parsed reads shared by both backends, built on their ``query(QueryRequest)``.

Internal callers (ingest, linked data, partner index) want terms, not bytes: these helpers bind
values safely (:func:`~innograph.sparql_text.bind`), ask for a machine format and parse it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

from pyoxigraph import Quad, QueryResultsFormat, RdfFormat, Triple, parse, parse_query_results

import innograph.sparql_text as sparql_text
from innograph.iris import Iris
from innograph.store.base import Partition, QueryRequest, QueryResponse, StoreError
from innograph.store.formats import DEFAULTS, GRAPH_FORMATS


class SparqlReads:
    iris: Iris

    def query(self, request: QueryRequest) -> QueryResponse:
        raise NotImplementedError

    async def aquery(self, request: QueryRequest) -> QueryResponse:
        """``query`` in a worker thread; a backend with an asyncio path of its own overrides this."""
        return await asyncio.to_thread(self.query, request)

    def _ask_for(self, query: str, bindings: dict[str, Any] | None, partition: Partition, media: str) -> QueryResponse:
        return self.query(QueryRequest(sparql_text.bind(query, bindings), partition=partition, accept=(media,)))

    def select(
        self, query: str, bindings: dict[str, Any] | None = None, *, partition: Partition = "public"
    ) -> list[dict[str, Any]]:
        response = self._ask_for(query, bindings, partition, DEFAULTS["solutions"])
        if response.kind == "boolean":
            raise StoreError("select() got a boolean result; use ask()")
        solutions = parse_query_results(response.body, format=QueryResultsFormat.JSON)
        names = [v.value for v in solutions.variables]  # type: ignore[union-attr]
        return [{n: s[n] for n in names if s[n] is not None} for s in solutions]  # type: ignore[union-attr]

    def ask(self, query: str, bindings: dict[str, Any] | None = None, *, partition: Partition = "public") -> bool:
        response = self._ask_for(query, bindings, partition, DEFAULTS["boolean"])
        return bool(parse_query_results(response.body, format=QueryResultsFormat.JSON))

    def construct(
        self, query: str, bindings: dict[str, Any] | None = None, *, partition: Partition = "public"
    ) -> list[Triple]:
        response = self._ask_for(query, bindings, partition, "application/n-triples")
        fmt = GRAPH_FORMATS.get(response.media_type, RdfFormat.N_TRIPLES)
        return [q.triple for q in parse(response.body, format=fmt)]

    def graph_hashes(self) -> dict[str, str]:
        """Fingerprint of every document graph (ingest skips unchanged documents with it)."""
        rows = self.select(sparql_text.query_text("store/fingerprints", self.iris))
        return {r["g"].value: r["h"].value for r in rows}


class EndpointView:
    """A :class:`~innograph.store.base.ReadView` built on ``select``: every read is a query to the
    store, so successive reads are not isolated from writes in between."""

    def __init__(self, reads: SparqlReads, partition: Partition) -> None:
        self.reads = reads
        self.partition = partition

    def __iter__(self) -> Iterator[Quad]:
        quads = sparql_text.query_text("store/named-quads", self.reads.iris)
        for row in self.reads.select(quads, partition=self.partition):
            yield Quad(row["s"], row["p"], row["o"], row["g"])

    def select(self, query: str, bindings: dict[str, Any] | None = None) -> Iterator[dict[str, Any]]:
        yield from self.reads.select(query, bindings, partition=self.partition)
