"""Reading the partner index from a store: a full build, or an update of the graphs that changed.

The index is read from the ``public`` partition only (personal data never enters it), through
one ``store.snapshot("public")`` view, so each build or update reads one consistent state
(embedded: an in-process read-only snapshot, no JSON round trip). ``facts.py`` reads the graphs,
``derivation.py`` derives the index; ``holder.py`` decides when to update and what.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass

from innograph.iris import Iris
from innograph.partners.derivation import IndexState
from innograph.partners.facts import read_all, read_graphs
from innograph.partners.index import PartnerIndex
from innograph.partners.index_log import LogPosition, read_position
from innograph.store import Store
from innograph.store.base import ReadView


@dataclass
class Built:
    """A state and the index published from it."""

    state: IndexState
    index: PartnerIndex


def build_state(store: Store, iris: Iris, *, generation: int | None = None) -> Built:
    """Read every graph of the public partition into a new state and publish its index."""
    started = time.perf_counter()
    generation = store.generation() if generation is None else generation
    state = IndexState(iris)
    with store.snapshot("public") as view:
        facts = read_all(view, iris)
    # The change log is bookkeeping, not content; updates never read it again, so neither does a build.
    facts.pop(iris.graph("changes"), None)
    state.apply(facts)
    index = state.publish(generation)
    index.build_seconds = time.perf_counter() - started
    return Built(state, index)


def build(store: Store, iris: Iris, *, generation: int | None = None) -> PartnerIndex:
    """A new index of the public partition (see the module docstring)."""
    return build_state(store, iris, generation=generation).index


@dataclass
class Handover:
    """What a full build hands to the holder: the state, the change-log position read before it,
    and what it cost (``builder.py`` builds in another process)."""

    state: IndexState
    position: LogPosition
    seconds: float  # reading and deriving
    load_seconds: float = 0.0  # taking it over from another process
    pickle_bytes: int = 0  # the size of what another process handed over


class InProcessBuilder:
    """Full builds in this process: the command line, tests, an app handed a store of its own."""

    def build(self, store: Store, iris: Iris, generation: int) -> Handover:
        position = read_position(store, iris)
        built = build_state(store, iris, generation=generation)
        return Handover(built.state, position, built.index.build_seconds)


def update(state: IndexState, view: ReadView, graphs: Iterable[str], generation: int) -> PartnerIndex:
    """Read ``graphs`` again from ``view`` (gone ones give nothing), apply them to ``state`` and
    publish the result."""
    started = time.perf_counter()
    touched = state.apply(read_graphs(view, state.iris, graphs, known=state.counts.graphs))  # known: shards
    index = state.publish(generation, new_orgs=touched.new_orgs)
    index.build_seconds = time.perf_counter() - started
    return index
