"""innograph: a knowledge graph of Europe's regional innovation actors and projects."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("innograph")
except PackageNotFoundError:  # running from a checkout without installation
    __version__ = "0.0.0"
