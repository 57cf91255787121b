"""Staging graphs on Virtuoso, hidden from readers.

A large write is loaded through the Graph Store Protocol into a staging graph, then swapped in
by one update (``DROP`` + ``MOVE``). Virtuoso's default graph is the union of *all* graphs, and
its exclusions (``DEFINE input:default-graph-exclude``) take exact IRIs, not prefixes: so the
staging graphs are a fixed set of :data:`SLOTS`, excluded from every query like the system
graphs. A writer claims a free slot with a marker triple ``<slot> <stagedAt> "time token"``
(written first, removed by the swap in the same transaction as the ``MOVE``, so a slot holds
triples exactly when it holds a marker); a slot whose marker is older than
:data:`STALE_STAGE_SECONDS` was left by a crash between staging and swap and is dropped.
"""

from __future__ import annotations

import random
import time
import uuid
from collections.abc import Iterable, Sequence
from urllib.parse import urlsplit, urlunsplit

import httpx
from pyoxigraph import Literal, NamedNode, Triple

from innograph.store.base import StoreError, StoreUnavailable, UpdateFailed

SLOT_COUNT = 8  # concurrent staged writes per instance (one write stages at most two graphs)
SLOTS = tuple(f"urn:innograph:staging:{n}" for n in range(SLOT_COUNT))
STAGED_AT = "urn:innograph:stagedAt"
STALE_STAGE_SECONDS = 3600  # far beyond any staged write (each request is bounded by its timeout)
MARKERS = (
    "SELECT ?g ?m WHERE { VALUES ?g { " + " ".join(f"<{s}>" for s in SLOTS) + " } "
    f"GRAPH ?g {{ ?g <{STAGED_AT}> ?m }} }}"
)


class NoFreeSlot(StoreUnavailable):
    """Every staging slot holds another write under way."""


def marker(slot: str, token: str, now: float | None = None) -> Triple:
    stamp = f"{int(time.time() if now is None else now)} {token}"
    return Triple(NamedNode(slot), NamedNode(STAGED_AT), Literal(stamp))


def new_token() -> str:
    return uuid.uuid4().hex


def markers_by_slot(rows: Iterable[dict[str, dict[str, str]]]) -> dict[str, list[str]]:
    """The markers of each occupied slot, from the JSON bindings of :data:`MARKERS`."""
    found: dict[str, list[str]] = {}
    for row in rows:
        found.setdefault(row["g"]["value"], []).append(row["m"]["value"])
    return found


def free_slots(occupied: Iterable[str]) -> list[str]:
    """The slots nobody holds, in random order (two writers rarely try the same one first)."""
    taken = set(occupied)
    free = [slot for slot in SLOTS if slot not in taken]
    random.shuffle(free)
    return free


def holds_alone(markers: Sequence[str], token: str) -> bool:
    """A slot is ours when our marker is its only one: two writers that claimed it at once both
    see two markers and both let go (one that saw itself alone first keeps it, and the later
    one sees two)."""
    return [m.split(" ", 1)[-1] for m in markers] == [token]


def stale_slots(by_slot: dict[str, list[str]], older_than: float, now: float | None = None) -> list[str]:
    """Slots whose oldest marker is older than ``older_than`` seconds."""
    now = time.time() if now is None else now
    return sorted(slot for slot, found in by_slot.items() if now - min(_stamp(m) for m in found) > older_than)


def release_text(slots: Iterable[str]) -> str:
    """The markers out of the slots (the first operations of a swap)."""
    patterns = (f"GRAPH <{s}> {{ <{s}> <{STAGED_AT}> ?m }}" for s in slots)
    return " ;\n".join(f"DELETE {{ {p} }} WHERE {{ {p} }}" for p in patterns)


def graph_store_url(update_url: str) -> str:
    """Virtuoso's Graph Store Protocol endpoint beside its SPARQL endpoint (same authentication)."""
    parts = urlsplit(update_url)
    path = parts.path.rstrip("/")
    for sparql, crud in (("/sparql-auth", "/sparql-graph-crud-auth"), ("/sparql", "/sparql-graph-crud")):
        if path.endswith(sparql):
            return urlunsplit(parts._replace(path=path[: -len(sparql)] + crud, query=""))
    raise StoreError(f"{update_url}: a Virtuoso update URL ends with /sparql or /sparql-auth")


def post_triples(url: str, graph: str, triples: Iterable[Triple], auth: httpx.Auth | None,
                 timeout: float) -> None:
    """Append triples to a graph through the Graph Store Protocol, as N-Triples."""
    body = "".join(f"{t} .\n" for t in triples).encode()
    try:
        response = httpx.post(url, params={"graph-uri": graph}, content=body,
                              headers={"Content-Type": "application/n-triples"}, auth=auth, timeout=timeout)
    except httpx.HTTPError as exc:
        raise StoreUnavailable(f"Virtuoso Graph Store Protocol: {exc}") from exc
    if response.status_code not in (200, 201, 204):
        raise UpdateFailed(f"Virtuoso Graph Store Protocol: HTTP {response.status_code} {response.text[:300]}")


def _stamp(found: str) -> float:
    head = found.split(" ", 1)[0]
    return float(head) if head.isdigit() else 0.0  # a marker without a time: the oldest
