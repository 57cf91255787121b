"""The Virtuoso dialect's query and update rewriting, on SPARQL text alone (nothing is sent):
system-graph exclusion needs ``GRAPH <iri>`` sent as a VALUES-bound variable, ``DROP/CLEAR
ALL|NAMED|DEFAULT`` become one ``DROP SILENT GRAPH`` per graph, ``INSERT DATA`` with blank nodes a
template, relative IRIs are resolved against ``BASE``, a SELECT is paged from outside, and
Virtuoso extensions are refused. Why each is needed: ``virtuoso.py``'s docstring.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

import innograph.sparql_text as sparql_text
from innograph.store.base import QueryFailed

_DROP_MANY = re.compile(r"\b(DROP|CLEAR)\s+(SILENT\s+)?(ALL|NAMED|DEFAULT)\b", re.I)
_EXTENSION_WORD = re.compile(r"(?<![\w?$:])DEFINE\b|(?<![\w:])(bif|sql):", re.I)
_IRI = re.compile(r"<([^<>\"{}|^`\\\s]*)>")
# Strings, comments and IRIs in one scan, left to right: a "#" inside an IRI starts no comment
# and a quote inside an IRI no string.
_LEXICAL = re.compile(
    r"'''.*?'''" r'|""".*?"""' r"|'(?:[^'\\\n]|\\.)*'" r'|"(?:[^"\\\n]|\\.)*"' r"|#[^\n]*"
    r"|<[^<>\"{}|^`\\\s]*>",
    re.S,
)


# The GRAPH keyword (not ?graph, ex:graph) followed by a constant: an IRI or a prefixed name.
_CONSTANT_GRAPH = re.compile(r"(?<![?$\w:/#.-])GRAPH(\s*)(<|[A-Za-z_][\w.-]*:|:)", re.I)
_GRAPH_TERM = re.compile(r"<[^<>\"{}|^`\\\s]*>|[A-Za-z_][\w.-]*:[\w.-]*|:[\w.-]*")
_STAR_PROJECTION = re.compile(r"\b(SELECT|DESCRIBE)\s+(DISTINCT\s+|REDUCED\s+)?\*", re.I)
_BASE_OR_IRI = re.compile(r"(?<![?$\w:])BASE\s*<([^<>\"{}|^`\\\s]*)>|<([^<>\"{}|^`\\\s]*)>", re.I)
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_INSERT_DATA = re.compile(r"(?<![?$\w:])INSERT\s+DATA\b", re.I)
_DATA_BLOCK = re.compile(r"(?<![?$\w:])(INSERT|DELETE)\s+DATA\s*\{", re.I)
_GRAPH_BLOCK = re.compile(r"(?<![?$\w:])GRAPH\s*(<[^<>]*>|[A-Za-z_][\w.-]*:[\w.-]*|:[\w.-]*)\s*\{", re.I)
_BLANK_NODE = re.compile(r"(?<![\w.-])_:|\[")  # a labelled blank node or [ ... ] (IRIs and strings masked)
GRAPH_VARIABLE = "innograph_graph_"  # + a number: what a constant GRAPH becomes
_MODIFIERS = re.compile(r"\b(ORDER\s+BY|LIMIT|OFFSET)\b", re.I)
_PROJECTION = re.compile(r"\bSELECT\b(.*?)(?:\bWHERE\b|\{)", re.I | re.S)
_PROJECTION_TOKEN = re.compile(r"[()*]|[?$]\w+|\bAS\b", re.I)


class ExtensionRefused(QueryFailed):
    """A Virtuoso extension that can make the server fetch URLs (``DEFINE``, ``bif:``, ``sql:``)."""

    code = "service_refused"


def refuse_extensions(text: str) -> None:
    """Raise :class:`ExtensionRefused` when ``text`` uses ``DEFINE``, or a function or IRI in
    Virtuoso's ``bif:`` / ``sql:`` namespaces (strings and comments do not count)."""
    iris = _IRI.findall(masked(text, iris="keep"))
    bare = masked(text)
    found = _EXTENSION_WORD.search(bare)
    if found is None:
        found = next((m for m in map(re.compile(r"^(bif|sql):", re.I).match, iris) if m), None)
    if found is not None:
        raise ExtensionRefused(
            f"{found.group(0).strip()!r}: Virtuoso extensions are not allowed (they can fetch URLs); "
            "use standard SPARQL 1.1"
        )


