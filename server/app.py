"""The application factory: ``create_app(settings, store)``; nothing is created at import time.

Route modules live in :mod:`innograph.server.routes`; each exposes ``router: APIRouter``. A module
that does not exist (yet) is skipped, so parts of the server can be built and shipped separately.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio.to_thread
from fastapi import FastAPI
from innograph.server import errors

from innograph.settings import Settings
from innograph.store import Store, open_store

log = logging.getLogger(__name__)

ROUTES_PACKAGE = "innograph.server.routes"
ROUTE_MODULES = ("sparql", "ui", "linked_data", "partners")


def _include_routes(app: FastAPI) -> None:
    included: list[str] = []
    for name in ROUTE_MODULES:
        module_name = f"{ROUTES_PACKAGE}.{name}"
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:  # a missing dependency inside the module is a real error
                raise
            log.info("route module %s not present; skipped", module_name)
            continue
        app.include_router(module.router)
        included.append(name)
    app.state.route_modules = tuple(included)  # which parts this build serves (e.g. "ui" for /)


def create_app(settings: Settings | None = None, store: Store | None = None) -> FastAPI:
    """A new app. Without ``store`` it opens the one ``settings`` describe and closes it on shutdown."""
    settings = settings or Settings()
    owns_store = store is None

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if app.state.store is None:
            app.state.store = await anyio.to_thread.run_sync(open_store, settings)
        # Start the query workers now, so the first request does not pay for it.
        current = app.state.store
        await anyio.to_thread.run_sync(lambda: getattr(current, "pool", None))
        try:
            yield
        finally:
            if owns_store and app.state.store is not None:
                await anyio.to_thread.run_sync(app.state.store.close)
                app.state.store = None

    app = FastAPI(
        title="innograph",
        summary="SPARQL endpoint, linked data and partner search over Europe's regional innovation actors",
        lifespan=lifespan,
        docs_url="/api/docs",
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.settings = settings
    app.state.store = store
    errors.install(app)
    _include_routes(app)
    return app
