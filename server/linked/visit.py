"""What every linked-data handler needs about one request: a FastAPI dependency, ``VisitDep``.

A :class:`Visit` carries the settings and the store (through the shared dependencies, so tests
can override them), who is asking (partition), the language and media type asked for, and the
store state that cached representations are keyed on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from innograph.server.deps import SettingsDep, StoreDep, is_authorised
from innograph.server.errors import error_response
from innograph.server.linked import resources, sitemap, variants
from innograph.server.linked.http import (
    CORS_HEADERS,
    VARY,
    Representation,
    RepresentationCache,
    StoreState,
    preflight,
    respond,
    store_state,
)
from innograph.server.linked.variants import HTML, UnknownFormat
from starlette.responses import Response

from innograph.iris import Iris
from innograph.settings import Settings
from innograph.store import Store
from innograph.store.base import Partition


class Visit:
    """One request to a linked-data route."""

    def __init__(self, request: Request, settings: SettingsDep, store: StoreDep) -> None:
        self.request = request
        self.settings: Settings = settings
        self.store: Store = store
        self.iris: Iris = settings.iris
        self.authorised = is_authorised(request, settings)
        self.partition: Partition = "full" if self.authorised else "public"
        self.lang = variants.choose_language(request)
        self.state: StoreState = store_state(store, self.iris)

    @property
    def iri(self) -> str:
        """The IRI this request dereferences: the base IRI + the request path."""
        return self.iris.base + self.request.url.path.lstrip("/")

    def cache(self) -> RepresentationCache:
        """The app's cache of representations (made with the app, see ``create_app``)."""
        cache: RepresentationCache = self.request.app.state.representations
        return cache

    def cached(self, kind: str, *parts: str, make: Callable[[], Representation]) -> Representation:
        key = (self.state.key, kind, self.partition, *parts)
        return self.cache().get_or_make(key, make)

    def media_type(self, offers: tuple[str, ...]) -> str | Response:
        """The media type to send, or the error response (unknown ``format=``, 406)."""
        try:
            chosen = variants.choose_media_type(self.request, offers)
        except UnknownFormat as exc:
            known = sorted({variants.EXTENSIONS[m] for m in offers if m in variants.EXTENSIONS})
            return error_response(400, "unknown_format", f"unknown format {exc}", "Use format=" + "|".join(known))
        if chosen is None:
            return error_response(406, "not_acceptable", "no offered media type is acceptable",
                                  "Accept one of: " + ", ".join(offers), headers={"Vary": VARY})
        return chosen

    def links(self, url: str, offers: tuple[str, ...], media_type: str) -> dict[str, str]:
        alternates = ", ".join(
            f'<{variants.format_link(url, m)}>; rel="alternate"; type="{m}"'
            for m in offers if m in variants.EXTENSIONS and m != media_type
        )
        return {"Content-Location": variants.format_link(url, media_type), "Link": alternates}

    def not_found(self, iri: str, media_type: str) -> Response:
        """404: the JSON error for machines, a page with close matches for people."""
        if media_type != HTML:
            return error_response(404, "not_found", f"nothing is known about <{iri}>",
                                  f"See {self.iris.base}sitemap.xml or {self.iris.base}.well-known/void",
                                  headers=CORS_HEADERS)
        rep = resources.not_found(self.iris, iri, self.lang, entity_list(self), self.request.url.path)
        return respond(self.request, rep)


VisitDep = Annotated[Visit, Depends()]


def entity_list(visit: Visit) -> list[str]:
    """Public entity IRIs (sitemap, crawl roots, 404 suggestions), cached per store state."""
    key = (visit.state.key, "entities")
    rep = visit.cache().get_or_make(key, lambda: Representation(
        "\n".join(sitemap.entities(visit.store, visit.iris)).encode(), "text/plain"), any_size=True)
    return [line for line in rep.body.decode().split("\n") if line]


def offered(offers: tuple[str, ...]) -> tuple[str, ...]:
    """The alternates a page links to: every offer with a ``format=`` name, except HTML."""
    return tuple(m for m in offers if m in variants.EXTENSIONS and m != HTML)


EndpointDecorator = Callable[[Callable[..., Response]], Callable[..., Response]]


def get_and_head(router: APIRouter, path: str, summary: str) -> EndpointDecorator:
    """GET (documented), HEAD and the CORS preflight for one path (one OpenAPI operation each)."""

    def register(endpoint: Callable[..., Response]) -> Callable[..., Response]:
        router.add_api_route(path, endpoint, methods=["GET"], summary=summary)
        router.add_api_route(path, endpoint, methods=["HEAD"], include_in_schema=False)
        router.add_api_route(path, preflight, methods=["OPTIONS"], include_in_schema=False)
        return endpoint

    return register
