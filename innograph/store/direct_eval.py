"""The evaluation a query worker and the in-process path share: the same call into the store,
the same serialization and the same reply tuples, so both give the same bytes and the same errors.

Kept out of :mod:`innograph.store.worker`, which runs as ``python -m innograph.store.worker`` and
so must not be imported by the package before it runs (like :mod:`innograph.store.generation`).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from pyoxigraph import DefaultGraph, NamedNode, QueryBoolean, QuerySolutions, Store

from innograph.store.formats import choose, formats_for


class TooLarge(Exception):
    """Raised by a result buffer past the size cap: the job ends with the ``too_large`` reply."""


class Interrupted(Exception):
    """Raised by a result buffer to abandon a job; :func:`evaluate` lets it through to its caller
    (the in-process path of :mod:`innograph.store.direct`, which hands the job on or times out)."""


class CappedBuffer:
    """A writer for ``serialize`` that stops the work as soon as the cap is passed."""

    def __init__(self, cap: int) -> None:
        self.cap = cap
        self.size = 0
        self.parts: list[bytes] = []

    def write(self, chunk: bytes) -> int:
        self.size += len(chunk)
        if self.size > self.cap:
            raise TooLarge
        self.parts.append(bytes(chunk))
        return len(chunk)

    def flush(self) -> None:
        pass

    def getvalue(self) -> bytes:
        return b"".join(self.parts)


def open_read_only(path: Path) -> Store:
    """A read-only snapshot of the partition folder ``path``."""
    # A concurrent writer may compact files while we read the manifest: retry briefly.
    for attempt in range(5):
        try:
            return Store.read_only(str(path.resolve()))  # the version a bulk write's symlink names
        except (OSError, RuntimeError):
            if attempt == 4:
                raise
            time.sleep(0.02 * (attempt + 1))
    raise AssertionError("unreachable")


def default_graph_is_empty(store: Store) -> bool:
    return next(iter(store.quads_for_pattern(None, None, None, DefaultGraph())), None) is None



def evaluate(job: dict[str, Any], store: Store, default_graph_empty: bool, buffer: CappedBuffer,
             started: float) -> tuple[Any, ...]:
    """Run a job's query on ``store`` and serialize it into ``buffer``: the reply tuple (the
    worker's and the in-process path's, so both give the same bytes and the same errors)."""
    try:
        kwargs: dict[str, Any] = {}
        if job["default_graphs"] or job["named_graphs"]:
            kwargs["default_graph"] = [NamedNode(g) for g in job["default_graphs"]]
            kwargs["named_graphs"] = [NamedNode(g) for g in job["named_graphs"]]
        elif job["union"] and default_graph_empty:
            # The union is the default graph only while the store's own default graph is empty
            # (innograph writes named graphs only); data put in the default graph (SPARQL Update,
            # W3C test suites) gets the standard semantics instead.
            kwargs["use_default_graph_as_union"] = True
        if job.get("base_iri"):
            kwargs["base_iri"] = job["base_iri"]
        result = store.query(job["query"], **kwargs)
        kind = (
            "solutions"
            if isinstance(result, QuerySolutions)
            else "boolean"
            if isinstance(result, QueryBoolean)
            else "graph"
        )
        media_type = choose(kind, job["accept"])
        if media_type is None:
            return ("not_acceptable", kind, f"no acceptable format for a {kind} result")
        result.serialize(buffer, formats_for(kind)[media_type])  # type: ignore[arg-type]
        return ("ok", kind, media_type, buffer.getvalue(), time.perf_counter() - started)
    except SyntaxError as exc:
        return ("syntax", str(exc))
    except TooLarge:
        return ("too_large", f"the result is larger than {job['max_bytes']} bytes")
    except Interrupted:
        raise
    except RuntimeError as exc:  # pyoxigraph's evaluation errors (e.g. an unsupported function)
        return ("evaluation", str(exc))
    except Exception as exc:  # the worker must survive anything a query can raise
        return ("error", f"{type(exc).__name__}: {exc}")
