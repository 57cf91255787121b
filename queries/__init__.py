"""SPARQL queries shipped with innograph, read as package data (works from an installed wheel).

This package is data: the ``.rq`` files, and the one reader of them, :func:`text`.

Conventions of every file:

- it starts with ``# title: ...`` and ``# description: ...`` comment lines (a description may go on
  over further comment lines indented by at least two spaces);
- it declares every prefix it uses, ``ig:`` included, with the default base IRI:
  ``PREFIX ig: <https://w3id.org/innograph/ontology#>``, so that it runs as written in any SPARQL
  tool; :func:`text` points that one declaration at the deployment's own ``ig:`` namespace;
- values are never pasted into the text: callers bind them with
  :func:`innograph.sparql_text.bind` (or get text and bindings in one call from
  :func:`innograph.sparql_text.query_text`).

``examples()`` lists the example queries of ``queries/examples/``, which the query page offers
one click away.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from innograph.namespaces import DEFAULT_BASE_IRI, vocab

EXAMPLES_FOLDER = "examples"
DEFAULT_VOCAB = vocab(DEFAULT_BASE_IRI)
IG_DECLARATION = f"PREFIX ig: <{DEFAULT_VOCAB}>"
_IG_DECLARED = re.compile(r"^PREFIX\s+ig:\s*<([^>]*)>", re.MULTILINE | re.IGNORECASE)
_IG_USED = re.compile(r"(?<![\w:])ig:")


class QueryFileError(ValueError):
    """A query file that breaks the conventions above (a developer's mistake, not a user's)."""


@cache
def _raw(name: str) -> str:
    *folders, stem = name.split("/")
    return files(__name__).joinpath(*folders, f"{stem}.rq").read_text(encoding="utf-8")


def check(name: str, query: str) -> None:
    """Raise :class:`QueryFileError` unless ``query`` (the text of ``name``) declares ``ig:``
    exactly as the convention says whenever it uses it."""
    body = "\n".join(line for line in query.splitlines() if not line.lstrip().startswith("#"))
    declared = _IG_DECLARED.findall(body)
    if declared and declared != [DEFAULT_VOCAB]:
        raise QueryFileError(f"queries/{name}.rq: declare ig: once, as {IG_DECLARATION}")
    if not declared and _IG_USED.search(_IG_DECLARED.sub("", body)):
        raise QueryFileError(f"queries/{name}.rq uses ig: without declaring it ({IG_DECLARATION})")


def text(name: str, vocabulary: str = DEFAULT_VOCAB) -> str:
    """The query ``queries/{name}.rq`` (``name`` like ``"linked/describe"``), its ``ig:`` prefix
    declared as ``vocabulary`` (the deployment's ``Iris.vocab``). A missing file or a file that
    breaks the conventions is an error."""
    query = _raw(name)
    check(name, query)
    return _IG_DECLARED.sub(f"PREFIX ig: <{vocabulary}>", query, count=1)


@dataclass(frozen=True)
class Example:
    name: str  # file name without .rq, e.g. "organisations-by-country"
    title: str
    description: str
    text: str


def parse_header(text: str) -> tuple[str, str]:
    """The ``# title:`` and ``# description:`` of a query file (empty strings when absent)."""
    fields: dict[str, str] = {}
    current: str | None = None
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        body = line[1:]
        key, sep, value = body.strip().partition(":")
        if sep and key.strip().lower() in ("title", "description") and not body.startswith("  "):
            current = key.strip().lower()
            fields[current] = value.strip()
        elif current and body.startswith("  "):  # continuation of the previous field
            fields[current] = f"{fields[current]} {body.strip()}".strip()
        else:
            current = None
    return fields.get("title", ""), fields.get("description", "")


def examples() -> list[Example]:
    """Every example query, sorted by title."""
    folder = files(__name__).joinpath(EXAMPLES_FOLDER)
    found = []
    for entry in folder.iterdir():
        if not entry.name.endswith(".rq"):
            continue
        text = entry.read_text(encoding="utf-8")
        title, description = parse_header(text)
        name = entry.name[: -len(".rq")]
        found.append(Example(name=name, title=title or name, description=description, text=text))
    return sorted(found, key=lambda e: e.title.lower())
