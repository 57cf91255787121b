"""Fixtures of the Virtuoso backend (imported by conftest): a session-wide pair of private
instances, the public view and the full view, and a store on them emptied for each test."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from innograph.iris import Iris
from innograph.store.virtuoso import VirtuosoStore
from virtuoso.instance import ISQL, VIRTUOSO, WRITER, VirtuosoInstance, virtuoso

VIRTUOSO_TIME_LIMIT = 5.0  # the instances' MaxQueryExecutionTime; a store's timeout must be at least this
VirtuosoPair = tuple[VirtuosoInstance, VirtuosoInstance]


@pytest.fixture(scope="session")
def virtuoso_pair(tmp_path_factory: pytest.TempPathFactory) -> Iterator[VirtuosoPair]:
    """Two private Virtuoso instances (public view, full view) with innograph's documented ini."""
    if VIRTUOSO is None or ISQL is None:
        pytest.skip("Debian's virtuoso-opensource is not installed (python3 tasks.py test installs it)")
    root = tmp_path_factory.mktemp("virtuoso")
    with virtuoso(root / "public", VIRTUOSO_TIME_LIMIT) as public, virtuoso(root / "full", VIRTUOSO_TIME_LIMIT) as full:
        yield public, full


def virtuoso_store(pair: VirtuosoPair, iris: Iris, *, timeout: float = 10.0, **options: Any) -> VirtuosoStore:
    """A VirtuosoStore on emptied instances, writing as the documented writer user."""
    public, full = pair
    public.clear()
    full.clear()
    return VirtuosoStore(
        iris, public.query_url, public.update_url, full_query_url=full.query_url, full_update_url=full.update_url,
        timeout=timeout, user=WRITER[0], password=WRITER[1], **options,
    )
