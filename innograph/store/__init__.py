"""The graph store: one interface, two backends (embedded Oxigraph, any SPARQL 1.1 server)."""

from __future__ import annotations

from typing import Any

from innograph.settings import Settings
from innograph.store.base import (
    DocumentWrite,
    NotAcceptable,
    PersonalViewUnavailable,
    QueryFailed,
    QueryRequest,
    QueryResponse,
    QuerySyntaxError,
    QueryTimeout,
    ReadView,
    ResultTooLarge,
    Store,
    StoreBusy,
    StoreError,
    StoreUnavailable,
    UpdateFailed,
)
from innograph.store.embedded import EmbeddedStore
from innograph.store.remote import RemoteStore
from innograph.store.virtuoso import VirtuosoStore

__all__ = [
    "DocumentWrite",
    "EmbeddedStore",
    "NotAcceptable",
    "PersonalViewUnavailable",
    "QueryFailed",
    "QueryRequest",
    "QueryResponse",
    "QuerySyntaxError",
    "QueryTimeout",
    "ReadView",
    "RemoteStore",
    "ResultTooLarge",
    "Store",
    "StoreBusy",
    "StoreError",
    "StoreUnavailable",
    "UpdateFailed",
    "VirtuosoStore",
    "open_store",
]


def open_store(settings: Settings) -> Store:
    """The store the settings describe (``INNOGRAPH_BACKEND``)."""
    if settings.backend == "remote":
        endpoints: dict[str, Any] = {  # what both remote flavours take
            "full_query_url": settings.remote_full_query_url,
            "full_update_url": settings.remote_full_update_url,
            "timeout": settings.query_timeout,
            "max_result_bytes": settings.max_result_bytes,
        }
        if settings.remote_flavour == "virtuoso":
            return VirtuosoStore(settings.iris, settings.remote_query_url, settings.remote_update_url, **endpoints,
                                 user=settings.remote_user, password=settings.remote_password)
        return RemoteStore(settings.iris, settings.remote_query_url, settings.remote_update_url, **endpoints)
    return EmbeddedStore(
        settings.store,
        settings.iris,
        workers=settings.query_workers,
        timeout=settings.query_timeout,
        max_result_bytes=settings.max_result_bytes,
    )
