"""open_store: the settings pick the backend and the remote flavour (no server is contacted)."""

from __future__ import annotations

from pathlib import Path

import pytest

from innograph.settings import Settings
from innograph.store import EmbeddedStore, RemoteStore, StoreError, VirtuosoStore, open_store


def test_remote_flavours_and_the_embedded_default(tmp_path: Path) -> None:
    generic = open_store(Settings(backend="remote", remote_query_url="http://127.0.0.1:9/query",
                                  remote_update_url="http://127.0.0.1:9/update", query_timeout=7))
    virtuoso = open_store(Settings(backend="remote", remote_flavour="virtuoso",
                                   remote_query_url="http://127.0.0.1:9/sparql",
                                   remote_update_url="http://127.0.0.1:9/sparql-auth",
                                   remote_user="writer", remote_password="secret"))
    embedded = open_store(Settings(store=tmp_path / "store"))
    try:
        assert type(generic) is RemoteStore and type(virtuoso) is VirtuosoStore
        assert type(embedded) is EmbeddedStore
        assert not generic.has_personal_view and embedded.has_personal_view
    finally:
        for store in (generic, virtuoso, embedded):
            store.close()


def test_a_remote_store_without_a_query_url_is_refused() -> None:
    with pytest.raises(StoreError):
        open_store(Settings(backend="remote", remote_query_url=""))
