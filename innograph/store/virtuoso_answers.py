"""The Virtuoso dialect's answers put back in the standard shape, or refused when cut: an answer
cut by Virtuoso's "anytime" time limit or by its ``ResultSetMaxRows`` is an error, an ASK answer
sent as a table (``__ASK_RETVAL``) becomes a boolean, and ``nodeID://`` blank node labels plain
labels. Why: ``virtuoso.py``'s docstring.
"""

from __future__ import annotations

import json
import re
from email.message import Message

from innograph.store.base import QueryTimeout, ResultTooLarge
from innograph.store.virtuoso_rewrite import masked

_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.I)
_ASK_VARIABLE = "__ASK_RETVAL"
_BNODE_JSON = re.compile(rb'("type"\s*:\s*"bnode"\s*,\s*"value"\s*:\s*")nodeID://')
_BNODE_XML = re.compile(rb"(<bnode>)nodeID://")


def checked_answer(query: str, headers: Message, body: bytes, timeout: float) -> bytes:
    """The answer to ``query`` in the standard shape; :class:`QueryTimeout` or
    :class:`ResultTooLarge` when Virtuoso cut it (partial at its time limit, or at its row cap)."""
    if headers.get("X-SQL-State") == "S1TAT":  # "anytime": the answer is partial
        raise QueryTimeout(f"the query did not finish within {timeout:g} s (Virtuoso returned a partial answer)")
    if headers.get("X-SPARQL-MaxRows"):
        raise ResultTooLarge(
            f"the answer has more than {headers['X-SPARQL-MaxRows']} rows (Virtuoso's ResultSetMaxRows); "
            "add a LIMIT/OFFSET"
        )
    media_type = headers.get("Content-Type", "").split(";")[0].strip().lower()
    if query_form(query) == "ASK":
        return boolean_answer(media_type, body)
    return _BNODE_JSON.sub(rb"\1", _BNODE_XML.sub(rb"\1", body))  # "nodeID://b1" is no blank node label


def query_form(query: str) -> str | None:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the first form keyword outside strings, IRIs, comments."""
    found = _FORM.search(masked(query))
    return found.group(1).upper() if found else None


def boolean_answer(media_type: str, body: bytes) -> bytes:
    """An ASK answer in the standard boolean shape: Virtuoso sends a table whose variable is
    ``__ASK_RETVAL``, with one row (1) for true and no row for false, in every results format."""
    if _ASK_VARIABLE.encode() not in body:
        return body
    value = "true" if _ask_value(media_type, body) else "false"
    if media_type in ("application/sparql-results+json", "application/json"):
        return json.dumps({"head": {}, "boolean": value == "true"}).encode()
    if media_type in ("application/sparql-results+xml", "application/xml"):
        return (
            '<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
            f"<head/><boolean>{value}</boolean></sparql>\n"
        ).encode()
    return f"{value}\n".encode()  # CSV / TSV: no standard shape; the value alone


def _ask_value(media_type: str, body: bytes) -> bool:
    if media_type in ("application/sparql-results+json", "application/json"):
        rows = json.loads(body)["results"]["bindings"]
        return bool(rows) and rows[0].get(_ASK_VARIABLE, {}).get("value") not in ("0", "false")
    if media_type in ("application/sparql-results+xml", "application/xml"):
        found = re.search(rb"<binding name=\"__ASK_RETVAL\">\s*<literal[^>]*>([^<]*)<", body)
        return found is not None and found.group(1).strip() not in (b"0", b"false")
    lines = [line.strip() for line in body.decode().splitlines()[1:] if line.strip()]  # CSV / TSV: header first
    return bool(lines) and lines[0].strip('"') not in ("0", "false")
