"""The store interface shared by both backends, and the errors it raises.

A store has two *partitions*: ``public`` (every public named graph) and ``full`` (the same graphs
plus the personal-data graphs). Personal data is kept apart physically, not by query rewriting:
an anonymous query runs against ``public`` and cannot reach what is not there, whatever it says.
(Restricting a query to a list of public graphs instead was measured ~1000x slower per lookup.)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

from pyoxigraph import Triple

Partition = Literal["public", "full"]
ResultKind = Literal["solutions", "boolean", "graph"]


class StoreError(Exception):
    """Base class; ``code`` is stable and appears in the server's JSON errors."""

    code = "store_error"


class QuerySyntaxError(StoreError):
    code = "query_syntax"


class QueryFailed(StoreError):
    """A well-formed query whose evaluation failed (e.g. it calls an unsupported function)."""

    code = "query_failed"


class UpdateFailed(StoreError):
    """A well-formed update that cannot be applied (e.g. CREATE GRAPH of an existing graph)."""

    code = "update_failed"


class QueryTimeout(StoreError):
    code = "query_timeout"


class ResultTooLarge(StoreError):
    code = "result_too_large"


class NotAcceptable(StoreError):
    """None of the requested media types can carry this kind of result."""

    code = "not_acceptable"

    def __init__(self, kind: ResultKind, message: str) -> None:
        super().__init__(message)
        self.kind = kind


class StoreBusy(StoreError):
    code = "store_busy"


class StoreUnavailable(StoreError):
    code = "store_unavailable"


@dataclass(frozen=True)
class QueryRequest:
    query: str
    partition: Partition = "public"
    accept: Sequence[str] = ()  # media types in preference order; empty = defaults
    default_graphs: Sequence[str] = ()  # protocol default-graph-uri
    named_graphs: Sequence[str] = ()  # protocol named-graph-uri
    union_default_graph: bool = True  # ignored when a dataset is given (protocol or FROM)
    timeout: float | None = None  # seconds; None = the store's default
    max_bytes: int | None = None  # cap of the serialized result; None = the store's default
    base_iri: str | None = None


@dataclass(frozen=True)
class QueryResponse:
    kind: ResultKind
    media_type: str
    body: bytes
    elapsed: float = 0.0


@dataclass
class DocumentWrite:
    """One document's graphs, replaced atomically in each partition."""

    graph: str
    content_hash: str
    public: list[Triple] = field(default_factory=list)
    personal_graph: str | None = None
    personal: list[Triple] = field(default_factory=list)
    extra_public: list[Triple] = field(default_factory=list)  # e.g. change-log entries, other graphs
    extra_graph: str | None = None


class Store(Protocol):
    """What ingest, the server and the partner index may ask of a store."""

    def query(self, request: QueryRequest) -> QueryResponse: ...

    def select(
        self, query: str, bindings: dict[str, object] | None = None, *, partition: Partition = "public"
    ) -> list[dict[str, object]]: ...

    def update(self, update: str, *, partition: Partition = "full") -> None: ...

    def write_document(self, write: DocumentWrite) -> None: ...

    def remove_graphs(self, graphs: Sequence[str], *, log_graph: str | None = None,
                      log: Sequence[Triple] = ()) -> None: ...

    def graph_hashes(self) -> dict[str, str]: ...

    def generation(self) -> int: ...

    def close(self) -> None: ...