def needs_explicit_drops(update: str) -> bool:
    """Whether ``update`` holds a ``DROP/CLEAR ALL|NAMED|DEFAULT`` (outside strings, IRIs, comments)."""
    return _DROP_MANY.search(masked(update)) is not None


def default_graph_explicit(update: str, graph: str) -> str:
    """The statements of each ``INSERT DATA`` / ``DELETE DATA`` that name no graph, put in
    ``GRAPH <graph>``. Virtuoso has no default graph to write to, and the request parameter that
    would name one (``default-graph-uri``) makes the same request's ``WHERE`` clauses match in that
    graph alone, ``GRAPH <g>`` patterns included (measured: such a ``DELETE WHERE`` deletes nothing)."""
    masked_update = masked(update, iris="brackets")
    parts, last = [], 0
    for found in _DATA_BLOCK.finditer(masked_update):
        closing = _closing_brace(masked_update, found.end() - 1)
        if closing is None:
            continue
        named, loose, at = [], [], found.end()
        for block in _GRAPH_BLOCK.finditer(masked_update, at, closing):
            if block.start() < at:
                continue
            end = _closing_brace(masked_update, block.end() - 1)
            if end is None or end > closing:
                break
            loose.append(update[at : block.start()])
            named.append(update[block.start() : end + 1])
            at = end + 1
        loose.append(update[at:closing])
        statements = [text.strip().strip(".").strip() for text in loose]
        unnamed = "\n.\n".join(t for t in statements if t)  # a line break ends any comment
        if unnamed:
            named.append(f"GRAPH <{graph}> {{\n{unnamed}\n}}")
        parts += [update[last : found.end()], "\n", "\n".join(named), "\n"]
        last = closing
    return "".join(parts) + update[last:]


def explicit_drops(update: str, named: list[str], default_graph: str) -> str:
    """``DROP/CLEAR ALL|NAMED|DEFAULT`` as one ``DROP SILENT GRAPH`` per graph (Virtuoso
    answers 200 to the originals and deletes nothing): ``named`` are the named graphs,
    ``default_graph`` the graph updates without GRAPH write to. Only whole operations are
    rewritten: the keyword must stand where an operation starts."""

    def replace(match: re.Match[str]) -> str:
        scope = match.group(3).upper()
        graphs = {"ALL": [*named, default_graph], "NAMED": named, "DEFAULT": [default_graph]}[scope]
        return sparql_text.drop_graphs(graphs) or f"DROP SILENT GRAPH <{default_graph}>"

    return _DROP_MANY.sub(replace, update)


def paging_order(query: str) -> list[str] | None:
    """The variables a SELECT projects (``?v`` and ``(... AS ?v)``), to order its pages by; None
    when it cannot be paged from outside: ``*``, its own ORDER BY/LIMIT/OFFSET, or a trailing VALUES."""
    masked_query = masked(query)
    projection = _PROJECTION.search(masked_query)
    if projection is None or _MODIFIERS.search(masked_query) or _has_trailing_values(masked_query):
        return None
    names: list[str] = []
    depth, after_as = 0, False
    for token in _PROJECTION_TOKEN.findall(projection.group(1)):
        if token == "*":
            return None
        depth += {"(": 1, ")": -1}.get(token, 0)
        if token[0] in "?$" and (depth == 0 or after_as):
            names.append("?" + token[1:])
        after_as = token.upper() == "AS"
    return names or None


