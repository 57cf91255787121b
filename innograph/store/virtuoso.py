"""The remote backend's Virtuoso dialect (``INNOGRAPH_REMOTE_FLAVOUR=virtuoso``).

Virtuoso 7.2 answers SPARQL 1.1 with deviations that would silently change innograph's answers.
Each one is absorbed here, so that ``remote.py`` stays generic (measured facts:
``../shared/reference/virtuoso-backend.md``; the configuration: ``virtuoso_config.py``; the text
rewriting: ``virtuoso_rewrite.py``; the answers put back in shape: ``virtuoso_answers.py``):

- its default graph is the union of *all* graphs, its own system graphs included: every query is
  sent with ``input:default-graph-exclude`` / ``input:named-graph-exclude`` for those graphs; a
  constant graph (``GRAPH <iri>``), which any exclusion empties, is sent as a variable bound by
  ``VALUES`` (which answers right), except in a ``SELECT *``, which goes without exclusions;
- ``ResultSetMaxRows`` truncates answers with a 200: an answer marked ``X-SPARQL-MaxRows`` is
  refused (:class:`ResultTooLarge`), never returned as complete;
- every query carries innograph's time limit as Virtuoso's "anytime" ``timeout``, so Virtuoso
  itself stops at the limit; the partial answer it then sends (``X-SQL-State: S1TAT``) becomes
  :class:`QueryTimeout`, like its hard limit (``SR171``);
- ``DROP/CLEAR ALL``, ``NAMED`` and ``DEFAULT`` answer 200 and delete nothing: they are rewritten
  into one ``DROP SILENT GRAPH`` per graph, in the same request;
- it has no default graph to write to: the statements of ``INSERT DATA`` / ``DELETE DATA`` that name
  no graph go to :data:`DEFAULT_GRAPH`, a graph that queries see in the default graph but never as
  a named graph (not through ``default-graph-uri``: Virtuoso would then match the request's
  ``WHERE`` clauses in that graph alone, ``GRAPH <g>`` included, and silently change nothing; a
  template without ``GRAPH`` fails loudly);
- ``INSERT DATA`` refuses blank nodes and fails above ~2,000 triples: a large document, one
  with blank nodes, or a large file (streamed in chunks), is loaded through the Graph Store
  Protocol into a staging graph, then swapped in by one update (``DROP`` + ``MOVE``), so the
  replacement stays one transaction; staging graphs are a fixed set of slots that every query
  excludes, so readers never see a write under way (``virtuoso_stage.py``), and one left by a
  crash between staging and swap is dropped at the first use of the partition once it is older
  than :data:`~innograph.store.virtuoso_stage.STALE_STAGE_SECONDS`;
- ASK answers come as a table (``__ASK_RETVAL``) and blank nodes as ``nodeID://`` IRIs-like labels:
  both are put back in the standard shape;
- Virtuoso extensions can fetch URLs (``bif:http_get`` even for anonymous users, ``DEFINE get:soft``
  sponging): queries and updates using ``DEFINE``, ``bif:`` or ``sql:`` are refused before
  anything is sent (:class:`ExtensionRefused`).
"""

from __future__ import annotations

import itertools
import json
import logging
import math
import re
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from email.message import Message
from typing import Any

import httpx
from pyoxigraph import BlankNode, NamedNode, Quad, Triple
from SPARQLWrapper import DIGEST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

import innograph.sparql_text as sparql_text
import innograph.store.virtuoso_stage as staging
from innograph.iris import Iris
from innograph.store.base import (
    DocumentWrite,
    Partition,
    QueryFailed,
    QueryRequest,
    QuerySyntaxError,
    QueryTimeout,
    StoreError,
    StoreUnavailable,
    UpdateFailed,
)
from innograph.store.reads import EndpointView
from innograph.store.remote import RemoteStore
from innograph.store.virtuoso_answers import checked_answer
from innograph.store.virtuoso_config import RESULT_SET_MAX_ROWS, time_limit
from innograph.store.virtuoso_rewrite import (
    blank_nodes_by_template,
    default_graph_explicit,
    explicit_drops,
    graphs_as_variables,
    needs_explicit_drops,
    paging_order,
    refuse_extensions,
    resolved_against_base,
)

