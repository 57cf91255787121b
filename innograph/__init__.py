"""innograph: a knowledge graph of Europe's regional innovation actors and projects."""

from importlib.metadata import version

# The installed distribution's version (part of every document fingerprint). innograph only runs
# installed (its packages map several top-level folders), so there is no fallback.
__version__ = version("innograph")
