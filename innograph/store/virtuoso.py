"""The remote backend's Virtuoso dialect (``INNOGRAPH_REMOTE_FLAVOUR=virtuoso``).

Virtuoso 7.2 answers SPARQL 1.1 with deviations that would silently change innograph's answers.
Each one is absorbed here, so that ``remote.py`` stays generic (measured facts:
``../shared/reference/virtuoso-backend.md``; the configuration: ``virtuoso_config.py``):

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
- it has no default graph to write to: updates run with ``default-graph-uri`` = :data:`DEFAULT_GRAPH`,
  a graph that queries see in the default graph but never as a named graph;
- ``INSERT DATA`` refuses blank nodes and fails above ~2,000 triples: a large document, or one
  with blank nodes, is loaded through the Graph Store Protocol into a staging graph, then swapped
  in by one update (``DROP`` + ``MOVE``), so the replacement stays one transaction; a staging
  graph left by a crash between staging and swap is dropped at the first use of the partition
  once it is older than :data:`STALE_STAGE_SECONDS` (its name carries its time of creation);
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
import time
import uuid
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from email.message import Message
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx
from pyoxigraph import BlankNode, NamedNode, Quad, Triple
from SPARQLWrapper import DIGEST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed, SPARQLWrapperException

import innograph.store.sparql_text as sparql_text
from innograph.iris import Iris
from innograph.store.base import (
    DocumentWrite,
    Partition,
    QueryFailed,
    QueryRequest,
    QuerySyntaxError,
    QueryTimeout,
    ResultTooLarge,
    StoreError,
    StoreUnavailable,
    UpdateFailed,
)
from innograph.store.reads import EndpointView
from innograph.store.remote import RemoteStore
from innograph.store.virtuoso_config import RESULT_SET_MAX_ROWS, time_limit

# Graphs a fresh Virtuoso 7.2 holds (measured): its RDF-view metadata, the LDP vocabulary and the
# service description (named after [URIQA] DefaultHost, unset in virtuoso_config.py).
SYSTEM_GRAPHS = (
    "http://www.openlinksw.com/schemas/virtrdf#",
    "http://www.w3.org/ns/ldp#",
    "http://localuriqaserver/sparql",
)
DEFAULT_GRAPH = "urn:innograph:default-graph"  # where updates without GRAPH write
STAGING_PREFIX = "urn:innograph:staging:"  # + creation time (Unix seconds) + "-" + random
STALE_STAGE_SECONDS = 3600  # far beyond any staged write (each request is bounded by its timeout)
INSERT_DATA_TRIPLES = 1000  # above this, one INSERT DATA is slow or refused ("10000 lines")
PAGE_ROWS = 50_000  # rows per page of a paged read: under the row cap, and at a few hundred bytes a
# row well under innograph's byte cap (50 MB by default)
ANYTIME_GRACE = 5.0  # seconds the client waits past the limit for Virtuoso's own (partial) answer

_DROP_MANY = re.compile(r"\b(DROP|CLEAR)\s+(SILENT\s+)?(ALL|NAMED|DEFAULT)\b", re.I)
_EXTENSION_WORD = re.compile(r"(?<![\w?$:])DEFINE\b|(?<![\w:])(bif|sql):", re.I)
_IRI = re.compile(r"<([^<>\"{}|^`\\\s]*)>")
# Strings, comments and IRIs in one scan, left to right: a "#" inside an IRI starts no comment
# and a quote inside an IRI no string.
_LEXICAL = re.compile(
    r"'''.*?'''" r'|""".*?"""' r"|'(?:[^'\\\n]|\\.)*'" r'|"(?:[^"\\\n]|\\.)*"' r"|#[^\n]*"
    r"|<[^<>\"{}|^`\\\s]*>",
    re.S,
)


# The GRAPH keyword (not ?graph, ex:graph) followed by a constant: an IRI or a prefixed name.
_CONSTANT_GRAPH = re.compile(r"(?<![?$\w:/#.-])GRAPH(\s*)(<|[A-Za-z_][\w.-]*:|:)", re.I)
_GRAPH_TERM = re.compile(r"<[^<>\"{}|^`\\\s]*>|[A-Za-z_][\w.-]*:[\w.-]*|:[\w.-]*")
_STAR_PROJECTION = re.compile(r"\b(SELECT|DESCRIBE)\s+(DISTINCT\s+|REDUCED\s+)?\*", re.I)
_BASE_OR_IRI = re.compile(r"(?<![?$\w:])BASE\s*<([^<>\"{}|^`\\\s]*)>|<([^<>\"{}|^`\\\s]*)>", re.I)
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_INSERT_DATA = re.compile(r"(?<![?$\w:])INSERT\s+DATA\b", re.I)
_BLANK_NODE = re.compile(r"(?<![\w.-])_:|\[")  # a labelled blank node or [ ... ] (IRIs and strings masked)
GRAPH_VARIABLE = "innograph_graph_"  # + a number: what a constant GRAPH becomes
_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.I)
_ASK_VARIABLE = "__ASK_RETVAL"
_BNODE_JSON = re.compile(rb'("type"\s*:\s*"bnode"\s*,\s*"value"\s*:\s*")nodeID://')
_BNODE_XML = re.compile(rb"(<bnode>)nodeID://")
_MODIFIERS = re.compile(r"\b(ORDER\s+BY|LIMIT|OFFSET)\b", re.I)
_PROJECTION = re.compile(r"\bSELECT\b(.*?)(?:\bWHERE\b|\{)", re.I | re.S)
_PROJECTION_TOKEN = re.compile(r"[()*]|[?$]\w+|\bAS\b", re.I)
_STAGE_TIME = re.compile(re.escape(STAGING_PREFIX) + r"(\d+)-")
STAGES = (
    "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } "
    f'FILTER(STRSTARTS(STR(?g), "{STAGING_PREFIX}")) }}'
)
log = logging.getLogger(__name__)


class ExtensionRefused(QueryFailed):
    """A Virtuoso extension that can make the server fetch URLs (``DEFINE``, ``bif:``, ``sql:``)."""

    code = "service_refused"


def refuse_extensions(text: str) -> None:
    """Raise :class:`ExtensionRefused` when ``text`` uses ``DEFINE``, or a function or IRI in
    Virtuoso's ``bif:`` / ``sql:`` namespaces (strings and comments do not count)."""
    iris = _IRI.findall(masked(text, iris="keep"))
    bare = masked(text)
    found = _EXTENSION_WORD.search(bare)
    if found is None:
        found = next((m for m in map(re.compile(r"^(bif|sql):", re.I).match, iris) if m), None)
    if found is not None:
        raise ExtensionRefused(
            f"{found.group(0).strip()!r}: Virtuoso extensions are not allowed (they can fetch URLs); "
            "use standard SPARQL 1.1"
        )


