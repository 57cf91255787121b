"""Partner search for people and programs: ``GET /api/partners``, ``GET /api/search``, the page.

- ``/api/partners``: cross-border partner suggestions with score parts, explanations and evidence
  (``innograph.partners.rank`` documents the score). JSON by default; JSON-LD when the client
  asks for ``application/ld+json``. Contacts (names, e-mails, phones) are read from the personal
  partition and added only for a request with the bearer token.
- ``/api/search?q=``: entities by label in any language (accent-, case- and typo-tolerant).
- ``/partners``: the partner-search page (``server/static/partners/``: plain HTML/CSS/JS).

Invalid input answers 422 with the one JSON error shape (``code: invalid_parameters``), naming
the parameter and what is expected.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from importlib.resources import files
from pathlib import Path
from typing import Annotated, Any, Literal

import orjson
from fastapi import APIRouter, Query, Request
from innograph.server.deps import SettingsDep, StoreDep, is_authorised
from innograph.server.errors import HTTP_CODES, ApiError
from innograph.server.partners_models import PartnerAnswer, SearchAnswer, partner_context, search_context
from pyoxigraph import NamedNode
from starlette.responses import Response

from innograph import sparql_text
from innograph.iris import Iris
from innograph.partners.builder import ProcessBuilder
from innograph.partners.holder import IndexHolder
from innograph.partners.index import PartnerIndex
from innograph.partners.rank import PartnerQuery, QueryError, rank
from innograph.settings import Settings
from innograph.store import Store

log = logging.getLogger(__name__)
JSON = "application/json"
JSON_LD = "application/ld+json"
INVALID_HINT = HTTP_CODES[422][1]


def _documented_answers(model: type, description: str) -> dict[int | str, dict[str, Any]]:
    """The OpenAPI answers of a JSON route: the model (also as JSON-LD) and the 422 of invalid input."""
    return {
        200: {"model": model, "description": description, "content": {JSON_LD: {}}},
        422: {"description": "Invalid input; the message names the parameter."},
    }


Lang = Literal["en", "fr", "da", "nl"]


@asynccontextmanager
async def _prebuild(app: Any) -> AsyncIterator[None]:
    """Start building the partner index when the server starts (in the background), so the first
    partner query does not wait for it. Runs inside the app's own lifespan, after the store opened."""
    store = app.state.store  # None when a test hands the store in as a dependency override
    if store is not None and getattr(app.state, "partner_index", None) is None:
        # full builds in a separate process, off the interpreter lock /sparql needs (builder.py)
        holder = IndexHolder(store, app.state.settings.iris, builder=ProcessBuilder(app.state.settings))
        app.state.partner_index = holder

        def warm() -> None:
            try:
                holder.get()
            except Exception:  # the first request will try again and report the error
                log.warning("partner index: building at start-up failed", exc_info=True)

        threading.Thread(target=warm, name="partner-index-prebuild", daemon=True).start()
    yield


router = APIRouter(tags=["partner search"], lifespan=_prebuild)  # invalid input: 422 (server/errors.py)


# -- the index of this app ------------------------------------------------------------------------------

_holder_lock = threading.Lock()


def partner_index(request: Request, store: Store, iris: Iris) -> PartnerIndex:
    """The app's partner index, created on first use and kept in step with its store."""
    app = request.app
    holder: IndexHolder | None = getattr(app.state, "partner_index", None)
    if holder is None or holder.store is not store:
        with _holder_lock:
            holder = getattr(app.state, "partner_index", None)
            if holder is None or holder.store is not store:
                holder = IndexHolder(store, iris)
                app.state.partner_index = holder
    return holder.get()


