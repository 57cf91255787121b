"""SPARQL queries shipped with innograph, read as package data (works from an installed wheel).

``examples()`` lists the example queries of ``queries/examples/``, which the query page offers
one click away. Each file starts with ``# title: ...`` and ``# description: ...`` comment lines;
a description may go on over further comment lines indented by at least two spaces.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files

EXAMPLES_FOLDER = "examples"


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
