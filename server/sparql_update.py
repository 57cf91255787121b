"""Where a SPARQL Update goes: the ``full`` and ``public`` partitions (see ``store/base.py``).

Rule (also in the README, "Personal data"):

- An update whose text names a personal graph (``{base}graph/.../personal``, after PREFIX/BASE
  expansion) runs on ``full`` only: personal data never reaches the public partition.
- Every other update runs on ``full``, then on ``public``. ``public`` is ``full`` minus the
  personal graphs, so the same update keeps the two in step; in ``public`` its WHERE clauses
  cannot see personal data, so nothing personal can be copied into a public graph there.
- The public run ends with a guard, in the same atomic update, that empties any graph whose name
  has the personal shape: a graph name computed at run time (``BIND(IRI(...))``) cannot slip
  personal data into the public partition either.

The two runs are two transactions: if the public one fails after the full one succeeded, the
error says so (``update_partial``); re-running the update, or re-ingesting, repairs it.
"""

from __future__ import annotations

from innograph.server.sparql_guard import mentioned_iris
from pyoxigraph import Literal

from innograph.iris import Iris
from innograph.sparql_text import query_text
from innograph.store import PersonalViewUnavailable, Store, StoreError


class PartialUpdate(StoreError):
    code = "update_partial"


def touches_personal_graph(update: str, iris: Iris) -> bool:
    return any(iris.is_personal_graph(iri) for iri in mentioned_iris(update))


def public_guard(iris: Iris) -> str:
    """The update that empties every graph with the personal shape (``queries/server/``)."""
    return query_text("server/personal-graph-guard", iris, {"prefix": Literal(iris.base + "graph/")})


def apply_update(store: Store, update: str, iris: Iris) -> str:
    """Run the update where it belongs; returns the partitions written ("full", "public", "full+public")."""
    personal = touches_personal_graph(update, iris)
    if not store.has_personal_view:
        if personal:
            raise PersonalViewUnavailable("personal graphs cannot be written: this store has no personal view")
        store.update(f"{update} ;\n{public_guard(iris)}", partition="public")
        return "public"
    store.update(update, partition="full")
    if personal:
        return "full"
    try:
        store.update(f"{update} ;\n{public_guard(iris)}", partition="public")
    except StoreError as exc:
        raise PartialUpdate(
            f"the update was applied to the full view but failed on the public view: {exc}"
        ) from exc
    return "full+public"
