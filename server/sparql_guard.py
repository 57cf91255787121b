"""The checks the endpoint makes before evaluation, read from a small, fast SPARQL tokenizer.

It answers, without a full parse (a few microseconds per query):

- is this a SELECT/ASK/CONSTRUCT/DESCRIBE query (for content negotiation before evaluation)?
- does the query carry its own dataset (``FROM`` / ``FROM NAMED``)?
- does it ask the server to fetch a URL (``SERVICE``, ``LOAD``)? Those are refused (SSRF).
- does an update carry ``USING`` / ``WITH`` (which conflicts with protocol ``using-graph-uri``)?

The tokenizer is the store's (:mod:`innograph.store.direct_shape`, which also uses it to tell the
queries cheap enough to answer without a worker process); its docstring says what the tokens are.
Keywords are only recognised as bare words, never inside strings, IRIs, comments or names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from innograph.store.direct_shape import Token, cheap_form, tokens

QUERY_FORMS = frozenset({"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"})
FETCHING_KEYWORDS = frozenset({"SERVICE", "LOAD"})


@dataclass(frozen=True)
class Analysis:
    form: str | None  # SELECT / ASK / CONSTRUCT / DESCRIBE, or None (update or unknown)
    has_dataset: bool  # FROM or FROM NAMED
    fetches: tuple[str, ...]  # SERVICE / LOAD keywords found (upper case)
    has_using_or_with: bool  # an update's own dataset
    where_positions: tuple[int, ...]  # offsets of update-operation WHERE keywords (for USING)


_CHEAP = {form: Analysis(form, False, (), False, ()) for form in ("ASK", "SELECT")}


def analyse(text: str) -> Analysis:
    """What the endpoint needs to know about a query or update text.

    Short texts are cached (clients repeat the same queries); long ones are not, so the cache
    stays small whatever clients send. A text of one of the store's cheap shapes (which the store
    tests anyway, cached) is answered from its form: those shapes admit no keyword but the
    prologue's, the form's, ``WHERE``, ``LIMIT``, ``a``, ``true`` and ``false``, so no dataset,
    no fetching and no update clause (checked against the scan in tests/test_sparql_fast_shape.py).
    """
    form = cheap_form(text)
    if form is not None:
        return _CHEAP[form]
    return _analyse_cached(text) if len(text) <= 4096 else _analyse(text)


@lru_cache(maxsize=1024)
def _analyse_cached(text: str) -> Analysis:
    return _analyse(text)


def _analyse(text: str) -> Analysis:
    form: str | None = None
    has_dataset = False
    has_using = False
    fetches: list[str] = []
    wheres: list[int] = []
    depth = 0
    previous = ""
    operation = ""  # the keyword that opened the current update operation
    for tok in tokens(text):
        if tok.kind == "punct":
            if tok.text == "{":
                depth += 1
            elif tok.text == "}":
                depth = max(depth - 1, 0)
            elif tok.text == ";" and depth == 0:
                operation = ""
            previous = tok.text
            continue
        if tok.kind != "word":
            previous = ""
            continue
        word = tok.text.upper()
        if word in FETCHING_KEYWORDS:
            fetches.append(word)
        if form is None and word in QUERY_FORMS and depth == 0:
            form = word
        elif word == "FROM":
            has_dataset = True
        elif word in ("USING", "WITH") and depth == 0:
            has_using = True
        if depth == 0:
            if not operation and word in ("INSERT", "DELETE", "WITH"):
                operation = word
            # A Modify operation's WHERE; "DELETE WHERE" is the shortcut form (no USING allowed).
            if word == "WHERE" and operation and previous != "DELETE":
                wheres.append(tok.start)
        previous = word
    return Analysis(form, has_dataset, tuple(fetches), has_using, tuple(wheres))


def with_using(update: str, analysis: Analysis, default_graphs: Sequence[str], named_graphs: Sequence[str]) -> str:
    """The update with protocol ``using-graph-uri`` / ``using-named-graph-uri`` as USING clauses.

    USING goes right before the WHERE of each INSERT/DELETE ... WHERE operation. The shortcut
    ``DELETE WHERE`` takes no USING in the grammar and is left as it is.
    """
    clause = " ".join(
        [*(f"USING <{_iri(g)}>" for g in default_graphs), *(f"USING NAMED <{_iri(g)}>" for g in named_graphs)]
    )
    out, last = [], 0
    for pos in analysis.where_positions:
        out += [update[last:pos], clause, " "]
        last = pos
    out.append(update[last:])
    return "".join(out)


def _iri(value: str) -> str:
    if not value or re.search(r'[<>"{}|^`\\\x00-\x20]', value):
        raise ValueError(f"not a valid IRI: {value!r}")
    return value


def resolved(text: str) -> Iterator[tuple[Token, str | None]]:
    """Every token with the IRI it denotes (IRIREFs resolved against BASE, prefixed names expanded)."""
    from urllib.parse import urljoin

    base = ""
    prefixes: dict[str, str] = {}
    pending: str | None = None  # "BASE", "PREFIX", or the prefix being declared ("ex:")
    for tok in tokens(text):
        iri: str | None = None
        if tok.kind == "word" and tok.text.upper() in ("BASE", "PREFIX"):
            pending = tok.text.upper()
        elif tok.kind == "iri":
            iri = urljoin(base, tok.text[1:-1]) if base else tok.text[1:-1]
            if pending == "BASE":
                base = iri
            elif pending and pending.endswith(":"):
                prefixes[pending] = iri
            pending = None
        elif tok.kind == "pname" and pending == "PREFIX":
            pending = tok.text.partition(":")[0] + ":"  # the declaration's IRI comes next
        elif tok.kind == "pname":
            pending = None
            prefix, _, local = tok.text.partition(":")
            if prefix + ":" in prefixes:
                iri = prefixes[prefix + ":"] + re.sub(r"\\(.)", r"\1", local)
        else:
            pending = None
        yield tok, iri


def mentioned_iris(text: str) -> Iterator[str]:
    """Every IRI written in the text."""
    return (iri for _, iri in resolved(text) if iri is not None)


def dataset_clauses(text: str) -> tuple[list[str], list[str]]:
    """The IRIs of a query's ``FROM`` and ``FROM NAMED`` clauses (default graphs, named graphs)."""
    defaults: list[str] = []
    named: list[str] = []
    state = ""  # "FROM" after FROM, "NAMED" after FROM NAMED
    for tok, iri in resolved(text):
        word = tok.text.upper() if tok.kind == "word" else ""
        if word == "FROM":
            state = "FROM"
        elif word == "NAMED" and state == "FROM":
            state = "NAMED"
        elif state and iri is not None:
            (named if state == "NAMED" else defaults).append(iri)
            state = ""
        else:
            state = ""
    return defaults, named
