"""The documented Virtuoso configuration: the ini file and the SQL that sets up users and grants.

The tests start Virtuoso with exactly this text, so what the README documents is what is tested.
``python -m innograph.store.virtuoso_config DIR`` writes ``DIR/virtuoso.ini`` and ``DIR/setup.sql``
for innograph's settings (``INNOGRAPH_QUERY_TIMEOUT`` becomes Virtuoso's own time limit).

Why each value (measured on Debian's virtuoso-opensource 7.2.5):

- both ports on 127.0.0.1 only: Virtuoso's own endpoint runs ``bif:http_get`` for anonymous users
  (a fresh install fetches any URL a query names that way), so only innograph, which refuses such
  queries, may reach it;
- ``ResultSetMaxRows``: Debian's 10,000 truncates answers silently; innograph also refuses an
  answer that carries ``X-SPARQL-MaxRows``;
- ``MaxQueryExecutionTime``: the hard limit, innograph's time limit rounded up (innograph also
  sends it per query in "anytime" mode and refuses the partial answer that comes back);
- ``MaxQueryCostEstimationTime=0``: the cost estimator refuses queries up front and makes
  ``INSERT DATA`` ~4x slower;
- ``MaxSortedTopRows``: the read view pages a graph with ORDER BY + LIMIT/OFFSET, which Virtuoso
  refuses past this many rows;
- ``DirsAllowed``: the bulk loader (``ld_dir``) reads only the ``load`` folder;
- ``TransactionAfterImageLimit``: a large document is swapped in by one update (``DROP`` +
  ``MOVE`` of its staging graph); Debian's 50 MB aborts it from ~100,000 triples (``SR325``), 2 GB
  lets one transaction carry a few million.
"""

from __future__ import annotations

import argparse
import math
from pathlib import Path

from innograph.settings import Settings

RESULT_SET_MAX_ROWS = 1_000_000
AFTER_IMAGE_BYTES = 2_000_000_000  # one transaction's log (a large document's swap); the ini's maximum ~2^31
SORTED_TOP_ROWS = 10_000_000  # LIMIT + OFFSET of one sorted page read (the read view pages one graph)

INI_TEMPLATE = """\
[Database]
DatabaseFile={d}/virtuoso.db
ErrorLogFile={d}/virtuoso.log
LockFile={d}/virtuoso.lck
TransactionFile={d}/virtuoso.trx
xa_persistent_file={d}/virtuoso.pxa
Striping=0
TempStorage=TempDatabase

[TempDatabase]
DatabaseFile={d}/virtuoso-temp.db
TransactionFile={d}/virtuoso-temp.trx

[Parameters]
ServerPort=127.0.0.1:{sql_port}
DisableUnixSocket=1
DirsAllowed={d}/load
NumberOfBuffers={buffers}
MaxDirtyBuffers={dirty_buffers}
MaxSortedTopRows={sorted_rows}
TransactionAfterImageLimit={after_image}

[HTTPServer]
ServerPort=127.0.0.1:{http_port}
ServerRoot={d}
Charset=UTF-8

[SPARQL]
ResultSetMaxRows={max_rows}
MaxQueryCostEstimationTime=0
MaxQueryExecutionTime={time_limit}
"""


def time_limit(query_timeout: float) -> int:
    """Virtuoso's ``MaxQueryExecutionTime`` (whole seconds) for innograph's time limit."""
    return max(1, math.ceil(query_timeout))


def ini_text(
    folder: Path, sql_port: int, http_port: int, query_timeout: float, *, buffers: int = 170_000,
    max_rows: int = RESULT_SET_MAX_ROWS,
) -> str:
    """The ini of one instance whose files all live in ``folder`` (``buffers`` x 8 KB of memory;
    ``max_rows`` for the row cap: innograph refuses an answer that reaches it)."""
    return INI_TEMPLATE.format(
        d=folder,
        sql_port=sql_port,
        http_port=http_port,
        buffers=buffers,
        dirty_buffers=buffers * 3 // 4,
        max_rows=max_rows,
        sorted_rows=SORTED_TOP_ROWS,
        after_image=AFTER_IMAGE_BYTES,
        time_limit=time_limit(query_timeout),
    )


def setup_sql(user: str, password: str) -> list[str]:
    """Statements for ``isql-vt``: innograph's writer, a user with updates on ``/sparql-auth``
    (HTTP Digest). The anonymous ``SPARQL`` user stays read-only: granting it updates would also
    grant it SPARQL_SPONGE and LOAD_SERVICE_DATA (fetching URLs) and writes to anyone."""
    if not user or not password or "'" in user + password or '"' in user:
        raise ValueError("the writer needs a user name and a password without quotes")
    return [
        f"DB.DBA.USER_CREATE('{user}', '{password}')",
        f'GRANT SPARQL_UPDATE TO "{user}"',
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="the instance's folder (database, log, load/)")
    parser.add_argument("--sql-port", type=int, default=1111)
    parser.add_argument("--http-port", type=int, default=8890)
    args = parser.parse_args(argv)
    settings = Settings()
    folder = args.folder.resolve()
    (folder / "load").mkdir(parents=True, exist_ok=True)
    (folder / "virtuoso.ini").write_text(ini_text(folder, args.sql_port, args.http_port, settings.query_timeout))
    statements = setup_sql(settings.remote_user, settings.remote_password)
    (folder / "setup.sql").write_text("".join(f"{s};\n" for s in statements))
    print(f"wrote {folder / 'virtuoso.ini'} and {folder / 'setup.sql'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
