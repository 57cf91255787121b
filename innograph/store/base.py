"""The store interface shared by both backends, and the errors it raises.

A store has two *partitions*: ``public`` (every public named graph) and ``full`` (the same graphs
plus the personal-data graphs). Personal data is kept apart physically, not by query rewriting:
an anonymous query runs against ``public`` and cannot reach what is not there, whatever it says.
(Restricting a query to a list of public graphs instead was measured ~1000x slower per lookup.)
A store may have no ``full`` partition (``has_personal_view``); see README.md in this folder.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal, Protocol

from pyoxigraph import Quad, RdfFormat, Triple

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


class InvalidFile(StoreError):
    """An RDF file given to :meth:`Store.write_document_file` does not parse; nothing was written."""

    code = "invalid_rdf"


class PersonalViewUnavailable(StoreUnavailable):
    """A write or read of the ``full`` partition on a store that has none (a remote store
    configured with one dataset only). Never silently redirected to ``public``."""


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


@dataclass
class FileWrite:
    """One document whose statements are an RDF file: streamed into ``graph`` (every statement,
    whatever graph a dataset format names), never held in memory as a whole. ``public`` holds a
    few statements of its own for the same graph (e.g. its source document); an RDF file has no
    personal statements, so ``personal_graph`` is only emptied in ``full``."""

    graph: str
    content_hash: str
    path: Path
    format: RdfFormat
    base_iri: str
    public: list[Triple] = field(default_factory=list)
    personal_graph: str | None = None
    extra_public: list[Triple] = field(default_factory=list)  # e.g. the change-log entry
    extra_graph: str | None = None


class ReadView(Protocol):
    """One partition, read in this process: see :meth:`Store.snapshot`."""

    def __iter__(self) -> Iterator[Quad]:
        """The quads of the partition's named graphs (never the default graph)."""
        ...

    def select(self, query: str, bindings: dict[str, Any] | None = None) -> Iterator[dict[str, Any]]:
        """Rows of a SELECT over the union of the named graphs; unbound variables left out."""
        ...


class Store(Protocol):
    """Everything ingest, the server and the partner index may ask of a store.

    Callers never inspect a backend (its class, files or endpoints): what differs between backends
    is said here, as a capability (``has_personal_view``, ``data_dir``, ``changed_at``).
    """

    @property
    def has_personal_view(self) -> bool:
        """True when the store has the ``full`` partition (personal graphs). Without it, every
        write or query of ``full`` raises :class:`PersonalViewUnavailable`."""
        ...

    @property
    def data_dir(self) -> Path | None:
        """The folder holding the store's own files (derived files such as dumps may go under
        it); None for a store that lives elsewhere (remote)."""
        ...

    def start(self) -> None:
        """Start background resources now (the embedded query workers), so the first query does
        not pay for them. Idempotent."""
        ...

    def query(self, request: QueryRequest) -> QueryResponse: ...

    async def aquery(self, request: QueryRequest) -> QueryResponse:
        """``query`` for an asyncio caller, without blocking the event loop for long: the backend
        decides how (embedded: cheap public queries in-process, in a short slice, ``direct.py``;
        the rest in its worker processes), under the same limits, errors and bytes."""
        ...

    def select(
        self, query: str, bindings: dict[str, Any] | None = None, *, partition: Partition = "public"
    ) -> list[dict[str, Any]]: ...

    def ask(self, query: str, bindings: dict[str, Any] | None = None, *, partition: Partition = "public") -> bool: ...

    def construct(
        self, query: str, bindings: dict[str, Any] | None = None, *, partition: Partition = "public"
    ) -> list[Triple]: ...

    def snapshot(self, partition: Partition = "public") -> AbstractContextManager[ReadView]:
        """A read view of one partition in this process (dumps, the partner index). Embedded: a
        consistent read-only snapshot; remote: reads through the endpoint, not isolated."""
        ...

    def update(self, update: str, *, partition: Partition = "full") -> None:
        """Run a SPARQL Update on one partition, never another: ``full`` on a store without a
        personal view raises :class:`PersonalViewUnavailable` (see server/sparql_update.py for
        how an update reaches both partitions)."""
        ...

    def write_document(self, write: DocumentWrite) -> None:
        """Replace one document's graphs, atomically per partition. Raises
        :class:`PersonalViewUnavailable` when ``write.personal`` is set and there is no ``full``."""
        ...

    def write_document_file(self, write: FileWrite) -> int:
        """Replace one document's graph with the statements of an RDF file, atomically per
        partition like :meth:`write_document`, in memory that does not grow with the file
        where the backend can (embedded: see ``bulk.py``). Returns the statements stored in the
        graph from the file; raises :class:`InvalidFile` (nothing written) when it does not parse."""
        ...

    def writing(self) -> AbstractContextManager[None]:
        """One write session for a batch (each write stays its own atomic update)."""
        ...

    def remove_graphs(self, graphs: Sequence[str], *, log_graph: str | None = None,
                      log: Sequence[Triple] = ()) -> None: ...

    def graph_hashes(self) -> dict[str, str]: ...

    def generation(self) -> int:
        """A counter that grows with every committed write this process can see."""
        ...

    def changed_at(self) -> datetime | None:
        """When the last committed write happened (UTC); None when writes are not seen here."""
        ...

    def close(self) -> None: ...