def resolved_against_base(text: str) -> str:
    """Relative IRIs made absolute against the ``BASE`` in effect, and the BASE declarations
    dropped: Virtuoso refuses a second BASE (innograph's /sparql puts one before every update)
    and resolves ``file:///`` bases wrongly (``file:/dir/x``). Unchanged when a base cannot be
    resolved here (a scheme Python does not resolve against)."""
    parts, last, base = [], 0, ""
    for found in _BASE_OR_IRI.finditer(masked(text, iris="keep")):
        declared, iri = found.group(1), found.group(2)
        target = declared if declared is not None else iri
        if _SCHEME.match(target) or not base:
            absolute = target if _SCHEME.match(target) else ""
        else:
            absolute = urljoin(base, target)
            if target.endswith("#") and not absolute.endswith("#"):
                absolute += "#"  # urljoin drops an empty fragment: "ns#" must stay "ns#"
        if declared is None and not absolute:
            continue  # relative, before any BASE: left to the server
        if not _SCHEME.match(absolute):
            return text
        if declared is not None:
            base = absolute
        parts += [text[last : found.start()], "" if declared is not None else f"<{absolute}>"]
        last = found.end()
    return "".join(parts) + text[last:] if base else text


def blank_nodes_by_template(update: str) -> str:
    """Each ``INSERT DATA { ... }`` holding blank nodes as ``INSERT { ... } WHERE { }``: Virtuoso
    refuses blank nodes in INSERT DATA (SP031) but takes them in a template, which instantiated
    once inserts the same triples with fresh blank nodes, as INSERT DATA does."""
    masked_update = masked(update, iris="brackets")
    parts, last = [], 0
    for found in _INSERT_DATA.finditer(masked_update):
        opening = masked_update.find("{", found.end())
        closing = _closing_brace(masked_update, opening) if opening >= 0 else None
        if closing is None or not _BLANK_NODE.search(masked_update, opening, closing):
            continue
        parts += [update[last : found.start()], "INSERT ", update[opening : closing + 1], " WHERE { }"]
        last = closing + 1
    return "".join(parts) + update[last:]


def _closing_brace(text: str, opening: int) -> int | None:
    depth = 0
    for at in range(opening, len(text)):
        depth += {"{": 1, "}": -1}.get(text[at], 0)
        if depth == 0:
            return at
    return None


def graphs_as_variables(query: str) -> str | None:
    """``GRAPH <iri> {`` as ``VALUES ?innograph_graph_N { <iri> } GRAPH ?innograph_graph_N {``
    (same answers; Virtuoso's exclusions then keep working), or None when the query projects
    ``*`` and has such a constant (the new variable would show)."""
    masked_query = masked(query, iris="brackets")
    found = list(_CONSTANT_GRAPH.finditer(masked_query))
    if not found:
        return query
    if _STAR_PROJECTION.search(masked_query):
        return None
    parts, last = [], 0
    for number, keyword in enumerate(found):
        term = _GRAPH_TERM.match(query, keyword.end(1))
        if term is None:
            return None
        variable = f"?{GRAPH_VARIABLE}{number}"
        parts += [query[last : keyword.start()], f"VALUES {variable} {{ {term.group(0)} }} GRAPH {variable}"]
        last = term.end()
    return "".join(parts) + query[last:]


def masked(text: str, *, iris: str = "blank") -> str:
    """``text`` with strings and comments blanked, every offset kept; IRIs blanked too, or kept
    (``iris="keep"``), or blanked between their brackets (``iris="brackets"``)."""

    def blank(found: re.Match[str]) -> str:
        token = found.group(0)
        if token.startswith("<") and iris == "keep":
            return token
        if token.startswith("<") and iris == "brackets":
            return "<" + " " * (len(token) - 2) + ">"
        return " " * len(token)

    return _LEXICAL.sub(blank, text)


def _has_trailing_values(masked_query: str) -> bool:
    """A VALUES block after the WHERE group (solution modifiers would have to come before it)."""
    depth, opened = 0, False
    for token in re.findall(r"[{}]|\bVALUES\b", masked_query, re.I):
        if token.upper() == "VALUES" and depth == 0 and opened:
            return True
        depth += {"{": 1, "}": -1}.get(token, 0)
        opened = opened or token == "{"
    return False
