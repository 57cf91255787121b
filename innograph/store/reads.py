"""Parsed reads shared by both backends, built on their ``query(QueryRequest)``.

Internal callers (ingest, linked data, partner index) want terms, not bytes: these helpers bind
values safely (:func:`~innograph.store.sparql_text.bind`), ask for a machine format and parse it.
"""

from __future__ import annotations

from typing import Any

from pyoxigraph import NamedNode, QueryResultsFormat, RdfFormat, Triple, parse, parse_query_results

from innograph.iris import Iris
from innograph.store import sparql_text
from innograph.store.base import Partition, QueryRequest, QueryResponse, StoreError
from innograph.store.formats import DEFAULTS, GRAPH_FORMATS


class SparqlReads:
    iris: Iris

    def query(self, request: QueryRequest) -> QueryResponse:
        raise NotImplementedError

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
        # our own constant term, written inline: no user input here
        predicate = NamedNode(self.iris.term("fingerprint"))
        rows = self.select(f"SELECT ?g ?h WHERE {{ GRAPH ?g {{ ?g {predicate} ?h }} }}")
        return {r["g"].value: r["h"].value for r in rows}
