"""The application factory: ``create_app(settings, store)``; nothing is created at import time.

Every route module is imported plainly: a missing or broken one is an ImportError at start-up,
never a smaller server. Routes reach the settings and the store only through the dependencies of
:mod:`innograph.server.deps`, so tests can swap them with ``app.dependency_overrides``; a store
given that way is the caller's: the lifespan neither opens, starts nor closes it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio.to_thread
from fastapi import APIRouter, FastAPI
from innograph.server import deps, errors
from innograph.server.linked.http import RepresentationCache
from innograph.server.routes import dataset, linked_data, partners, sparql, ui
from starlette.types import Receive, Scope, Send

from innograph.settings import Settings
from innograph.store import Store, open_store

ROUTERS: tuple[APIRouter, ...] = (sparql.router, ui.router, linked_data.router, dataset.router, partners.router)


class InnographApp(FastAPI):
    """FastAPI, except that /sparql GET and POST skip the framework's layers (issue 12: they cost
    more than a point lookup itself); everything else, /sparql OPTIONS included, goes through it."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if sparql.takes_fast_path(scope):
            await sparql.serve_fast(self, scope, receive, send)
            return
        await super().__call__(scope, receive, send)


def create_app(settings: Settings | None = None, store: Store | None = None) -> FastAPI:
    """A new app. Without ``store`` it opens the one ``settings`` describe and closes it on shutdown."""
    settings = settings or Settings()
    owns_store = store is None

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if deps.get_store in app.dependency_overrides:  # a store given by the caller (tests) stays theirs
            yield
            return
        if app.state.store is None:
            app.state.store = await anyio.to_thread.run_sync(open_store, settings)
        # Start the query workers now, so the first request does not pay for it.
        await anyio.to_thread.run_sync(app.state.store.start)
        try:
            yield
        finally:
            if owns_store and app.state.store is not None:
                await anyio.to_thread.run_sync(app.state.store.close)
                app.state.store = None

    app = InnographApp(
        title="innograph",
        summary="SPARQL endpoint, linked data and partner search over Europe's regional innovation actors",
        lifespan=lifespan,
        docs_url="/api/docs",
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.settings = settings
    app.state.store = store
    app.state.representations = RepresentationCache()  # linked data, keyed by store state
    app.state.triple_counts = {}  # service description, by (store, generation)
    errors.install(app)
    for router in ROUTERS:
        app.include_router(router)
    return app