def graph_store_url(update_url: str) -> str:
    """Virtuoso's Graph Store Protocol endpoint beside its SPARQL endpoint (same authentication)."""
    parts = urlsplit(update_url)
    path = parts.path.rstrip("/")
    for sparql, crud in (("/sparql-auth", "/sparql-graph-crud-auth"), ("/sparql", "/sparql-graph-crud")):
        if path.endswith(sparql):
            return urlunsplit(parts._replace(path=path[: -len(sparql)] + crud, query=""))
    raise StoreError(f"{update_url}: a Virtuoso update URL ends with /sparql or /sparql-auth")


class VirtuosoStore(RemoteStore):
    """:class:`RemoteStore` for Virtuoso: one instance per partition (``public`` and ``full``)."""

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
        user: str = "",
        password: str = "",
    ) -> None:
        super().__init__(
            iris,
            query_url,
            update_url,
            full_query_url=full_query_url,
            full_update_url=full_update_url,
            timeout=timeout,
            max_result_bytes=max_result_bytes,
        )
        self.user = user
        self.password = password
        self._checked: set[Partition] = set()
        self._page_rows: dict[Partition, int] = {}  # each partition's ResultSetMaxRows
        self._check_lock = threading.Lock()
        named = [*SYSTEM_GRAPHS, DEFAULT_GRAPH]
        self._excludes = "".join(f"DEFINE input:default-graph-exclude <{g}>\n" for g in SYSTEM_GRAPHS)
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

    def drop_stale_stages(self, partition: Partition, *, older_than: float = STALE_STAGE_SECONDS) -> list[str]:
        """Drop the staging graphs a crash left between staging and swap: a leftover would stay in
        the union default graph (duplicate triples) and among the named graphs. Younger ones may
        belong to a write under way in another process and are kept."""
        now = time.time()
        stale = [
            r["g"].value for r in self.select(STAGES, partition=partition)
            if now - _stage_created(r["g"].value) > older_than
        ]
        if stale:
            log.warning("Virtuoso (%s): dropping %d staging graph(s) of interrupted writes", partition, len(stale))
            self._update(partition, sparql_text.drop_graphs(stale))
        return stale

    def _server_limits(self, partition: Partition) -> tuple[int, int]:
        query = (
            'SELECT (bif:virtuoso_ini_item_value("SPARQL", "MaxQueryExecutionTime") AS ?t) '
            '(bif:virtuoso_ini_item_value("SPARQL", "ResultSetMaxRows") AS ?r) WHERE { }'
        )
        client = super()._client(partition, self.timeout)
        client.setQuery(query)
        client.addCustomHttpHeader("Accept", "application/sparql-results+json")
        try:
            row = json.loads(client.query().response.read())["results"]["bindings"][0]
        except (OSError, SPARQLWrapperException, ValueError, KeyError, IndexError) as exc:
            raise StoreUnavailable(f"Virtuoso ({partition}): cannot read its limits: {exc}") from exc
        return _int_or_zero(row.get("t")), _int_or_zero(row.get("r"))

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
        return QueryFailed(f"Virtuoso: {_server_message(exc)}")

    def _checked_answer(self, request: QueryRequest, headers: Message, body: bytes, timeout: float) -> bytes:
        if headers.get("X-SQL-State") == "S1TAT":  # "anytime": the answer is partial
            raise QueryTimeout(f"the query did not finish within {timeout:g} s (Virtuoso returned a partial answer)")
        if headers.get("X-SPARQL-MaxRows"):
            raise ResultTooLarge(
                f"the answer has more than {headers['X-SPARQL-MaxRows']} rows (Virtuoso's ResultSetMaxRows); "
                "add a LIMIT/OFFSET"
            )
        media_type = headers.get("Content-Type", "").split(";")[0].strip().lower()
        if query_form(request.query) == "ASK":
            return boolean_answer(media_type, body)
        return _BNODE_JSON.sub(rb"\1", _BNODE_XML.sub(rb"\1", body))  # "nodeID://b1" is no blank node label

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

    def _update(self, partition: Partition, update: str) -> None:
        if not update:
            return
        refuse_extensions(update)
        self._checked_config(partition)
        if _DROP_MANY.search(masked(update)):
            update = self._explicit_drops(partition, update)
        update = blank_nodes_by_template(resolved_against_base(update))
        client = self._client(partition, self.timeout)
        client.setQuery(update)
        client.addParameter("default-graph-uri", DEFAULT_GRAPH)
        try:
            client.query().response.read()
        except QueryBadFormed as exc:
            raise QuerySyntaxError(_server_message(exc)) from exc
        except SPARQLWrapperException as exc:
            raise UpdateFailed(f"Virtuoso: {_server_message(exc)}") from exc
        except OSError as exc:
            raise StoreUnavailable(f"Virtuoso update failed: {exc}") from exc
        self._generation += 1

    def _explicit_drops(self, partition: Partition, update: str) -> str:
        """``DROP/CLEAR ALL|NAMED|DEFAULT`` as one ``DROP SILENT GRAPH`` per graph (Virtuoso
        answers 200 to the originals and deletes nothing). Only whole operations are rewritten:
        the keyword must stand where an operation starts."""
        named = [g for g in self.named_graphs(partition) if g != DEFAULT_GRAPH]

        def replace(match: re.Match[str]) -> str:
            scope = match.group(3).upper()
            graphs = {"ALL": [*named, DEFAULT_GRAPH], "NAMED": named, "DEFAULT": [DEFAULT_GRAPH]}[scope]
            return sparql_text.drop_graphs(graphs) or f"DROP SILENT GRAPH <{DEFAULT_GRAPH}>"

        return _DROP_MANY.sub(replace, update)

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
        """Load each graph into a staging graph through the Graph Store Protocol, then swap them
        all in with one update (one transaction): readers see the old graphs or the new ones."""
        stages = {graph: self._stage(partition, triples) for graph, triples in [*replace.items(), *add.items()]}
        operations = []
        for graph in replace:
            operations.append(f"DROP SILENT GRAPH <{graph}>")
            if stages[graph]:
                operations.append(f"MOVE SILENT GRAPH <{stages[graph]}> TO <{graph}>")
        for graph in add:
            if stages[graph]:
                operations.append(f"ADD SILENT GRAPH <{stages[graph]}> TO <{graph}>")
                operations.append(f"DROP SILENT GRAPH <{stages[graph]}>")
        self._update(partition, " ;\n".join(operations))

    def _stage(self, partition: Partition, triples: Iterable[Triple]) -> str | None:
        body = "".join(f"{t} .\n" for t in triples)
        if not body:
            return None
        stage = f"{STAGING_PREFIX}{int(time.time())}-{uuid.uuid4().hex}"
        _, update_url = self._require(partition)
        auth = httpx.DigestAuth(self.user, self.password) if self.user else None
        try:
            response = httpx.post(
                graph_store_url(update_url),
                params={"graph-uri": stage},
                content=body.encode(),
                headers={"Content-Type": "application/n-triples"},
                auth=auth,
                timeout=max(self.timeout, 60.0),
            )
        except httpx.HTTPError as exc:
            raise StoreUnavailable(f"Virtuoso Graph Store Protocol: {exc}") from exc
        if response.status_code not in (200, 201, 204):
            raise UpdateFailed(f"Virtuoso Graph Store Protocol: HTTP {response.status_code} {response.text[:300]}")
        return stage


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


