"""Organisation head words: what kind of organisation a name is, from its words.

'Agence de développement de la Région X' is an agency (its last head word before the first
preposition), 'European Cluster Collaboration Platform' a network (its last head word), a name with
a legal form a company. Shared by the organisation, region, programme and theme passes, which use
it to tell an organisation's name from a place, a programme or a topic.
"""

from __future__ import annotations

from functools import cache

from innograph.loaders.extract import lexicon
from innograph.loaders.extract.candidates import strip_genitive

_PREPOSITIONS = frozenset(("de", "du", "des", "of", "for", "van", "voor", "pour", "für", "ved", "til", "af"))


def head_of(words: list[str]) -> tuple[str, str] | None:
    """(head word, class) of a name: the last head word before the first preposition ('Agence de
    développement de la Région X' is an agency), else the last one ('European Cluster Collaboration
    Platform' is a network); a legal form makes a company."""
    legal = lexicon.legal_forms()
    if any(w in legal for w in words):
        return next((w.casefold(), "Company") for w in words if w in legal)
    first_prep = next((i for i, w in enumerate(words) if i > 0 and w.casefold() in _PREPOSITIONS), None)
    if first_prep is not None:
        found = _last_head(words[:first_prep])
        if found is not None:
            return found
    return _last_head(words)


@cache
def _all_suffixes() -> tuple[str, ...]:
    return tuple(lexicon.org_suffixes())


def _last_head(words: list[str]) -> tuple[str, str] | None:
    heads = lexicon.org_heads()
    suffixes = lexicon.org_suffixes()
    legal = lexicon.legal_forms()
    found: tuple[str, str] | None = None
    for index, word in enumerate(words):
        low = strip_genitive(word).casefold()
        last_part = low.rsplit("-", 1)[-1]
        if word in legal:
            found = (word.casefold(), "Company")
        elif low in heads:
            found = (low, heads[low])
        elif last_part in heads and "-" in low:
            found = (last_part, heads[last_part])
        elif last_part.endswith(_all_suffixes()):  # one test in C first: most words end in none
            for suffix, cls in suffixes.items():
                if last_part.endswith(suffix) and len(last_part) > len(suffix) + 2:
                    found = (suffix, cls)
                    break
        if found and found[0] in ("forum",) and not word.isupper() and index == 0 and len(words) == 1:
            found = None  # a sentence-initial 'Forum' is a word, 'FORUM' a name
    return found
