"""The language folders agree: the same rules modules, the same constants, the same types.

Callers read rules constants as plain attributes (``rules("da", "money").MAGNITUDE_LINKS``), so a
constant added to one language only would be an AttributeError in the others at extraction time;
this test finds it first and names the folder that lacks it.
"""

from __future__ import annotations

from typing import Any

import pytest
from innograph.loaders.lang import LANGUAGES, RULES_DIR, MissingRules, all_rules, module_names, rules

REFERENCE = LANGUAGES[0]


def constants(lang: str, module: str) -> dict[str, Any]:
    return {name: value for name, value in vars(rules(lang, module)).items() if name.isupper()}


def shape(value: Any) -> Any:
    """A value's type, with the shapes of its items for containers (None: an empty container,
    which matches any item shape)."""
    if isinstance(value, dict):
        items = {(type(k).__name__, shape(v)) for k, v in value.items()}
        return ("dict", merge_shapes(items))
    if isinstance(value, (tuple, list, set, frozenset)):
        return (type(value).__name__, merge_shapes({shape(item) for item in value}))
    return type(value).__name__


def merge_shapes(shapes: set[Any]) -> Any:
    """The set of item shapes, with empty containers folded into the non-empty ones they match."""
    if not shapes:
        return None
    full = {s for s in shapes if not (isinstance(s, tuple) and s[1] is None)}
    empty = shapes - full
    kept = {e for e in empty if not any(compatible(e, f) for f in full)}
    return frozenset(full | kept)


def compatible(a: Any, b: Any) -> bool:
    if a == b:
        return True
    if isinstance(a, tuple) and isinstance(b, tuple) and len(a) == len(b) == 2:
        if a[0] != b[0]:
            return False
        return a[1] is None or b[1] is None or a[1] == b[1]
    if isinstance(a, tuple) and isinstance(b, tuple) and len(a) == len(b):  # (key type, value shape)
        return all(compatible(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, frozenset) and isinstance(b, frozenset):
        return all(any(compatible(x, y) for y in b) for x in a) and all(any(compatible(y, x) for x in a) for y in b)
    return False


def test_one_folder_per_language_and_no_other() -> None:
    folders = {p.name for p in RULES_DIR.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert folders == set(LANGUAGES)


@pytest.mark.parametrize("lang", LANGUAGES[1:])
def test_every_language_has_the_same_modules(lang: str) -> None:
    assert module_names(lang) == module_names(REFERENCE)


@pytest.mark.parametrize("module", module_names(REFERENCE))
def test_every_language_defines_the_same_constants(module: str) -> None:
    names = {lang: sorted(constants(lang, module)) for lang in LANGUAGES}
    assert names == dict.fromkeys(LANGUAGES, names[REFERENCE])


@pytest.mark.parametrize("module", module_names(REFERENCE))
def test_constants_have_the_same_types_in_every_language(module: str) -> None:
    for name in constants(REFERENCE, module):
        defined = {lang: constants(lang, module) for lang in LANGUAGES}
        shapes = {lang: shape(values[name]) for lang, values in defined.items() if name in values}
        reference = shapes[REFERENCE]
        different = {lang: s for lang, s in shapes.items() if not compatible(s, reference)}
        assert different == {}, f"{module}.{name}: {reference} in {REFERENCE}"


def test_every_module_has_at_least_one_constant() -> None:
    empty = [(lang, module) for lang in LANGUAGES for module in module_names(lang) if not constants(lang, module)]
    assert empty == []


def test_unknown_language_is_an_error() -> None:
    with pytest.raises(MissingRules, match="'de'"):
        rules("de", "money")


def test_missing_module_is_an_error() -> None:
    with pytest.raises(MissingRules, match=r"loaders/lang/fr/no_such_rules\.py"):
        rules("fr", "no_such_rules")
    with pytest.raises(MissingRules):
        all_rules("no_such_rules")


def test_all_rules_gives_every_language_in_order() -> None:
    assert list(all_rules("money")) == list(LANGUAGES)


def test_shape_tells_container_items_apart() -> None:
    assert compatible(shape(("a", "b")), shape(()))
    assert not compatible(shape(("a",)), shape((("a", 1),)))
    assert not compatible(shape({"a": "EUR"}), shape({"a": 1}))
    assert not compatible(shape(("a",)), shape(["a"]))
