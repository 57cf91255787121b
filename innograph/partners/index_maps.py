"""Publishing an index whose cost follows the change, not the index size.

An index is published after every change and never changed afterwards (a request may still be
ranking on the previous one). Copying each of its ~25 maps on every publish cost O(organisations)
per update: ~2 s at 100,000 organisations on a busy machine. Here a map is split into
``SHARDS`` plain dicts by key hash. Publishing (:meth:`CowMap.frozen`) hands out a read-only
:class:`FrozenMap` over the current shard dicts and marks them shared; the next write to a shared
shard copies that shard first (copy on write). So a publish costs O(shards) and an update copies
only the shards it writes, ~1/``SHARDS`` of the map each.

:class:`IriOrder` keeps the place of each organisation IRI in sorted order (ties in ranking go by
IRI) without sorting every IRI again when a few organisations are added.

Key hashes differ between processes (hash randomisation), so both maps pickle as plain dicts and
are sharded again when loaded (the index built in a builder process, ``builder.py``).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Mapping, MutableMapping
from itertools import chain
from typing import Any, TypeVar

import numpy as np

K = TypeVar("K")
V = TypeVar("V")

SHARDS = 128  # a power of two: shard = hash & (SHARDS - 1)
_MASK = SHARDS - 1
_MISSING: Any = object()


class _Shards(Mapping[K, V]):
    """The read side both maps share: a key lives in shard ``hash(key) & _MASK``."""

    __slots__ = ("_len", "_shards")
    _shards: tuple[dict[K, V], ...] | list[dict[K, V]]
    _len: int

    def __getitem__(self, key: K) -> V:
        return self._shards[hash(key) & _MASK][key]

    def get(self, key: K, default: Any = None) -> Any:
        return self._shards[hash(key) & _MASK].get(key, default)

    def __contains__(self, key: object) -> bool:
        return key in self._shards[hash(key) & _MASK]

    def __iter__(self) -> Iterator[K]:
        return chain.from_iterable(self._shards)

    def __len__(self) -> int:
        return self._len

    def __repr__(self) -> str:
        return f"{type(self).__name__}({len(self)} entries)"

    def items(self) -> Any:
        return chain.from_iterable(shard.items() for shard in self._shards)

    def values(self) -> Any:
        return chain.from_iterable(shard.values() for shard in self._shards)


class FrozenMap(_Shards[K, V]):
    """A published map: read-only, sharing its shard dicts with the state it came from."""

    __slots__ = ()

    def __init__(self, shards: tuple[dict[K, V], ...], length: int) -> None:
        self._shards = shards
        self._len = length

    def __reduce__(self) -> tuple[Any, ...]:
        return (_frozen_from_dict, (dict(self.items()),))


def _frozen_from_dict(items: dict[Any, Any]) -> FrozenMap[Any, Any]:
    return CowMap(items).frozen()


class CowMap(_Shards[K, V], MutableMapping[K, V]):
    """A mutable map whose :meth:`frozen` snapshots cost O(shards): see the module docstring."""

    __slots__ = ("_shared",)

    def __init__(self, items: Mapping[K, V] | None = None) -> None:
        self._shards: list[dict[K, V]] = [{} for _ in range(SHARDS)]
        self._shared = [False] * SHARDS  # shard k is part of a published FrozenMap
        self._len = 0
        for key, value in (items or {}).items():
            self[key] = value

    def _writable(self, key: K) -> dict[K, V]:
        k = hash(key) & _MASK
        if self._shared[k]:
            self._shards[k] = dict(self._shards[k])
            self._shared[k] = False
        return self._shards[k]

    def __setitem__(self, key: K, value: V) -> None:
        shard = self._writable(key)
        if key not in shard:
            self._len += 1
        shard[key] = value

    def __delitem__(self, key: K) -> None:
        if key not in self:
            raise KeyError(key)
        del self._writable(key)[key]
        self._len -= 1

    def pop(self, key: K, default: Any = _MISSING) -> Any:
        if key in self:
            self._len -= 1
            return self._writable(key).pop(key)
        if default is _MISSING:
            raise KeyError(key)
        return default

    def setdefault(self, key: K, default: Any = None) -> Any:
        found = self.get(key, _MISSING)
        if found is _MISSING:
            self[key] = found = default
        return found

    def __reduce__(self) -> tuple[Any, ...]:
        return (CowMap, (dict(self.items()),))

    def frozen(self) -> FrozenMap[K, V]:
        """A read-only snapshot of the map as it is now; later writes never show in it."""
        self._shared = [True] * SHARDS
        return FrozenMap(tuple(self._shards), self._len)


class IriOrder:
    """The place of each organisation's IRI in sorted order, kept up to date as organisations are
    added (numbers are never reused, so the list of IRIs only grows)."""

    def __init__(self) -> None:
        self._sorted: list[str] = []
        self._rank = np.zeros(0, dtype=np.int32)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_order_from, (self._sorted, self._rank))

    def ranks(self, orgs: list[str]) -> np.ndarray:
        """``rank[i]`` = place of ``orgs[i]`` among all of ``orgs`` in sorted order. A new array
        whenever organisations were added (a published one is never changed)."""
        known = len(self._rank)
        if len(orgs) == known:
            return self._rank
        new = orgs[known:]
        if len(new) * 8 > known:  # many at once (a full build): sorting everything is cheaper
            self._resort(orgs)
        else:
            self._insert(new, known)
        return self._rank

    def _resort(self, orgs: list[str]) -> None:
        by_iri = sorted(range(len(orgs)), key=orgs.__getitem__)
        rank = np.empty(len(orgs), dtype=np.int32)
        rank[np.asarray(by_iri, dtype=np.int64)] = np.arange(len(orgs), dtype=np.int32)
        self._sorted = [orgs[i] for i in by_iri]
        self._rank = rank

    def _insert(self, new: list[str], known: int) -> None:
        """Each old rank moves up by the number of new IRIs sorted before it."""
        by_iri = sorted(zip(new, range(known, known + len(new)), strict=True))
        places = np.fromiter((bisect.bisect_left(self._sorted, iri) for iri, _i in by_iri),
                             dtype=np.int64, count=len(by_iri))
        rank = np.empty(known + len(by_iri), dtype=np.int32)
        rank[:known] = self._rank + np.searchsorted(places, self._rank, side="right")
        for j, (iri, i) in enumerate(by_iri):
            rank[i] = places[j] + j
            self._sorted.insert(int(places[j]) + j, iri)
        self._rank = rank


def _order_from(sorted_iris: list[str], rank: np.ndarray) -> IriOrder:
    order = IriOrder()
    order._sorted, order._rank = sorted_iris, rank
    return order