def paging_order(query: str) -> list[str] | None:
    """The variables a SELECT projects (``?v`` and ``(... AS ?v)``), to order its pages by; None
    when it cannot be paged from outside: ``*``, its own ORDER BY/LIMIT/OFFSET, or a trailing VALUES."""
    masked_query = masked(query)
    projection = _PROJECTION.search(masked_query)
    if projection is None or _MODIFIERS.search(masked_query) or _has_trailing_values(masked_query):
        return None
    names: list[str] = []
    depth, after_as = 0, False
    for token in _PROJECTION_TOKEN.findall(projection.group(1)):
        if token == "*":
            return None
        depth += {"(": 1, ")": -1}.get(token, 0)
        if token[0] in "?$" and (depth == 0 or after_as):
            names.append("?" + token[1:])
        after_as = token.upper() == "AS"
    return names or None


def resolved_against_base(text: str) -> str:
    """Relative IRIs made absolute against the ``BASE`` in effect, and the BASE declarations
    dropped: Virtuoso refuses a second BASE (innograph's /sparql puts one before every update)
    and resolves ``file:///`` bases wrongly (``file:/dir/x``). Unchanged when a base cannot be
    resolved here (a scheme Python does not resolve against)."""
    parts, last, base = [], 0, ""
    for found in _BASE_OR_IRI.finditer(masked(text, iris="keep")):
        declared, iri = found.group(1), found.group(2)
        target = declared if declared is not None else iri
        if _SCHEME.match(target) or not base:
            absolute = target if _SCHEME.match(target) else ""
        else:
            absolute = urljoin(base, target)
            if target.endswith("#") and not absolute.endswith("#"):
                absolute += "#"  # urljoin drops an empty fragment: "ns#" must stay "ns#"
        if declared is None and not absolute:
            continue  # relative, before any BASE: left to the server
        if not _SCHEME.match(absolute):
            return text
        if declared is not None:
            base = absolute
        parts += [text[last : found.start()], "" if declared is not None else f"<{absolute}>"]
        last = found.end()
    return "".join(parts) + text[last:] if base else text