# Graphs a fresh Virtuoso 7.2 holds (measured): its RDF-view metadata, the LDP vocabulary and the
# service description (named after [URIQA] DefaultHost, unset in virtuoso_config.py).
SYSTEM_GRAPHS = (
    "http://www.openlinksw.com/schemas/virtrdf#",
    "http://www.w3.org/ns/ldp#",
    "http://localuriqaserver/sparql",
)
DEFAULT_GRAPH = "urn:innograph:default-graph"  # where updates without GRAPH write
INSERT_DATA_TRIPLES = 1000  # above this, one INSERT DATA is slow or refused ("10000 lines")
PAGE_ROWS = 50_000  # rows per page of a paged read: under the row cap, and at a few hundred bytes a
# row well under innograph's byte cap (50 MB by default)
ANYTIME_GRACE = 5.0  # seconds the client waits past the limit for Virtuoso's own (partial) answer
LIMITS = (
    'SELECT (bif:virtuoso_ini_item_value("SPARQL", "MaxQueryExecutionTime") AS ?t) '
    '(bif:virtuoso_ini_item_value("SPARQL", "ResultSetMaxRows") AS ?r) WHERE { }'
)
log = logging.getLogger(__name__)


class VirtuosoStore(RemoteStore):
    """:class:`RemoteStore` for Virtuoso: one instance per partition (``public`` and ``full``)."""

    def __init__(self, iris: Iris, query_url: str, update_url: str = "", *, user: str = "", password: str = "",
                 **endpoints: Any) -> None:
        """``endpoints``: the full view's URLs, the time limit and the byte cap, as for RemoteStore."""
        super().__init__(iris, query_url, update_url, **endpoints)
        self.user = user
        self.password = password
        self._checked: set[Partition] = set()
        self._page_rows: dict[Partition, int] = {}  # each partition's ResultSetMaxRows
        self._check_lock = threading.Lock()
        hidden = [*SYSTEM_GRAPHS, *staging.SLOTS]
        named = [*hidden, DEFAULT_GRAPH]
        self._excludes = "".join(f"DEFINE input:default-graph-exclude <{g}>\n" for g in hidden)
        self._excludes += "".join(f"DEFINE input:named-graph-exclude <{g}>\n" for g in named)

    def start(self) -> None:
        for partition in self._endpoints:
            self._checked_config(partition)

    # -- configuration check: fail loudly at the first use ------------------------------------

    def _checked_config(self, partition: Partition) -> None:
        with self._check_lock:
            if partition in self._checked:
                return
            limit, rows = self._server_limits(partition)
            wanted = time_limit(self.timeout)
            if not 0 < limit <= wanted:
                raise StoreError(
                    f"Virtuoso ({partition}): [SPARQL] MaxQueryExecutionTime is {limit}, it must be between 1 and "
                    f"{wanted} (INNOGRAPH_QUERY_TIMEOUT rounded up) so that Virtuoso stops work at the limit too; "
                    "write the ini with `python -m innograph.store.virtuoso_config`"
                )
            if rows <= 0:
                raise StoreError(f"Virtuoso ({partition}): [SPARQL] ResultSetMaxRows must be set (it is {rows})")
            self._page_rows[partition] = min(rows, RESULT_SET_MAX_ROWS)
            self._checked.add(partition)
        self.drop_stale_stages(partition)

    def drop_stale_stages(self, partition: Partition, *, older_than: float = staging.STALE_STAGE_SECONDS) -> list[str]:
        """Drop the staging slots a crash left between staging and swap (readers never see them,
        but they hold their triples and their slot). Younger ones may belong to a write under way
        in another process and are kept."""
        stale = staging.stale_slots(self._slot_markers(partition), older_than)
        if stale:
            log.warning("Virtuoso (%s): dropping %d staging graph(s) of interrupted writes", partition, len(stale))
            self._update(partition, sparql_text.drop_graphs(stale))
        return stale

    def _server_limits(self, partition: Partition) -> tuple[int, int]:
        rows = self._raw_bindings(partition, LIMITS)
        if not rows:
            raise StoreUnavailable(f"Virtuoso ({partition}): cannot read its limits")
        return _int_or_zero(rows[0].get("t")), _int_or_zero(rows[0].get("r"))

    def _slot_markers(self, partition: Partition) -> dict[str, list[str]]:
        return staging.markers_by_slot(self._raw_bindings(partition, staging.MARKERS))

    def _raw_bindings(self, partition: Partition, query: str) -> list[dict[str, dict[str, str]]]:
        """The JSON bindings of one of innograph's own queries, sent without the readers' exclusions
        (they hide the staging slots) and without the configuration check."""
        client = super()._client(partition, self.timeout)
        client.setQuery(query)
        client.addCustomHttpHeader("Accept", "application/sparql-results+json")
        try:
            rows: list[dict[str, dict[str, str]]] = json.loads(client.query().response.read())["results"]["bindings"]
        except (OSError, SPARQLWrapperException, ValueError, KeyError) as exc:
            raise StoreUnavailable(f"Virtuoso ({partition}): {exc}") from exc
        return rows

    # -- queries ----------------------------------------------------------------------------------

    def _client(self, partition: Partition, timeout: float) -> SPARQLWrapper:
        client = super()._client(partition, timeout)
        if self.user:
            client.setHTTPAuth(DIGEST)
            client.setCredentials(self.user, self.password)
        return client

    def _prepare_query(self, client: SPARQLWrapper, request: QueryRequest, timeout: float) -> None:
        refuse_extensions(request.query)
        self._checked_config(request.partition)
        # Virtuoso finds nothing in GRAPH <iri> once an exclusion is defined, but a graph bound
        # through VALUES answers right (measured): constants become VALUES-bound variables. A
        # query that projects * would show that variable: it goes as it is, without exclusions.
        # Relative IRIs resolved here, against the request's base (the endpoint) and the query's BASE
        based = f"BASE <{request.base_iri}>\n{request.query}" if request.base_iri else request.query
        text = resolved_against_base(based)
        rewritten = graphs_as_variables(text)
        client.setQuery(text if rewritten is None else self._excludes + rewritten)
        client.addParameter("timeout", str(math.ceil(timeout * 1000)))  # "anytime": Virtuoso stops at the limit
        client.setTimeout(math.ceil(timeout + ANYTIME_GRACE))

    def _query_failure(self, exc: Exception, timeout: float) -> StoreError:
        if not isinstance(exc, SPARQLWrapperException):
            return StoreUnavailable(f"Virtuoso: {exc}")
        if any(state in str(exc) for state in ("SR171", "S1T00", "S1TAT")):  # S1TAT: "anytime" cut mid-answer
            return QueryTimeout(f"Virtuoso stopped the query at its time limit ({timeout:g} s)")
        return QueryFailed(f"Virtuoso: {_server_message(str(exc))}")

    def _checked_answer(self, request: QueryRequest, headers: Message, body: bytes, timeout: float) -> bytes:
        return checked_answer(request.query, headers, body, timeout)

    @contextmanager
    def snapshot(self, partition: Partition = "public") -> Iterator[EndpointView]:
        self._require(partition)
        yield PagedView(self, partition)

    def page_size(self, partition: Partition) -> int:
        """Rows per page of a paged read of ``partition``: half its row cap, at most PAGE_ROWS."""
        self._checked_config(partition)
        return min(PAGE_ROWS, self._page_rows[partition] // 2)

    def graph_quads(self, partition: Partition, graph: str) -> Iterator[Quad]:
        """One graph's quads in pages below the row cap (a whole-store read would reach it)."""
        page_size = self.page_size(partition)
        name = NamedNode(graph)
        for offset in itertools.count(0, page_size):
            page = f"ORDER BY ?s ?p ?o LIMIT {page_size} OFFSET {offset}"
            query = f"SELECT ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }} {page}"
            rows = self.select(query, {"g": name}, partition=partition)
            yield from (Quad(r["s"], r["p"], r["o"], name) for r in rows)
            if len(rows) < page_size:
                return

    # -- writes -----------------------------------------------------------------------------------

    def _update(self, partition: Partition, update: str, *, timeout: float | None = None) -> None:
        if not update:
            return
        refuse_extensions(update)
        self._checked_config(partition)
        if needs_explicit_drops(update):  # Virtuoso answers 200 to DROP ALL and deletes nothing
            named = [g for g in self.named_graphs(partition) if g != DEFAULT_GRAPH]
            update = explicit_drops(update, named, DEFAULT_GRAPH)
        update = default_graph_explicit(resolved_against_base(update), DEFAULT_GRAPH)
        self._post_update(partition, blank_nodes_by_template(update), {}, timeout or self.timeout)
        self._generation += 1

    def _auth(self) -> httpx.Auth | None:
        return httpx.DigestAuth(self.user, self.password) if self.user else None

    def _update_failure(self, status: int, text: str) -> StoreError:
        message = _server_message(text)
        return QuerySyntaxError(message) if status == 400 else UpdateFailed(f"Virtuoso: {message}")

    def named_graphs(self, partition: Partition) -> list[str]:
        rows = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", partition=partition)
        return [r["g"].value for r in rows if isinstance(r.get("g"), NamedNode)]

    def write_document(self, write: DocumentWrite) -> None:
        sizes = [len(write.public), len(write.personal), len(write.extra_public)]
        triples = [*write.public, *write.personal, *write.extra_public]
        if sum(sizes) < INSERT_DATA_TRIPLES and not any(_has_blank_node(t) for t in triples):
            super().write_document(write)  # one small INSERT DATA per partition
            return
        if write.personal:
            self._require("full")  # refused before anything is written
        hash_triple = Triple(
            NamedNode(write.graph), NamedNode(self.iris.term("fingerprint")), sparql_text.term(write.content_hash)
        )
        public = [*write.public, hash_triple]
        if self.has_personal_view:
            replace = {write.graph: public}
            if write.personal_graph:
                replace[write.personal_graph] = write.personal
            self._staged_write("full", replace, {})
        added = {write.extra_graph: write.extra_public} if write.extra_graph and write.extra_public else {}
        self._staged_write("public", {write.graph: public}, added)

    def _staged_write(
        self, partition: Partition, replace: Mapping[str, list[Triple]], add: Mapping[str, list[Triple]]
    ) -> None:
        """Each replaced graph into a staging slot in one Graph Store Protocol request (its blank
        nodes stay one), then all swapped in with one update (one transaction): readers see the
        old graphs or the new ones. ``add`` goes in with the swap."""
        moves: dict[str, str] = {}
        try:
            for graph, triples in replace.items():
                if triples:
                    stage = self._open_stage(partition)
                    moves[stage] = graph
                    self._append_stage(partition, stage, triples)
        except BaseException:
            for stage in moves:
                self._drop_stage(partition, stage)
            raise
        self._swap(partition, moves, list(replace), add)

    # -- staging hooks (see RemoteStore.write_document_file and virtuoso_stage.py) ----------------

    def _open_stage(self, partition: Partition) -> str:
        """Claim a free staging slot with a marker (see virtuoso_stage.py)."""
        self._checked_config(partition)
        for slot in staging.free_slots(self._slot_markers(partition)):
            token = staging.new_token()
            mark = staging.marker(slot, token)
            self._update(partition, sparql_text.insert_data({slot: [mark]}))
            if staging.holds_alone(self._slot_markers(partition).get(slot, []), token):
                return slot
            self._update(partition, f"DELETE DATA {{ GRAPH <{slot}> {{ {mark} }} }}")
        raise staging.NoFreeSlot(f"Virtuoso ({partition}): every staging slot holds a write under way")

    def _append_stage(self, partition: Partition, stage: str, triples: list[Triple]) -> None:
        _, update_url = self._require(partition)
        staging.post_triples(staging.graph_store_url(update_url), stage, triples, self._auth(), max(self.timeout, 60.0))

    def _swap_text(self, moves: Mapping[str, str], dropped: Sequence[str], added: Mapping[str, list[Triple]]) -> str:
        return " ;\n".join(filter(None, [staging.release_text(moves), super()._swap_text(moves, dropped, added)]))


class PagedView(EndpointView):
    """The remote read view, read graph by graph and page by page: Virtuoso's row cap
    (``ResultSetMaxRows``) and innograph's byte cap never meet a whole-store answer."""

    reads: VirtuosoStore

    def __iter__(self) -> Iterator[Quad]:
        for graph in self.reads.named_graphs(self.partition):
            yield from self.reads.graph_quads(self.partition, graph)

    def select(self, query: str, bindings: dict[str, Any] | None = None) -> Iterator[dict[str, Any]]:
        """Rows of a SELECT in pages (ORDER BY every projected variable, LIMIT, OFFSET), so that a
        whole-store read such as the partner index's meets neither cap. A query that pages itself
        or projects ``*`` is sent as it is (the caps then refuse an answer too large)."""
        text = sparql_text.bind(query, bindings)
        order = paging_order(text)
        if order is None:
            yield from self.reads.select(text, partition=self.partition)
            return
        page_size = self.reads.page_size(self.partition)
        for offset in itertools.count(0, page_size):
            page = f"{text}\nORDER BY {' '.join(order)} LIMIT {page_size} OFFSET {offset}"
            rows = self.reads.select(page, partition=self.partition)
            yield from rows
            if len(rows) < page_size:
                return


def _has_blank_node(triple: Triple) -> bool:
    return isinstance(triple.subject, BlankNode) or isinstance(triple.object, BlankNode)


def _int_or_zero(binding: dict[str, str] | None) -> int:
    try:
        return int(float(binding["value"])) if binding else 0
    except ValueError:
        return 0


def _server_message(text: str) -> str:
    """Virtuoso's own error line out of its answer (or SPARQLWrapper's wrapping of it)."""
    found = re.search(r"Virtuoso \w+ Error [^\\\n]*", text)
    return found.group(0) if found else text[:500]
