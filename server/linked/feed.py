"""The change feed: a Linked Data Event Stream (LDES over TREE) at ``/feed``.

Members are *version objects* of document graphs, one per change-log entry
(``ig:GraphChange`` in ``{base}graph/changes``, written by ingest): the member IRI is the change's
IRI, ``dct:isVersionOf`` the graph, ``dct:modified`` the time, and the named graph whose name is
the member IRI carries the payload, the whole document graph as of that change (TREE's member
extraction takes the quads in the graph named after the member). A deletion is a member typed
``as:Delete`` with no payload.

Retention (``ldes:LatestVersionSubset``, amount 1): the store keeps the current content of a graph
only, so the feed keeps the *latest* version of each graph; older versions of a graph that changed
again leave the feed. Replaying the retained members in time order (replace the graph with the
payload, or drop it for a deletion) rebuilds exactly the current public document graphs.
The reference and ontology graphs are not in the change log: take them from their graph IRIs or
from the dumps.

Paging: ``/feed`` is the root node (the event stream, its retention, a relation to the first and
to the newest page); ``/feed?from=T`` holds up to ``PAGE_SIZE`` members with ``dct:modified >= T``
in time order (members with the same time stay together) and, unless it is the newest page, a
``tree:GreaterThanOrEqualToRelation`` to the next page. A harvester replicates once from the first
page, remembers the newest page it saw, and polls it (short ``max-age``) for new members.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import quote

from pyoxigraph import BlankNode, Literal, NamedNode, Quad, Triple

from innograph.iris import Iris
from innograph.namespaces import DCT, LDES, RDF_TYPE, TREE, XSD, XSD_DATETIME
from innograph.sparql_text import query_text
from innograph.store import Store

log = logging.getLogger(__name__)
PAGE_SIZE = 50
AS = "https://www.w3.org/ns/activitystreams#"


@dataclass(frozen=True)
class Member:
    iri: str
    graph: str
    change_type: str
    modified: datetime
    lexical: str  # dct:modified as written in the change log
    fingerprint: str | None


def _parse_time(value: str) -> datetime:
    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def stamp(moment: datetime) -> str:
    """The canonical page key: UTC, microseconds, ``Z``."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def retained_members(store: Store, iris: Iris) -> list[Member]:
    """The latest change of each graph, oldest first."""
    rows = store.select(query_text("linked/changes", iris, {"log": NamedNode(iris.graph("changes"))}))
    latest: dict[str, Member] = {}
    for row in rows:
        try:
            moment = _parse_time(row["modified"].value)
        except ValueError:  # written by hand through SPARQL Update: said, and left out of the feed
            log.warning("change log entry %s has an unreadable time %r; not in the feed",
                        row["change"].value, row["modified"].value)
            continue
        fp = row.get("fingerprint")
        member = Member(row["change"].value, row["graph"].value, row["type"].value,
                        moment, row["modified"].value, fp.value if fp is not None else None)
        if iris.is_personal_graph(member.graph):
            continue  # never expected in the public log; refuse to publish it anyway
        known = latest.get(member.graph)
        if known is None or (member.modified, member.iri) > (known.modified, known.iri):
            latest[member.graph] = member
    return sorted(latest.values(), key=lambda m: (m.modified, m.iri))


@dataclass
class Page:
    members: list[Member]
    next_from: datetime | None  # start of the next page, None for the newest page
    first: bool


def page(members: list[Member], start: datetime | None) -> Page:
    if start is None:
        chosen = members[:PAGE_SIZE]
        rest_from = len(chosen)
    else:
        begin = next((i for i, m in enumerate(members) if m.modified >= start), len(members))
        chosen = members[begin : begin + PAGE_SIZE]
        rest_from = begin + len(chosen)
    # keep members with the same time on one page (the relation value cannot split them)
    while rest_from < len(members) and chosen and members[rest_from].modified == chosen[-1].modified:
        chosen.append(members[rest_from])
        rest_from += 1
    next_from = members[rest_from].modified if rest_from < len(members) else None
    return Page(chosen, next_from, start is None or (bool(members) and chosen[:1] == members[:1]))


def page_starts(members: list[Member]) -> list[datetime]:
    starts, at = [], 0
    while at < len(members):
        starts.append(members[at].modified)
        at += len(page(members, members[at].modified).members)
    return starts


def feed_iri(iris: Iris) -> str:
    return iris.base + "feed"


def page_iri(iris: Iris, start: datetime) -> str:
    return f"{feed_iri(iris)}?from={quote(stamp(start))}"


