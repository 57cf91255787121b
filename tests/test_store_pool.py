"""The query pool under concurrency: more callers than workers, replies bigger than socket buffers."""

from __future__ import annotations

import asyncio
from pathlib import Path

from conftest import IRIS
from pyoxigraph import Literal, NamedNode, Triple

from innograph.store.base import DocumentWrite, QueryRequest
from innograph.store.embedded import EmbeddedStore


def test_many_concurrent_callers_with_big_replies_all_get_answers(tmp_path: Path) -> None:
    # a generous limit: 24 big queries queue for 2 workers, and the machine may be busy (not a timing test)
    store = EmbeddedStore(tmp_path / "s", IRIS, workers=2, timeout=60)
    try:
        store.write_document(DocumentWrite(
            graph=IRIS.graph("big"), content_hash="h",
            public=[Triple(NamedNode(f"http://ex/s{i}"), NamedNode("http://ex/p"), Literal("x" * 200 + str(i)))
                    for i in range(3000)],
        ))
        request = QueryRequest("SELECT ?s ?o WHERE { ?s <http://ex/p> ?o } ORDER BY ?s",
                               accept=("application/sparql-results+json",))

        async def many() -> list[int]:
            replies = await asyncio.gather(*(store.aquery(request) for _ in range(24)))
            return [len(r.body) for r in replies]

        sizes = asyncio.run(many())
        assert len(sizes) == 24
        assert min(sizes) == max(sizes) > 600_000  # far beyond a socket buffer, all complete
    finally:
        store.close()
