"""The query pool under concurrency: more callers than workers, replies bigger than socket buffers."""

from __future__ import annotations

import asyncio
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Triple

from innograph.iris import Iris
from innograph.store.base import DocumentWrite, QueryRequest
from innograph.store.embedded import EmbeddedStore

IRIS = Iris("https://w3id.org/innograph/")


def test_many_concurrent_callers_with_big_replies_all_get_answers(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "s", IRIS, workers=2, timeout=8)
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