def _stream_header(iris: Iris, view: str) -> list[Triple]:
    es = NamedNode(feed_iri(iris) + "#stream")
    root = NamedNode(feed_iri(iris))
    policy = NamedNode(feed_iri(iris) + "#retention")
    description = NamedNode(feed_iri(iris) + "#view")

    def t(s: NamedNode, p: str, o: NamedNode | Literal) -> Triple:
        return Triple(s, NamedNode(p), o)

    out = [
        t(es, RDF_TYPE.value, NamedNode(LDES + "EventStream")),
        t(es, LDES + "timestampPath", NamedNode(DCT + "modified")),
        t(es, LDES + "versionOfPath", NamedNode(DCT + "isVersionOf")),
        t(es, TREE + "view", root),
        t(es, DCT + "title", Literal("innograph change feed", language="en")),
        t(es, DCT + "isPartOf", NamedNode(iris.base + "catalog#dataset")),
        t(root, RDF_TYPE.value, NamedNode(TREE + "Node")),
        t(root, TREE + "viewDescription", description),
        t(description, RDF_TYPE.value, NamedNode(TREE + "ViewDescription")),
        t(description, LDES + "retentionPolicy", policy),
        t(policy, RDF_TYPE.value, NamedNode(LDES + "LatestVersionSubset")),
        t(policy, LDES + "amount", Literal("1", datatype=NamedNode(XSD + "integer"))),
    ]
    if view != root.value:
        out.append(t(NamedNode(view), RDF_TYPE.value, NamedNode(TREE + "Node")))
    return out


def _relation(node: str, target: str, value: datetime, n: int) -> list[Triple]:
    rel = BlankNode(f"rel{n}")
    return [
        Triple(NamedNode(node), NamedNode(TREE + "relation"), rel),
        Triple(rel, RDF_TYPE, NamedNode(TREE + "GreaterThanOrEqualToRelation")),
        Triple(rel, NamedNode(TREE + "path"), NamedNode(DCT + "modified")),
        Triple(rel, NamedNode(TREE + "value"), Literal(stamp(value), datatype=XSD_DATETIME)),
        Triple(rel, NamedNode(TREE + "node"), NamedNode(target)),
    ]


def root_quads(iris: Iris, members: list[Member]) -> list[Triple | Quad]:
    root = feed_iri(iris)
    out: list[Triple | Quad] = list(_stream_header(iris, root))
    starts = page_starts(members)
    if starts:
        out += _relation(root, page_iri(iris, starts[0]), starts[0], 0)
        if len(starts) > 1:
            out += _relation(root, page_iri(iris, starts[-1]), starts[-1], 1)
    return out


def page_quads(store: Store, iris: Iris, members: list[Member], start: datetime) -> tuple[list[Triple | Quad], Page]:
    current = page(members, start)
    view = page_iri(iris, start)
    es = NamedNode(feed_iri(iris) + "#stream")
    out: list[Triple | Quad] = list(_stream_header(iris, view))
    if current.next_from is not None:
        out += _relation(view, page_iri(iris, current.next_from), current.next_from, 0)
    payload_for = {m.graph: m.iri for m in current.members if m.change_type != "deleted"}
    for m in current.members:
        node = NamedNode(m.iri)
        out.append(Triple(es, NamedNode(TREE + "member"), node))
        out.append(Triple(node, RDF_TYPE, NamedNode(iris.term("GraphChange"))))
        if m.change_type == "deleted":
            out.append(Triple(node, RDF_TYPE, NamedNode(AS + "Delete")))
        out.append(Triple(node, NamedNode(DCT + "isVersionOf"), NamedNode(m.graph)))
        out.append(Triple(node, NamedNode(DCT + "modified"), Literal(m.lexical, datatype=XSD_DATETIME)))
        out.append(Triple(node, NamedNode(iris.term("changeType")), Literal(m.change_type)))
        if m.fingerprint:
            out.append(Triple(node, NamedNode(iris.term("fingerprint")), Literal(m.fingerprint)))
    if payload_for:
        rows = store.select(query_text("linked/graph-quads", iris, {"g": [NamedNode(g) for g in sorted(payload_for)]}),
                            partition="public")
        for r in rows:
            member = NamedNode(payload_for[r["g"].value])
            out.append(Quad(r["s"], r["p"], r["o"], member))
    return out, current


def parse_start(value: str) -> datetime:
    return _parse_time(value)