def blank_nodes_by_template(update: str) -> str:
    """Each ``INSERT DATA { ... }`` holding blank nodes as ``INSERT { ... } WHERE { }``: Virtuoso
    refuses blank nodes in INSERT DATA (SP031) but takes them in a template, which instantiated
    once inserts the same triples with fresh blank nodes, as INSERT DATA does."""
    masked_update = masked(update, iris="brackets")
    parts, last = [], 0
    for found in _INSERT_DATA.finditer(masked_update):
        opening = masked_update.find("{", found.end())
        closing = _closing_brace(masked_update, opening) if opening >= 0 else None
        if closing is None or not _BLANK_NODE.search(masked_update, opening, closing):
            continue
        parts += [update[last : found.start()], "INSERT ", update[opening : closing + 1], " WHERE { }"]
        last = closing + 1
    return "".join(parts) + update[last:]


def _closing_brace(text: str, opening: int) -> int | None:
    depth = 0
    for at in range(opening, len(text)):
        depth += {"{": 1, "}": -1}.get(text[at], 0)
        if depth == 0:
            return at
    return None


def graphs_as_variables(query: str) -> str | None:
    """``GRAPH <iri> {`` as ``VALUES ?innograph_graph_N { <iri> } GRAPH ?innograph_graph_N {``
    (same answers; Virtuoso's exclusions then keep working), or None when the query projects
    ``*`` and has such a constant (the new variable would show)."""
    masked_query = masked(query, iris="brackets")
    found = list(_CONSTANT_GRAPH.finditer(masked_query))
    if not found:
        return query
    if _STAR_PROJECTION.search(masked_query):
        return None
    parts, last = [], 0
    for number, keyword in enumerate(found):
        term = _GRAPH_TERM.match(query, keyword.end(1))
        if term is None:
            return None
        variable = f"?{GRAPH_VARIABLE}{number}"
        parts += [query[last : keyword.start()], f"VALUES {variable} {{ {term.group(0)} }} GRAPH {variable}"]
        last = term.end()
    return "".join(parts) + query[last:]


