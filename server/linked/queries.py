"""The SPARQL of the linked-data routes, read from ``queries/linked/*.rq``.

Two adjustments, both to configuration and never to user input: the ``ig:`` prefix follows
``INNOGRAPH_BASE_IRI``, and bound values are placed as an inline ``VALUES`` block at the start of
the innermost ``WHERE`` group (so they restrict the pattern before any aggregate or UNION, which a
trailing ``VALUES`` would not). Values are serialized by pyoxigraph, so they cannot change the
structure of the query.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources

from innograph.iris import Iris
from innograph.store.sparql_text import term

_IG_PREFIX = re.compile(r"^PREFIX ig: <[^>]*>", re.MULTILINE)
_WHERE = re.compile(r"WHERE\s*\{")
_VAR = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@cache
def _text(name: str) -> str:
    return (resources.files("innograph.queries") / "linked" / f"{name}.rq").read_text(encoding="utf-8")


def query(name: str, iris: Iris, bindings: Mapping[str, object | Iterable[object]] | None = None) -> str:
    """The text of ``queries/linked/{name}.rq`` for this base IRI, with ``bindings`` inlined.

    A binding is one term, or a list of terms for a single variable (one row each).
    """
    text = _IG_PREFIX.sub(f"PREFIX ig: <{iris.vocab}>", _text(name))
    if not bindings:
        return text
    block = values_block(bindings)
    matches = list(_WHERE.finditer(text))
    if not matches:
        raise ValueError(f"{name}.rq has no WHERE group to bind values in")
    at = matches[-1].end()
    return f"{text[:at]}\n  {block}\n{text[at:]}"


def values_block(bindings: Mapping[str, object | Iterable[object]]) -> str:
    names = list(bindings)
    for name in names:
        if not _VAR.match(name):
            raise ValueError(f"invalid variable name {name!r}")
    many = [n for n in names if isinstance(bindings[n], list | tuple | set | frozenset)]
    if many and len(names) > 1:
        raise ValueError("a list of values can only be bound when it is the only binding")
    if many:
        rows = [f"({term(v)})" for v in bindings[many[0]]]  # type: ignore[union-attr]
    else:
        rows = ["(" + " ".join(str(term(bindings[n])) for n in names) + ")"]
    head = " ".join(f"?{n}" for n in names)
    return f"VALUES ({head}) {{ {' '.join(rows)} }}"
