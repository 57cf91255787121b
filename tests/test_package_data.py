"""Every data file the code reads at run time is shipped by a non-editable install.

The development install is editable, so a rule file, query or shape missing from
``[tool.setuptools.package-data]`` works here and fails only for a user who installs a wheel:
this test compares the tracked files with the declared patterns instead.
"""

from __future__ import annotations

import ast
import subprocess
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOT_SHIPPED = {"README.md", "CONTRACT.md"}  # documentation for the people who read the checkout


def _roots() -> dict[str, str]:
    """setup.py's ROOTS (package -> folder), read as data: importing setup.py would run setup()."""
    for node in ast.parse((ROOT / "setup.py").read_text()).body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "ROOTS" for t in node.targets):
            return dict(ast.literal_eval(node.value))
    raise AssertionError("setup.py defines no ROOTS")


def _package_folder(package: str) -> Path:
    """The folder a package name installs from (``innograph.server.linked`` -> ``server/linked``)."""
    for root_package, folder in sorted(_roots().items(), key=lambda kv: -len(kv[0])):
        if package == root_package or package.startswith(root_package + "."):
            rest = package[len(root_package):].lstrip(".")
            return ROOT / folder / Path(*rest.split(".")) if rest else ROOT / folder
    raise AssertionError(f"{package} is not under any root of setup.py")


def _declared_files() -> set[Path]:
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]
    files: set[Path] = set()
    for package, patterns in declared.items():
        folder = _package_folder(package)
        for pattern in patterns:
            files.update(p for p in folder.glob(pattern) if p.is_file())
    return files


def _tracked_data_files() -> set[Path]:
    folders = sorted(set(_roots().values()))
    listed = subprocess.run(["git", "ls-files", "--", *folders], cwd=ROOT, check=True,
                            capture_output=True, text=True).stdout.split()
    return {
        ROOT / name for name in listed
        if not name.endswith(".py") and Path(name).name not in NOT_SHIPPED and (ROOT / name).is_file()
    }


def test_every_tracked_data_file_is_declared_as_package_data() -> None:
    missing = sorted(str(p.relative_to(ROOT)) for p in _tracked_data_files() - _declared_files())
    assert missing == []


def test_package_folder_maps_subpackages_to_their_folders() -> None:
    assert _package_folder("innograph.server.linked") == ROOT / "server" / "linked"
    assert _package_folder("innograph.imports") == ROOT / "innograph" / "imports"
