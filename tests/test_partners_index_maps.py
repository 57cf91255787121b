"""Copy-on-write maps and the incremental IRI order of the published partner index (index_maps.py)."""

from __future__ import annotations

import pickle
import random

import numpy as np
import pytest

from innograph.partners.index_maps import SHARDS, CowMap, IriOrder


def test_a_frozen_map_keeps_what_it_was_while_the_map_changes() -> None:
    rng = random.Random(7)
    live: CowMap[int, int] = CowMap()
    expected: dict[int, int] = {}
    snapshots = []
    for step in range(3000):
        key = rng.randrange(2 * SHARDS)
        if rng.random() < 0.3:
            assert live.pop(key, None) == expected.pop(key, None)
        else:
            live[key] = expected[key] = step
        if step % 150 == 0:
            snapshots.append((live.frozen(), dict(expected)))
    for frozen, as_it_was in snapshots:
        assert dict(frozen.items()) == as_it_was
        assert len(frozen) == len(as_it_was) and sorted(frozen) == sorted(as_it_was)
        assert all(frozen.get(k) == v and k in frozen and frozen[k] == v for k, v in as_it_was.items())
    assert dict(live.items()) == expected and len(live) == len(expected)


def test_maps_survive_a_pickle_into_another_hash_order() -> None:
    live: CowMap[str, list[int]] = CowMap({f"k{i}": [i] for i in range(500)})
    frozen = live.frozen()
    assert dict(pickle.loads(pickle.dumps(live)).items()) == {f"k{i}": [i] for i in range(500)}
    assert dict(pickle.loads(pickle.dumps(frozen)).items()) == {f"k{i}": [i] for i in range(500)}
    with pytest.raises(KeyError):
        del live["absent"]
    with pytest.raises(KeyError):
        live.pop("absent")
    assert live.setdefault("k1", [0]) == [1] and live.setdefault("new", [9]) == [9] and len(live) == 501


def test_the_iri_order_equals_a_full_sort_as_organisations_are_added() -> None:
    rng = random.Random(3)
    order, orgs, published = IriOrder(), [], []
    for step in range(60):
        orgs += [f"https://x/{rng.randrange(10**6):06d}-{step}-{k}" for k in range(rng.choice((1, 2, 5, 80)))]
        ranks = order.ranks(orgs)
        expected = np.empty(len(orgs), dtype=np.int64)
        expected[np.argsort(np.array(orgs))] = np.arange(len(orgs))
        assert ranks.tolist() == expected.tolist(), step
        published.append((ranks, ranks.copy()))
    assert all(np.array_equal(a, b) for a, b in published)  # never changed in place
    assert pickle.loads(pickle.dumps(order)).ranks(orgs).tolist() == order.ranks(orgs).tolist()
