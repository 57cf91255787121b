"""One settings object for the whole service, read from ``INNOGRAPH_*`` environment variables.

Every setting is documented in the README's configuration table; ``tests/test_docs.py`` fails when
one is missing there.
"""

from __future__ import annotations

import argparse
from functools import cached_property
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from innograph.iris import Iris
from innograph.namespaces import DEFAULT_BASE_IRI


class Settings(BaseSettings):
    """Configuration of ingest, store and server. Field docs double as the README table."""

    model_config = SettingsConfigDict(env_prefix="INNOGRAPH_", extra="ignore", frozen=True)

    store: Path = Field(Path("var/store"), description="Directory of the embedded on-disk store.")
    backend: Literal["embedded", "remote"] = Field(
        "embedded", description="`embedded` (on-disk Oxigraph) or `remote` (any SPARQL 1.1 server)."
    )
    remote_query_url: str = Field("", description="Remote backend: SPARQL query endpoint of the public data.")
    remote_update_url: str = Field("", description="Remote backend: SPARQL update endpoint of the public data.")
    remote_full_query_url: str = Field(
        "", description="Remote backend: query endpoint of the dataset that also holds personal graphs."
    )
    remote_full_update_url: str = Field(
        "", description="Remote backend: update endpoint of the dataset that also holds personal graphs."
    )
    remote_flavour: Literal["generic", "virtuoso"] = Field(
        "generic",
        description="Remote backend: `generic` (any SPARQL 1.1 server) or `virtuoso` (absorbs Virtuoso's "
        "deviations: system graphs, row cap, partial answers, DROP ALL, blank nodes; see the README).",
    )
    remote_user: str = Field(
        "", description="Remote backend: user for the update endpoints (HTTP Digest). Empty: no authentication."
    )
    remote_password: str = Field("", description="Remote backend: password of `INNOGRAPH_REMOTE_USER`.")
    token: str = Field(
        "", description="Bearer token for SPARQL Update and personal data. Empty: updates off, personal data hidden."
    )
    query_timeout: float = Field(30.0, gt=0, description="Per-query time limit in seconds.")
    max_request_bytes: int = Field(1_000_000, gt=0, description="Largest accepted request body (bytes).")
    max_result_bytes: int = Field(50_000_000, gt=0, description="Largest serialized query result (bytes).")
    query_workers: int = Field(3, ge=1, description="Query worker processes (each can be killed at the time limit).")
    union_default_graph: bool = Field(
        True,
        description="Default graph of a query without a dataset: the union of the named graphs (`true`) "
        "or the store's own default graph (`false`: plain SPARQL semantics, e.g. for the W3C tests).",
    )
    base_iri: str = Field(DEFAULT_BASE_IRI, description="Prefix of every IRI innograph mints (ends with `/`).")
    host: str = Field("127.0.0.1", description="Address the server binds to.")
    port: int = Field(8000, description="Port the server listens on.")
    harvest_user_agent: str = Field(
        "innograph-harvest/0.1 (+https://w3id.org/innograph/)",
        description="`innograph harvest`: User-Agent product and project address (robots.txt rules match its "
        "first word); the contact is appended.",
    )
    harvest_contact: str = Field(
        "", description="`innograph harvest`: e-mail or URL where site owners reach you (required to harvest)."
    )
    harvest_delay: float = Field(1.0, ge=0, description="`innograph harvest`: seconds between requests to one host.")
    harvest_concurrency: int = Field(8, ge=1, description="`innograph harvest`: requests in flight, all hosts.")
    harvest_host_concurrency: int = Field(1, ge=1, description="`innograph harvest`: requests in flight per host.")
    harvest_connect_timeout: float = Field(10.0, gt=0, description="`innograph harvest`: connect timeout (s).")
    harvest_read_timeout: float = Field(
        30.0, gt=0, description="`innograph harvest`: read timeout (s); a whole response may take 4 times as long."
    )
    harvest_max_bytes: int = Field(10_000_000, gt=0, description="`innograph harvest`: largest response body (bytes).")
    harvest_max_redirects: int = Field(5, ge=0, description="`innograph harvest`: redirects followed per URL.")
    harvest_max_retry_after: float = Field(
        120.0, ge=0, description="`innograph harvest`: longest `Retry-After` (s) waited for within a run; longer: "
        "the page fails and is due after it.",
    )
    harvest_interval: float = Field(
        86400.0, gt=0, description="`innograph harvest --due`: seconds after a check before a page is due again."
    )
    harvest_allow_networks: str = Field(
        "", description="`innograph harvest`: comma-separated networks (CIDR) allowed although private, loopback "
        "or link-local (e.g. `127.0.0.1/32`). Empty: public addresses only.",
    )
    harvest_state: str = Field(
        "", description="`innograph harvest`: state file (SQLite). Empty: `harvest.sqlite` in the store's folder."
    )

    @field_validator("base_iri")
    @classmethod
    def _base_iri_ends_with_slash(cls, value: str) -> str:
        if not value.endswith("/"):
            raise ValueError("INNOGRAPH_BASE_IRI must end with '/'")
        return value

    @cached_property
    def iris(self) -> Iris:
        return Iris(self.base_iri)


def add_store_option(parser: argparse.ArgumentParser) -> None:
    """``--store``, which every command reading or writing the store takes."""
    parser.add_argument("--store", type=Path, help="store directory (default: INNOGRAPH_STORE)")


def command_settings(args: argparse.Namespace, **overrides: object) -> Settings:
    """The settings a command runs with: the environment's, with its ``--store`` when given."""
    if args.store:
        overrides["store"] = args.store
    return Settings(**overrides)  # type: ignore[arg-type]  # pydantic checks the values


def settings_table() -> str:
    """The README's configuration table, generated from the fields above."""
    rows = ["| variable | default | meaning |", "|---|---|---|"]
    for name, field in Settings.model_fields.items():
        default = field.default if field.default not in ("", None) else "(empty)"
        rows.append(f"| `INNOGRAPH_{name.upper()}` | `{default}` | {field.description} |")
    return "\n".join(rows)


if __name__ == "__main__":
    print(settings_table())
