"""What the embedded store and its query workers say to each other: a query as a job (a plain
dict, sent to a worker process or to the in-process reader of ``direct.py``) and a worker's reply
tuple turned back into a :class:`~innograph.store.base.QueryResponse` or the coded error it names.
"""

from __future__ import annotations

from typing import Any

from innograph.store.base import (
    NotAcceptable,
    QueryFailed,
    QueryRequest,
    QueryResponse,
    QuerySyntaxError,
    ResultTooLarge,
    StoreError,
)


def query_job(request: QueryRequest, max_result_bytes: int) -> dict[str, Any]:
    """The job of one query; ``max_result_bytes`` stands where the request sets no limit."""
    return {
        "query": request.query,
        "partition": request.partition,
        "accept": list(request.accept),
        "default_graphs": list(request.default_graphs),
        "named_graphs": list(request.named_graphs),
        "union": request.union_default_graph,
        "max_bytes": request.max_bytes or max_result_bytes,
        "base_iri": request.base_iri,
    }


def query_response(reply: tuple[Any, ...]) -> QueryResponse:
    """The answer a reply carries, or the error it reports raised."""
    status = reply[0]
    if status == "ok":
        return QueryResponse(kind=reply[1], media_type=reply[2], body=reply[3], elapsed=reply[4])
    if status == "syntax":
        raise QuerySyntaxError(reply[1])
    if status == "too_large":
        raise ResultTooLarge(reply[1])
    if status == "not_acceptable":
        raise NotAcceptable(reply[1], reply[2])
    if status == "evaluation":
        raise QueryFailed(reply[1])
    raise StoreError(reply[1])
