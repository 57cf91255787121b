"""The direction of imports between the parts of innograph, read from the source (nothing runs).

Layers, lowest first; a module may import its own layer and the layers below, never above:

    base      innograph (the version), innograph.namespaces            shared names, no project import
    data      innograph.ontology, innograph.queries                    the ontology and the .rq files
    config    innograph.iris, innograph.settings                       minted IRIs and settings
    parts     innograph.loaders, innograph.store                       documents in; the graph store
    core      ingest, loading, load_workers, dump, partners, conformance, harvest
    server    innograph.server
    commands  innograph.cli and the modules it runs (``add_arguments`` + ``run``)

Besides: loaders and store do not import each other; nothing imports ``bench`` or ``tests``; only
``innograph.cli`` imports a command module. Imports inside functions count too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# source folder -> the package it is installed as (pyproject: package-dir)
PACKAGES = {"innograph": "innograph", "ontology": "innograph.ontology", "loaders": "innograph.loaders",
            "queries": "innograph.queries", "server": "innograph.server"}
LAYERS = ["base", "data", "config", "parts", "core", "server", "commands"]
COMMANDS = {"innograph.cli", "innograph.ontology.build", "innograph.ontology.validate",
            "innograph.loaders.extract.command", "innograph.partners.command",
            "innograph.conformance.command", "innograph.harvest.command", "innograph.server.main",
            "innograph.imports.command", "innograph.imports.resolve_command"}
BY_PREFIX = [  # (module or package, layer); the longest match wins
    ("innograph.namespaces", "base"),
    ("innograph.ontology", "data"), ("innograph.queries", "data"),
    ("innograph.iris", "config"), ("innograph.settings", "config"), ("innograph.sparql_text", "config"),
    ("innograph.loaders", "parts"), ("innograph.store", "parts"),
    ("innograph.ingest", "core"), ("innograph.loading", "core"), ("innograph.load_workers", "core"),
    ("innograph.dump", "core"), ("innograph.partners", "core"), ("innograph.conformance", "core"),
    ("innograph.harvest", "core"), ("innograph.imports", "core"),
    ("innograph.server", "server"),
]
FORBIDDEN_ROOTS = ("bench", "tests", "conftest")


def modules() -> dict[str, Path]:
    found = {}
    for folder, package in PACKAGES.items():
        for path in (ROOT / folder).rglob("*.py"):
            parts = [p for p in path.relative_to(ROOT / folder).with_suffix("").parts if p != "__init__"]
            found[".".join([package, *parts])] = path
    return found


MODULES = modules()


def layer(module: str) -> str:
    if module in COMMANDS:
        return "commands"
    if module == "innograph":  # the package root holds the version only
        return "base"
    matches = [(len(prefix), name) for prefix, name in BY_PREFIX
               if module == prefix or module.startswith(prefix + ".")]
    if not matches:
        raise AssertionError(f"{module} is in no layer: add it to BY_PREFIX")
    return max(matches)[1]


def part(module: str) -> str:
    """The top package under innograph (``innograph.store.pool`` -> ``store``)."""
    return module.split(".")[1] if module.count(".") else module


def imports(module: str) -> list[tuple[int, str]]:
    """(line, imported module) for every import of the module, resolved to modules of the project
    where it is one (``from innograph import sparql_text`` -> ``innograph.sparql_text``)."""
    path = MODULES[module]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(module, path, node)
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                found.append((node.lineno, candidate if candidate in MODULES else base))
    return found


def _absolute(module: str, path: Path, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    package = package[: len(package) - node.level + 1]
    return ".".join([*package, *([node.module] if node.module else [])])


def wrong_imports(module: str) -> list[str]:
    problems = []
    for line, target in imports(module):
        where = f"{module}:{line} imports {target}"
        if target.split(".")[0] in FORBIDDEN_ROOTS:
            problems.append(f"{where}: nothing imports bench or tests")
            continue
        if not target.startswith("innograph") or target == module:
            continue
        own, other = layer(module), layer(target)
        if LAYERS.index(other) > LAYERS.index(own):
            problems.append(f"{where}: {own} must not import {other}")
        elif other == "commands" and module != "innograph.cli":
            problems.append(f"{where}: only innograph.cli runs commands")
        elif own == other == "parts" and part(module) != part(target):
            problems.append(f"{where}: loaders and store are independent")
    return problems


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_go_down_the_layers(module: str) -> None:
    assert wrong_imports(module) == []


def test_the_checker_catches_a_wrong_direction(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The check itself can fail: a store module importing the server, a loader importing the
    store, a data module importing a loader, and a core module importing bench are all reported."""
    cases = {
        "innograph.store.bad": "from innograph.server.app import create_app\n",
        "innograph.loaders.bad": "def f():\n    from innograph.store import open_store\n",
        "innograph.ontology.bad": "from ..loaders import registry\n",
        "innograph.bad": "import bench.synthetic\n",
    }
    for name, source in cases.items():
        path = tmp_path / (name.replace(".", "_") + ".py")
        path.write_text(source)
        monkeypatch.setitem(MODULES, name, path)
    reported = {name: wrong_imports(name) for name in cases}
    assert reported["innograph.store.bad"][0].endswith("parts must not import server")
    assert reported["innograph.loaders.bad"][0].endswith("loaders and store are independent")
    assert reported["innograph.ontology.bad"][0].endswith("data must not import parts")
    assert reported["innograph.bad"][0].endswith("nothing imports bench or tests")


def _project_imports(module: str) -> set[str]:
    """The project modules ``module`` imports (a name inside a module counts as that module)."""
    found = set()
    for _, target in imports(module):
        while target and target not in MODULES:
            target = target.rpartition(".")[0]
        if target and target != module:
            found.add(target)
    return found


def test_no_import_cycles() -> None:
    assert cycles_among(MODULES) == []


def test_the_cycle_check_finds_a_cycle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name, source in {"innograph.store.a": "from innograph.store import b\n",
                         "innograph.store.b": "def f():\n    import innograph.store.a\n"}.items():
        path = tmp_path / f"{name}.py"
        path.write_text(source)
        monkeypatch.setitem(MODULES, name, path)
    assert cycles_among(MODULES) == ["innograph.store.a", "innograph.store.b"]


def cycles_among(modules: dict[str, Path]) -> list[str]:
    """Every module from which an import path leads back to itself."""
    graph = {m: _project_imports(m) for m in modules}
    cycles = []
    for start in sorted(graph):
        seen, stack = set(), list(graph[start])
        while stack:
            current = stack.pop()
            if current == start:
                cycles.append(start)
                break
            if current not in seen:
                seen.add(current)
                stack.extend(graph.get(current, ()))
    return cycles


def test_a_module_outside_every_layer_is_reported() -> None:
    with pytest.raises(AssertionError, match="in no layer"):
        layer("innograph.somewhere_new")
