"""Maps the top-level folders into one import namespace, ``innograph``.

The design card keeps ``loaders/``, ``server/``, ``ontology/`` and ``queries/`` at the top of the
checkout; they install as ``innograph.loaders`` and so on, never as top-level packages.
"""

from setuptools import find_packages, setup

ROOTS = {
    "innograph": "innograph",
    "innograph.ontology": "ontology",
    "innograph.loaders": "loaders",
    "innograph.queries": "queries",
    "innograph.server": "server",
}

packages = []
for package, folder in ROOTS.items():
    packages.append(package)
    packages.extend(f"{package}.{sub}" for sub in find_packages(folder))

setup(packages=packages, package_dir=ROOTS)