def _wants_json_ld(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    for part in accept.split(","):
        media, _, params = part.strip().partition(";")
        if media.strip().lower() == JSON_LD and "q=0" not in params.replace(" ", "").split(";"):
            return True
    return False


def _respond(request: Request, settings: Settings, body: dict[str, Any],
             context: Callable[[Iris], dict[str, Any]]) -> Response:
    iris = settings.iris
    private = is_authorised(request, settings)
    headers = {"Vary": "Accept, Authorization", "Cache-Control": "no-store" if private else "no-cache"}
    if _wants_json_ld(request):
        body = {"@context": context(iris), **body}
        return Response(orjson.dumps(body), media_type=JSON_LD, headers=headers)
    return Response(orjson.dumps(body), media_type=JSON, headers=headers)


def _contacts(store: Store, index: PartnerIndex, orgs: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Contacts of ``orgs`` from the personal partition (token holders only)."""
    if not orgs:
        return {}
    rows = store.select(
        sparql_text.query_text("partners/contacts", index.iris), {"org": [NamedNode(o) for o in orgs]}, partition="full"
    )
    people: dict[tuple[str, str], dict[str, Any]] = {}
    for row in rows:
        key = (row["org"].value, row["person"].value)
        person = people.setdefault(
            key, {"person": key[1], "name": None, "job_title": None, "emails": [], "phones": []}
        )
        if "name" in row:
            person["name"] = row["name"].value
        if "jobTitle" in row:
            person["job_title"] = row["jobTitle"].value
        for field, target in (("email", "emails"), ("phone", "phones")):
            if field in row:
                value = row[field].value.split(":", 1)[-1]
                if value not in person[target]:
                    person[target].append(value)
    out: dict[str, list[dict[str, Any]]] = {}
    for (org, _p), person in sorted(people.items()):
        out.setdefault(org, []).append(person)
    return out


# -- parameters (shared by both endpoints and documented in OpenAPI) ----------------------------------

OrgParam = Annotated[
    str | None, Query(description="The seeking organisation (IRI, or the key of `{base}id/org/{key}`).")
]
NeedParam = Annotated[
    str | None,
    Query(
        max_length=1000,
        description="A free-text need in English, French, Danish or Dutch, e.g. "
        "'nous cherchons des partenaires en intelligence artificielle pour PME'.",
    ),
]
ThemeParam = Annotated[list[str] | None, Query(description="Theme concept IRI (or key); repeatable.")]
CountryParam = Annotated[
    str | None, Query(pattern=r"^[A-Za-z]{2}$", description="The seeker's country, ISO 3166-1 alpha-2 (e.g. 'FR').")
]
RegionParam = Annotated[
    str | None, Query(description="The seeker's region (IRI, or an ISO 3166-2 code such as 'FR-NOR').")
]
ProgrammeParam = Annotated[
    str | None,
    Query(description="Only candidates inside this programme's eligible area (IRI or key, e.g. 'interreg-europe')."),
]
TypeParam = Annotated[
    list[str] | None, Query(description="Organisation type(s) to keep, e.g. 'Company'; repeatable.")
]
LangParam = Annotated[Lang, Query(description="Language of the labels in the answer.")]
LimitParam = Annotated[int, Query(ge=1, le=100, description="Results per page (1-100).")]
OffsetParam = Annotated[int, Query(ge=0, le=10_000, description="Results to skip (paging).")]
SameCountryParam = Annotated[
    bool, Query(description="Also suggest organisations in other regions of the seeker's own country.")
]
SearchParam = Annotated[
    str, Query(min_length=1, max_length=200, description="Words of a label; accents, case and typos are forgiven.")
]
SearchTypeParam = Annotated[
    list[str] | None, Query(description="Keep only entities of these ig: types (e.g. 'Company'); repeatable.")
]


# -- endpoints --------------------------------------------------------------------------------------


@router.get(
    "/api/partners",
    summary="Suggest cross-border partners",
    response_model=None,
    responses=_documented_answers(
        PartnerAnswer,
        "Ranked candidates with score parts, explanation and evidence. "
        "`Accept: application/ld+json` gives the same object as JSON-LD.",
    ),
)
def partners(
    request: Request,
    settings: SettingsDep,
    store: StoreDep,
    org: OrgParam = None,
    q: NeedParam = None,
    theme: ThemeParam = None,
    country: CountryParam = None,
    region: RegionParam = None,
    programme: ProgrammeParam = None,
    type: TypeParam = None,
    lang: LangParam = "en",
    limit: LimitParam = 20,
    offset: OffsetParam = 0,
    same_country: SameCountryParam = False,
) -> Response:
    index = partner_index(request, store, settings.iris)
    query = PartnerQuery(
        org=org or None,
        q=(q or "").strip() or None,
        themes=theme or [],
        country=country,
        region=region or None,
        programme=programme or None,
        types=type or [],
        lang=lang,
        limit=limit,
        offset=offset,
        same_country=same_country,
    )
    try:
        answer = rank(index, query)
    except QueryError as exc:
        raise ApiError(422, "invalid_parameters", f"{exc.field}: {exc}", INVALID_HINT) from exc
    if is_authorised(request, settings) and not store.has_personal_view:
        answer["notes"].append("contacts are not available: this store keeps no personal data")
    elif is_authorised(request, settings):
        contacts = _contacts(store, index, [r["iri"] for r in answer["results"]])
        for result in answer["results"]:
            result["contacts"] = contacts.get(result["iri"], [])
    return _respond(request, settings, answer, partner_context)


@router.get(
    "/api/search",
    summary="Find entities by label in any language",
    response_model=None,
    responses=_documented_answers(SearchAnswer, "Entities whose labels match, best first."),
)
def search(
    request: Request,
    settings: SettingsDep,
    store: StoreDep,
    q: SearchParam,
    type: SearchTypeParam = None,
    lang: LangParam = "en",
    limit: LimitParam = 20,
    offset: OffsetParam = 0,
) -> Response:
    if not q.strip():
        raise ApiError(422, "invalid_parameters", "q: give at least one word", INVALID_HINT)
    index = partner_index(request, store, settings.iris)
    searcher = index.search_index()
    if type:
        wanted = set(type)
        answer = searcher.search(q, lang=lang, limit=10_000, offset=0, label=index.label)
        hits = [r for r in answer["results"] if wanted & set(r["types"])]
        answer = {"q": q, "total": len(hits), "results": hits[offset : offset + limit]}
    else:
        answer = searcher.search(q, lang=lang, limit=limit, offset=offset, label=index.label)
    return _respond(request, settings, answer, search_context)


# -- the page ---------------------------------------------------------------------------------------------

PAGE_FOLDER = ("static", "partners")
MEDIA_TYPES = {".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
               ".js": "text/javascript; charset=utf-8"}
PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "public, max-age=300",
}


# Read once at import: an installation without the page fails at start-up, not on a visit.
ASSETS = {
    entry.name: entry.read_bytes()
    for entry in files("innograph.server").joinpath(*PAGE_FOLDER).iterdir()
    if entry.is_file() and Path(entry.name).suffix in MEDIA_TYPES
}
PAGE = ASSETS["index.html"]


@router.get("/partners", include_in_schema=False)
def partner_page() -> Response:
    return Response(PAGE, media_type=MEDIA_TYPES[".html"], headers=PAGE_HEADERS)


@router.get("/partners/static/{name}", include_in_schema=False)
def partner_asset(name: str) -> Response:
    body = ASSETS.get(name)
    if body is None:
        raise ApiError(404, "not_found", f"no partner-page file named {name!r}")
    return Response(body, media_type=MEDIA_TYPES[Path(name).suffix], headers=PAGE_HEADERS)