def masked(text: str, *, iris: str = "blank") -> str:
    """``text`` with strings and comments blanked, every offset kept; IRIs blanked too, or kept
    (``iris="keep"``), or blanked between their brackets (``iris="brackets"``)."""

    def blank(found: re.Match[str]) -> str:
        token = found.group(0)
        if token.startswith("<") and iris == "keep":
            return token
        if token.startswith("<") and iris == "brackets":
            return "<" + " " * (len(token) - 2) + ">"
        return " " * len(token)

    return _LEXICAL.sub(blank, text)


def _has_trailing_values(masked_query: str) -> bool:
    """A VALUES block after the WHERE group (solution modifiers would have to come before it)."""
    depth, opened = 0, False
    for token in re.findall(r"[{}]|\bVALUES\b", masked_query, re.I):
        if token.upper() == "VALUES" and depth == 0 and opened:
            return True
        depth += {"{": 1, "}": -1}.get(token, 0)
        opened = opened or token == "{"
    return False


def query_form(query: str) -> str | None:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the first form keyword outside strings, IRIs, comments."""
    found = _FORM.search(masked(query))
    return found.group(1).upper() if found else None


def boolean_answer(media_type: str, body: bytes) -> bytes:
    """An ASK answer in the standard boolean shape: Virtuoso sends a table whose variable is
    ``__ASK_RETVAL``, with one row (1) for true and no row for false, in every results format."""
    if _ASK_VARIABLE.encode() not in body:
        return body
    value = "true" if _ask_value(media_type, body) else "false"
    if media_type in ("application/sparql-results+json", "application/json"):
        return json.dumps({"head": {}, "boolean": value == "true"}).encode()
    if media_type in ("application/sparql-results+xml", "application/xml"):
        return (
            '<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
            f"<head/><boolean>{value}</boolean></sparql>\n"
        ).encode()
    return f"{value}\n".encode()  # CSV / TSV: no standard shape; the value alone


def _ask_value(media_type: str, body: bytes) -> bool:
    if media_type in ("application/sparql-results+json", "application/json"):
        rows = json.loads(body)["results"]["bindings"]
        return bool(rows) and rows[0].get(_ASK_VARIABLE, {}).get("value") not in ("0", "false")
    if media_type in ("application/sparql-results+xml", "application/xml"):
        found = re.search(rb"<binding name=\"__ASK_RETVAL\">\s*<literal[^>]*>([^<]*)<", body)
        return found is not None and found.group(1).strip() not in (b"0", b"false")
    lines = [line.strip() for line in body.decode().splitlines()[1:] if line.strip()]  # CSV / TSV: header first
    return bool(lines) and lines[0].strip('"') not in ("0", "false")


def _stage_created(graph: str) -> float:
    """When a staging graph was created, from its name (0, the oldest, for a name without a time)."""
    found = _STAGE_TIME.match(graph)
    return float(found.group(1)) if found else 0.0


def _has_blank_node(triple: Triple) -> bool:
    return isinstance(triple.subject, BlankNode) or isinstance(triple.object, BlankNode)


def _int_or_zero(binding: dict[str, str] | None) -> int:
    try:
        return int(float(binding["value"])) if binding else 0
    except ValueError:
        return 0


def _server_message(exc: Exception) -> str:
    """Virtuoso's own error line out of SPARQLWrapper's wrapping ("Response: b'...'")."""
    text = str(exc)
    found = re.search(r"Virtuoso \w+ Error [^\\\n]*", text)
    return found.group(0) if found else text[:500]
