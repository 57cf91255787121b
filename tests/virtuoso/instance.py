"""Start and stop a private Virtuoso (Debian's virtuoso-opensource), never the system service.

The ini is the documented one (:mod:`innograph.store.virtuoso_config`), written into a temporary
folder with free ports; the writer user is created with the documented SQL.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
from ports import free_ports

from innograph.store.virtuoso_config import ini_text, setup_sql

VIRTUOSO = shutil.which("virtuoso-t")
ISQL = shutil.which("isql-vt")
WRITER = ("innograph", "writer-password")
MAX_ROWS = 40_000  # small enough for a test to reach, above the partner index's reads of data/
START_WAIT = 90  # seconds; the first start of a database calibrates for a few seconds


@dataclass
class VirtuosoInstance:
    folder: Path
    sql_port: int
    http_port: int
    process: subprocess.Popen[bytes]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def query_url(self) -> str:
        return self.url + "/sparql"

    @property
    def update_url(self) -> str:
        return self.url + "/sparql-auth"

    def isql(self, *statements: str) -> str:
        assert ISQL is not None
        script = "".join(f"{s};\n" for s in statements)
        done = subprocess.run(
            [ISQL, f"127.0.0.1:{self.sql_port}", "dba", "dba"], input=script.encode(), capture_output=True, timeout=120
        )
        output = done.stdout.decode(errors="replace")
        if done.returncode != 0 or "*** Error" in output:
            raise RuntimeError(f"isql-vt failed: {output}{done.stderr.decode(errors='replace')}")
        return output

    def clear(self) -> None:
        """Delete every graph but Virtuoso's own (SPARQL's DROP ALL deletes nothing here)."""
        self.isql(
            "DELETE FROM DB.DBA.RDF_QUAD WHERE G NOT IN (iri_to_id('http://www.openlinksw.com/schemas/virtrdf#'), "
            "iri_to_id('http://www.w3.org/ns/ldp#'), iri_to_id('http://localuriqaserver/sparql'))"
        )


def _wait_until_up(instance: VirtuosoInstance) -> None:
    deadline = time.monotonic() + START_WAIT
    while True:
        try:
            if httpx.get(instance.query_url, params={"query": "ASK {}"}, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        if instance.process.poll() is not None or time.monotonic() > deadline:
            log = (instance.folder / "virtuoso.log").read_text(errors="replace")[-2000:]
            raise RuntimeError(f"Virtuoso did not start:\n{log}")
        time.sleep(0.2)


@contextmanager
def virtuoso(folder: Path, query_timeout: float, *, buffers: int = 20_000,
             max_rows: int = MAX_ROWS) -> Iterator[VirtuosoInstance]:
    """A private instance in ``folder`` with innograph's writer user; stopped (and waited for) at
    exit. The tests' instances are small (``buffers`` x 8 KB); a benchmark gives the documented size."""
    assert VIRTUOSO is not None
    (folder / "load").mkdir(parents=True, exist_ok=True)
    sql_port, http_port = free_ports(2)
    ini = folder / "virtuoso.ini"
    ini.write_text(ini_text(folder, sql_port, http_port, query_timeout, buffers=buffers, max_rows=max_rows))
    process = subprocess.Popen(
        [VIRTUOSO, "+foreground", "+configfile", str(ini)], cwd=folder,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    instance = VirtuosoInstance(folder, sql_port, http_port, process)
    try:
        _wait_until_up(instance)
        instance.isql(*setup_sql(*WRITER))
        yield instance
    finally:
        process.terminate()
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
