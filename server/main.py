"""``innograph serve [--store DIR] [--host H] [--port P]``: run the server with uvicorn.

Flags override the ``INNOGRAPH_*`` settings of the same name.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--store", type=Path, help="store directory (INNOGRAPH_STORE)")
    parser.add_argument("--host", help="address to bind (INNOGRAPH_HOST, default 127.0.0.1)")
    parser.add_argument("--port", type=int, help="port to listen on (INNOGRAPH_PORT, default 8000)")
    parser.add_argument("--log-level", default="info", help="uvicorn log level (default: info)")
    parser.add_argument(
        "--access-log", action="store_true", help="log every request (off by default, for throughput)"
    )


def run(args: argparse.Namespace) -> int:
    # Imported here, not at the top: the CLI imports this module for every command, and the app
    # (FastAPI, every route, uvicorn) takes ~1 s to import against ~0.07 s for this module alone.
    import uvicorn
    from innograph.server.app import create_app

    from innograph.settings import Settings

    overrides = {k: v for k, v in (("store", args.store), ("host", args.host), ("port", args.port)) if v is not None}
    settings = Settings(**overrides)
    uvicorn.run(
        create_app(settings),
        host=settings.host,
        port=settings.port,
        log_level=args.log_level,
        access_log=args.access_log,
        timeout_graceful_shutdown=5,
    )
    return 0
