"""FastAPI dependencies shared by every route module."""

from __future__ import annotations

import hmac

from fastapi import Request

from innograph.settings import Settings
from innograph.store import Store
from innograph.store.base import Partition


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def bearer_token(request: Request) -> str | None:
    """The token of an ``Authorization: Bearer ...`` header, or None."""
    header = request.headers.get("authorization")
    if not header:
        return None
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer":
        return None
    return token.strip() or None


def is_authorised(request: Request) -> bool:
    """True when the request carries the configured token. An empty token authorises nobody."""
    expected = get_settings(request).token
    token = bearer_token(request)
    if not expected or token is None:
        return False
    return hmac.compare_digest(token.encode(), expected.encode())


def partition_for(request: Request) -> Partition:
    """The store partition a request may read: personal graphs only with the token."""
    return "full" if is_authorised(request) else "public"
