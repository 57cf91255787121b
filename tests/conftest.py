"""Shared fixtures: a real embedded store in a tmp dir, the whole app in-process (TestClient with
the store and settings as dependency overrides), a real uvicorn on 127.0.0.1 for what needs one.

Add your fixtures in a section of your own below; keep them small and documented.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient
from ports import free_port
from pyoxigraph import Literal, NamedNode, Triple
from quick_loop import pytest_collection_modifyitems  # noqa: F401 - pytest reads hooks from conftest
from test_partners_fixture import partner_store
from virtuoso.fixtures import virtuoso_pair, virtuoso_store  # noqa: F401 - pytest reads fixtures from conftest

from innograph.iris import Iris
from innograph.settings import Settings
from innograph.store import DocumentWrite, Store
from innograph.store.embedded import EmbeddedStore

TOKEN = "test-token-0123456789"
BASE = "https://w3id.org/innograph/"
IRIS = Iris(BASE)
# the partner seeker of the partner-search tests: a French SME looking for AI partners
FRENCH_NEED = "nous cherchons des partenaires en intelligence artificielle pour PME"


# -- ports and live servers -----------------------------------------------------------------------


@dataclass
class LiveServer:
    url: str  # e.g. http://127.0.0.1:PORT (no trailing slash)
    app: FastAPI
    settings: Settings
    store: EmbeddedStore

    def client(self, token: str | None = None, **kwargs: object) -> httpx.Client:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return httpx.Client(base_url=self.url, headers=headers, timeout=30, **kwargs)  # type: ignore[arg-type]


@contextmanager
def serve(app: FastAPI, port: int | None = None) -> Iterator[str]:
    """Run ``app`` under a real uvicorn in a background thread; yields its base URL."""
    port = port or free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(15)


# -- stores ---------------------------------------------------------------------------------------


def make_settings(store_dir: Path, **overrides: object) -> Settings:
    values: dict[str, object] = {"store": store_dir, "query_workers": 2, "query_timeout": 10.0}
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


def seed_document(store: EmbeddedStore, doc_id: str, *, with_personal: bool = True) -> None:
    """One tiny document: an organisation in the public graph, a person in the personal graph."""
    org = NamedNode(IRIS.entity("org", doc_id))
    label = NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    rdf_type = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    person = NamedNode(IRIS.entity("person", f"p-{doc_id}"))
    personal = (
        [
            Triple(person, rdf_type, NamedNode(IRIS.term("Person"))),
            Triple(person, NamedNode("http://xmlns.com/foaf/0.1/name"), Literal(f"Secret Person {doc_id}")),
        ]
        if with_personal
        else []
    )
    store.write_document(
        DocumentWrite(
            graph=IRIS.graph(doc_id),
            content_hash=f"sha256:{doc_id}",
            public=[
                Triple(org, rdf_type, NamedNode(IRIS.term("Organisation"))),
                Triple(org, label, Literal(f"Organisation {doc_id}", language="en")),
            ],
            personal_graph=IRIS.personal_graph(doc_id) if with_personal else None,
            personal=personal,
        )
    )


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def embedded_store(store_dir: Path) -> Iterator[EmbeddedStore]:
    """An empty embedded store with 2 query workers; closed (workers killed) afterwards."""
    store = EmbeddedStore(store_dir, IRIS, workers=2, timeout=10.0)
    try:
        yield store
    finally:
        store.close()


@pytest.fixture
def seeded_store(embedded_store: EmbeddedStore) -> EmbeddedStore:
    """Two documents ``doc-a`` and ``doc-b``, each with a public and a personal graph."""
    seed_document(embedded_store, "doc-a")
    seed_document(embedded_store, "doc-b")
    return embedded_store


@pytest.fixture(scope="module")
def partner_graph_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedStore]:
    """The small partner-search graph of ``test_partners_fixture``, one copy per test module."""
    with partner_store(tmp_path_factory.mktemp("partners"), IRIS) as store:
        yield store


@contextmanager
def seeded_server(store_dir: Path, **overrides: object) -> Iterator[LiveServer]:
    """A seeded store (``doc-a``, ``doc-b``) served by the whole app on a real uvicorn."""
    from innograph.server.app import create_app

    settings = make_settings(store_dir, **overrides)
    store = EmbeddedStore(store_dir, IRIS, workers=settings.query_workers, timeout=settings.query_timeout)
    try:
        seed_document(store, "doc-a")
        seed_document(store, "doc-b")
        app = create_app(settings, store)
        with serve(app) as url:
            yield LiveServer(url, app, settings, store)
    finally:
        store.close()


@pytest.fixture(scope="session")
def shared_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """One server for the whole session, for tests that only READ (token ``TOKEN``).

    The caps are small (requests 20 kB, results 100 kB) so they can be tested cheaply.
    """
    with seeded_server(
        tmp_path_factory.mktemp("shared") / "store", token=TOKEN, max_request_bytes=20_000, max_result_bytes=100_000
    ) as s:
        yield s


@pytest.fixture
def live_server(tmp_path: Path) -> Iterator[LiveServer]:
    """A fresh server (token ``TOKEN``) for a test that writes or kills workers."""
    with seeded_server(tmp_path / "store", token=TOKEN) as s:
        yield s


# -- in-process API: the whole app under TestClient, store and settings as dependency overrides -----

API_URL = "http://innograph.test"  # TestClient sends this Host: the endpoint's own URL in answers


@dataclass
class Api:
    """The whole app in-process (no uvicorn, no socket): for tests of what routes answer."""

    url: str  # e.g. http://innograph.test (no trailing slash)
    app: FastAPI
    settings: Settings
    store: Store

    def client(self, token: str | None = None, **kwargs: Any) -> TestClient:
        """A client that, like httpx.Client, does not follow redirects unless asked to."""
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        kwargs.setdefault("follow_redirects", False)
        return TestClient(self.app, base_url=self.url, headers=headers, **kwargs)


def api_for(store: Store, settings: Settings, url: str = API_URL) -> Api:
    """``create_app`` with ``store`` and ``settings`` handed to every route by dependency overrides."""
    from innograph.server.app import create_app
    from innograph.server.deps import get_settings, get_store

    app = create_app(settings)
    app.dependency_overrides[get_store] = lambda: store
    app.dependency_overrides[get_settings] = lambda: settings
    return Api(url, app, settings, store)


@pytest.fixture(scope="session")
def shared_api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    """One seeded store (``doc-a``, ``doc-b``) for API tests that only READ; the same small caps
    as ``shared_server`` (requests 20 kB, results 100 kB) and token ``TOKEN``."""
    store_dir = tmp_path_factory.mktemp("shared-api") / "store"
    settings = make_settings(store_dir, token=TOKEN, max_request_bytes=20_000, max_result_bytes=100_000)
    store = EmbeddedStore(store_dir, IRIS, workers=settings.query_workers, timeout=settings.query_timeout)
    try:
        seed_document(store, "doc-a")
        seed_document(store, "doc-b")
        yield api_for(store, settings)
    finally:
        store.close()


@pytest.fixture
def fresh_api(seeded_store: EmbeddedStore, store_dir: Path) -> Api:
    """A seeded store of its own (token ``TOKEN``), for an API test that writes."""
    return api_for(seeded_store, make_settings(store_dir, token=TOKEN))


# -- remote backend: real `oxigraph serve` processes ---------------------------------------------

OXIGRAPH = Path(sys.executable).with_name("oxigraph")


@dataclass
class OxigraphServer:
    url: str  # e.g. http://127.0.0.1:PORT
    process: subprocess.Popen[bytes]

    @property
    def query_url(self) -> str:
        return self.url + "/query"

    @property
    def update_url(self) -> str:
        return self.url + "/update"

    def clear(self) -> None:
        httpx.post(self.update_url, content="DROP ALL", headers={"Content-Type": "application/sparql-update"})


@contextmanager
def oxigraph_server(location: Path) -> Iterator[OxigraphServer]:
    """``oxigraph serve --union-default-graph`` on a free port of 127.0.0.1, stopped afterwards."""
    port = free_port()
    process = subprocess.Popen(
        [str(OXIGRAPH), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("oxigraph serve did not start") from None
                time.sleep(0.05)
        yield OxigraphServer(f"http://127.0.0.1:{port}", process)
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def oxigraph_pair(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[OxigraphServer, OxigraphServer]]:
    """Two servers for the remote backend: the public view and the full view."""
    if not OXIGRAPH.exists():
        pytest.skip("the `oxigraph` CLI (PyPI package oxigraph) is not installed")
    root = tmp_path_factory.mktemp("oxigraph")
    with oxigraph_server(root / "public") as public, oxigraph_server(root / "full") as full:
        yield public, full


@pytest.fixture(params=[
    "embedded",
    pytest.param("remote", marks=pytest.mark.remote),
    pytest.param("virtuoso", marks=pytest.mark.virtuoso),
])
def any_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[object]:
    """An empty store of each backend: embedded (tmp dir), remote (two `oxigraph serve`), and
    remote with the Virtuoso flavour (two private Virtuoso instances: tests/virtuoso/)."""
    if request.param == "virtuoso":
        yield virtuoso_store(request.getfixturevalue("virtuoso_pair"), IRIS)
        return
    if request.param == "embedded":
        store = EmbeddedStore(tmp_path / "store", IRIS, workers=1, timeout=10.0)
        try:
            yield store
        finally:
            store.close()
        return
    from innograph.store.remote import RemoteStore

    public, full = request.getfixturevalue("oxigraph_pair")
    public.clear()
    full.clear()
    yield RemoteStore(
        IRIS,
        public.query_url,
        public.update_url,
        full_query_url=full.query_url,
        full_update_url=full.update_url,
        timeout=10.0,
    )


# -- a real headless Chromium (Debian's chromium + chromium-driver) ---------------------------------

CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser")) if p), None)
CHROMEDRIVER = shutil.which("chromedriver")
# without the background-networking flags Chromium keeps dialling out, which this machine refuses
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1400,1000",
)
BROWSER_WAIT = 15  # seconds; generous for a loaded CI machine, never asserted as a timing


@pytest.fixture
def browser() -> Iterator[object]:
    """A fresh headless Chromium with an empty profile; skipped only when it is not installed."""
    if CHROMIUM is None or CHROMEDRIVER is None:
        pytest.skip("chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    with tempfile.TemporaryDirectory(prefix="innograph-chromium-") as profile:
        options.add_argument(f"--user-data-dir={profile}")
        driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
        try:
            yield driver
        finally:
            driver.quit()
