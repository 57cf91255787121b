"""The SPARQL of the server, read from ``queries/linked/*.rq`` and ``queries/server/*.rq``.

The ``ig:`` prefix follows ``INNOGRAPH_BASE_IRI``; values are bound by
:func:`innograph.store.sparql_text.bind` (a VALUES block first in the WHERE group, terms serialized
by pyoxigraph, so input cannot change the structure of a query).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources

from innograph.iris import Iris
from innograph.store.sparql_text import bind

_IG_PREFIX = re.compile(r"^PREFIX ig: <[^>]*>", re.MULTILINE)


@cache
def _text(folder: str, name: str) -> str:
    return (resources.files("innograph.queries") / folder / f"{name}.rq").read_text(encoding="utf-8")


def query(name: str, iris: Iris, bindings: Mapping[str, object | Iterable[object]] | None = None, *,
          folder: str = "linked") -> str:
    """The text of ``queries/{folder}/{name}.rq`` for this base IRI, with ``bindings`` as a VALUES block.

    A binding is one term, or a list of terms for a single variable (one row each).
    """
    return bind(_IG_PREFIX.sub(f"PREFIX ig: <{iris.vocab}>", _text(folder, name)), bindings)
