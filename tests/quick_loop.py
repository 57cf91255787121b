"""What the quick loop leaves out: ``python3 tasks.py test -m "not slow"`` (see tests/README.md).

The hook below is imported by ``conftest.py``, which is how pytest finds it.
"""

from __future__ import annotations

import pytest

# Fixtures that start real processes (uvicorn, `oxigraph serve`, Chromium): their tests are slow.
REAL_PROCESS_FIXTURES = frozenset({"shared_server", "live_server", "oxigraph_pair", "browser", "virtuoso_pair"})
SLOW_MARKERS = ("remote", "browser", "virtuoso")
# Slow tests in files whose owners have not marked them yet (each took 2-13 s on the shared 2-core
# VM at load ~7, about 1-4 s quiet): a test id, or a whole file. A stale entry is an error (below).
# Owners: move the mark into your file (`@pytest.mark.slow`) and delete the line here.
SLOW_ELSEWHERE = frozenset({
    "tests/test_examples.py",  # ingests data/ once for the module
    "tests/test_harvest.py",  # one harvest of a local site for the module (~8 s)
    "tests/test_harvest_rerun.py",  # a harvest or two per test (5-18 s each)
    "tests/test_extract_pipeline.py::test_same_nquads_whatever_the_hash_seed",
    "tests/test_extract_pipeline.py::test_a_long_text_is_read_from_its_opening",
    "tests/test_extract_shapes.py::test_seed_graph_conforms",
    "tests/test_ingest.py::test_cli_exits_non_zero_when_a_document_failed",
    "tests/test_ingest.py::test_ingest_writes_one_graph_per_document_and_skips_unchanged",
    "tests/test_ingest.py::test_parallel_loading_works_from_any_caller_and_keeps_order",
    "tests/test_ingest.py::test_prune_removes_graphs_of_vanished_documents_and_logs_it",
    "tests/test_ingest.py::test_bad_documents_are_reported_and_lose_nothing",
    "tests/test_ingest.py::test_reingest_replaces_the_graph_without_duplicates",
    "tests/test_store_pool.py::test_many_concurrent_callers_with_big_replies_all_get_answers",
    "tests/test_store_backends.py::test_graph_hashes_and_removal",
    "tests/test_store_backends.py::test_rewriting_a_document_replaces_its_graphs",
    "tests/test_store_backends.py::test_embedded_default_graph_is_the_union_until_it_holds_data",
    "tests/test_store_backends.py::test_protocol_dataset_restricts_the_query",
    "tests/test_store_backends.py::test_bindings_are_values_not_query_text",
    "tests/test_store_personal_view.py::test_ingest_into_one_dataset_leaves_personal_graphs_out_and_says_so",
    "tests/test_ontology_seeds.py::test_examples_load_in_owlready2_and_are_consistent",
    "tests/test_ontology_seeds.py::test_example_conforms_to_the_shapes",  # SHACL, 1-2 s per seed
    "tests/test_partners_api.py::test_index_is_built_when_the_app_starts",
    "tests/test_ontology_reasoner.py",  # starts Java (HermiT) for each test
    "tests/test_ontology_build.py::test_generated_files_are_up_to_date",
    "tests/test_partners_api.py::test_token_holder_on_a_store_without_personal_view_gets_a_note_not_an_error",
    "tests/test_partners_rank.py::test_candidates_without_a_known_country_are_left_out_with_a_note",
    "tests/test_partners_rank.py::test_index_follows_the_store_generation",
})


def _is_slow(item: pytest.Item) -> bool:
    fixtures = set(getattr(item, "fixturenames", ()))
    if fixtures & REAL_PROCESS_FIXTURES or any(item.get_closest_marker(m) for m in SLOW_MARKERS):
        return True
    test_id = item.nodeid.split("[")[0]
    return test_id in SLOW_ELSEWHERE or test_id.split("::")[0] in SLOW_ELSEWHERE


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark ``slow`` every test that needs a real server process or is listed above; other slow
    tests carry the mark themselves (``@pytest.mark.slow``: over ~1 s on its own, quiet machine)."""
    modules = {item.nodeid.split("::")[0]: getattr(item, "module", None) for item in items}
    stale = [entry for entry in SLOW_ELSEWHERE if "::" in entry
             for file, name in [entry.split("::", 1)] if file in modules and not hasattr(modules[file], name)]
    if stale:
        raise pytest.UsageError(f"tests/quick_loop.py SLOW_ELSEWHERE names tests that no longer exist: {stale}")
    for item in items:
        if _is_slow(item):
            item.add_marker(pytest.mark.slow)
