"""The cheapest possible uvicorn app: a constant SPARQL JSON answer, no routing, no store.

``sparql_vs_oxigraph.py`` measures it as the ceiling any Python server on uvicorn can reach on this
machine with this load generator; our ratio to oxigraph cannot beat this one's.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

BODY = b'{"head":{},"boolean":true}'
HEADERS = [(b"content-type", b"application/sparql-results+json"), (b"content-length", str(len(BODY)).encode())]


async def app(
    scope: dict[str, Any], receive: Callable[[], Awaitable[dict]], send: Callable[[dict], Awaitable[None]]
) -> None:
    if scope["type"] != "http":
        return
    await send({"type": "http.response.start", "status": 200, "headers": HEADERS})
    await send({"type": "http.response.body", "body": BODY})
