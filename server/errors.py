"""One JSON error shape for every error the server sends.

    {"error": {"code": "query_timeout", "message": "...", "hint": "what to do next"}, "status": 503}

``code`` is stable (clients branch on it); ``hint`` tells a person what to do next. Errors are
never cached (``Cache-Control: no-store``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from innograph.store.base import StoreError

# StoreError code -> (HTTP status, hint)
STORE_ERRORS: dict[str, tuple[int, str]] = {
    "query_syntax": (400, "Fix the SPARQL syntax at the position given in the message."),
    "query_failed": (400, "The query is well-formed but its evaluation failed; see the message."),
    "query_timeout": (
        503,
        "The query was stopped at the time limit. Add a LIMIT, narrow the patterns, or avoid "
        "unbounded property paths and cartesian products, then retry.",
    ),
    "result_too_large": (
        422,
        "The serialized result passed the size cap. Add a LIMIT/OFFSET to page through it, or "
        "download the data dump instead.",
    ),
    "not_acceptable": (406, "Ask for one of the media types listed in the service description."),
    "store_busy": (503, "Every query worker is busy; retry after the delay in Retry-After."),
    "store_unavailable": (503, "The store is temporarily unavailable; retry shortly."),
    "service_refused": (
        400, "The server never fetches a URL: remove SERVICE, LOAD and server extensions (DEFINE, bif:)."
    ),
    "update_failed": (400, "The update is well-formed but cannot be applied; see the message (use SILENT to ignore)."),
    "update_partial": (
        500,
        "The full view was updated but the public view was not; re-run the update (or re-ingest) to repair.",
    ),
    "store_error": (500, "The store failed on this request; report it if it persists."),
}

# Default codes and hints for plain HTTP errors raised without an ApiError.
HTTP_CODES: dict[int, tuple[str, str]] = {
    400: ("bad_request", "Check the request parameters against the API documentation."),
    401: ("unauthorized", "Send 'Authorization: Bearer <token>'."),
    403: ("forbidden", "This token is not allowed to do that."),
    404: ("not_found", "Check the URL."),
    405: ("method_not_allowed", "Use one of the methods listed in the Allow header."),
    406: ("not_acceptable", "Ask for a media type this resource offers."),
    413: ("request_too_large", "Send a smaller request body."),
    415: ("unsupported_media_type", "Send the body with a supported Content-Type."),
    422: ("invalid_parameters", "See /api/docs for the parameters of each endpoint and their allowed values."),
    429: ("too_many_requests", "Slow down; retry after the delay in Retry-After."),
    500: ("internal_error", "The server failed on this request; report it if it persists."),
    503: ("unavailable", "Retry shortly."),
}

RETRY_AFTER_SECONDS = 5


class ApiError(StarletteHTTPException):
    """An HTTP error with a stable ``code`` and a ``hint``; raise it from any route."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        hint: str = "",
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(status_code=status, detail=message, headers=dict(headers) if headers else None)
        self.code = code
        self.hint = hint or HTTP_CODES.get(status, ("", ""))[1]


def error_response(
    status: int, code: str, message: str, hint: str = "", headers: Mapping[str, str] | None = None
) -> Response:
    body = {"error": {"code": code, "message": message, "hint": hint}, "status": status}
    # Public, read-only API: cross-origin scripts may read the error too (no credentials involved).
    out = {"Cache-Control": "no-store", "Access-Control-Allow-Origin": "*"}
    if status in (429, 503):
        out["Retry-After"] = str(RETRY_AFTER_SECONDS)
    if headers:
        out.update(headers)
    return Response(
        json.dumps(body, ensure_ascii=False).encode(), status_code=status, media_type="application/json", headers=out
    )


def store_error_response(exc: StoreError) -> Response:
    status, hint = STORE_ERRORS.get(exc.code, STORE_ERRORS["store_error"])
    return error_response(status, exc.code, str(exc) or exc.code, hint)


async def _store_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StoreError)
    return store_error_response(exc)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    if isinstance(exc, ApiError):
        return error_response(exc.status_code, exc.code, str(exc.detail), exc.hint, exc.headers)
    code, hint = HTTP_CODES.get(exc.status_code, ("http_error", ""))
    return error_response(exc.status_code, code, str(exc.detail), hint, exc.headers)


# Where FastAPI says a parameter came from: left out of messages, which name the parameter itself.
PARAMETER_SOURCES = frozenset({"query", "path", "header", "cookie", "body"})
INVALID_PARAMETERS_STATUS = 422  # the README's "Invalid input gives 422", on every route


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    problems = "; ".join(
        f"{'.'.join(str(p) for p in e.get('loc', ()) if p not in PARAMETER_SOURCES)}: {e.get('msg', '')}"
        for e in exc.errors()
    )
    code, hint = HTTP_CODES[INVALID_PARAMETERS_STATUS]
    return error_response(INVALID_PARAMETERS_STATUS, code, problems or "invalid request", hint)


async def _unexpected(request: Request, exc: Exception) -> Response:
    return error_response(500, "internal_error", f"{type(exc).__name__}", HTTP_CODES[500][1])


def install(app: FastAPI) -> None:
    app.add_exception_handler(StoreError, _store_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _unexpected)
