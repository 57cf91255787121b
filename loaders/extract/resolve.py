"""Entity resolution: one stable key (and so one IRI) per real thing.

Keys are derived from normalised canonical names, never from counters, so the same document always
yields the same IRIs and two documents naming the same thing (in different languages or word orders)
meet on one node:

- organisations: ``'Normandy Region'``, ``'Région Normandie'`` and ``'La Région Normandie'`` all become
  ``region-authority-fr-nor`` (a regional authority is keyed by the region it governs); an acronym and
  its expansion share the expansion's key; otherwise the name without articles and legal forms.
- regions: the ISO 3166-2 code when the name resolves (``FR-NOR``), else ``slug(name)``.
- programmes: the reference slug when the name is a known programme (``erdf``, ``i3``), else the slug
  of the normalised name.
- persons: ``sha1(normalised name)[:16]`` (the contract keeps names out of IRIs).
"""

from __future__ import annotations

import hashlib
import re

from innograph.ontology.text import fold

from innograph.iris import slug

# leading articles in the four languages (and German, which shows up in cross-border names)
_ARTICLES = {
    "the",
    "a",
    "an",
    "la",
    "le",
    "les",
    "l",
    "de",
    "het",
    "een",
    "den",
    "det",
    "der",
    "die",
    "das",
    "des",
    "du",
    "d",
}


def strip_articles(folded: str) -> str:
    words = folded.split()
    while len(words) > 1 and words[0] in _ARTICLES:
        words.pop(0)
    return " ".join(words)


def name_key(name: str) -> str:
    """Key of a name: folded, without a leading article; the basis of most IRIs."""
    return strip_articles(fold(name))


def entity_slug(name: str) -> str:
    return slug(name_key(name) or name)


def person_key(name: str) -> str:
    return hashlib.sha1(name_key(name).encode()).hexdigest()[:16]


def short_hash(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode()).hexdigest()[:16]


def initials(name: str, skip: set[str]) -> str:
    """Initials of the content words: 'Nord France innovation développement' -> 'NFID'."""
    words = [re.sub(r"^[dlDL]['’]", "", w) for w in re.split(r"[\s\-/]+", name) if w]
    words = [w for w in words if w]
    letters = [w[0] for w in words if w.casefold() not in skip and w[0].isalpha()]
    return "".join(letters).upper()


def acronym_matches(acronym: str, expansion: str, skip: set[str]) -> bool:
    """True when the acronym is spelled by the expansion's initials (all words, or content words)."""
    acr = re.sub(r"[^A-Za-z0-9]", "", acronym).upper()
    if len(acr) < 2:
        return False
    full = initials(expansion, set())
    content = initials(expansion, skip)
    if acr in (full, content):
        return True
    # 'Aachener Gesellschaft für Innovation und Technologietransfer mbH (AGIT)': letters may also
    # come from inside compounds; accept when the content initials start the acronym in order
    return len(content) >= 3 and acr.startswith(content[:3]) and len(acr) <= len(content) + 1
