"""Which graphs hold the current version of each imported dataset (the atomicity contract).

A dataset is written as shard graphs named by their content, ``{base}graph/import/{dataset}/
{i}-of-{n}-{digest}``, and a *manifest*: its description graph ``{base}graph/import/{dataset}``,
which lists the current shards (``dcterms:hasPart``). The manifest is written last, in one atomic
write: it is the switch from the old version to the new. A shard that no manifest lists is left
over from an import that has not finished (still running, or killed): readers that must never see
a mix of two versions skip it (:func:`unlisted_shards`), and the next import of that dataset
reuses it if it holds the same content, or removes it.
"""

from __future__ import annotations

import re

from innograph import queries
from innograph.iris import Iris
from innograph.loading import IMPORT_FINGERPRINT_PREFIX
from innograph.sparql_text import query_text
from innograph.store import Store
from innograph.store.base import ReadView

_SHARD = re.compile(r"/\d{3}-of-\d{3}(-[0-9a-f]+)?$")


def import_prefix(iris: Iris) -> str:
    return iris.graph("import") + "/"


def is_shard(iris: Iris, graph: str) -> bool:
    """A data graph of an imported dataset (not its manifest)."""
    return graph.startswith(import_prefix(iris)) and _SHARD.search(graph) is not None


def listed_shards(view: ReadView, iris: Iris) -> dict[str, set[str]]:
    """The current shards of every imported dataset, by manifest graph."""
    listed: dict[str, set[str]] = {}
    for row in view.select(queries.text("imports/dataset-graphs")):
        manifest = row["manifest"].value
        if manifest.startswith(import_prefix(iris)):
            listed.setdefault(manifest, set()).add(row["graph"].value)
    return listed


def unlisted_shards(store: Store, iris: Iris) -> set[str]:
    """Shards in the store that no manifest lists: an unfinished import's, never to be read."""
    with store.snapshot("public") as view:
        listed = set().union(*listed_shards(view, iris).values())
    return {graph for graph, fingerprint in store.graph_hashes().items()
            if fingerprint.startswith(IMPORT_FINGERPRINT_PREFIX) and is_shard(iris, graph) and graph not in listed}


def partition_fingerprints(store: Store, iris: Iris) -> list[dict[str, str]]:
    """The graphs' fingerprints in each partition the store has: a write reaches ``full`` first,
    then ``public``, so a kill between the two leaves them different."""
    found = [store.graph_hashes()]
    if store.has_personal_view:
        rows = store.select(query_text("store/fingerprints", iris), partition="full")
        found.append({row["g"].value: row["h"].value for row in rows})
    return found
