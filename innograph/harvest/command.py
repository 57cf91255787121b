"""``innograph harvest``: the command line (arguments, settings, the summary)."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from pathlib import Path

from innograph.harvest.addresses import AddressPolicy, parse_networks
from innograph.harvest.fetcher import FetchConfig, Fetcher
from innograph.harvest.harvester import Harvester, HarvestPlan, HarvestReport
from innograph.harvest.startpoints import StartPoint
from innograph.harvest.state import HarvestState
from innograph.settings import Settings, add_store_option, command_settings
from innograph.store import Store, open_store

OUTCOMES = ("new", "changed", "unchanged", "removed", "gone", "robots_denied", "not_due", "failed")


class HarvestConfigError(Exception):
    """A setting the harvest cannot run without (exit 2, before any request)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("urls", nargs="*", help="page URLs to fetch")
    parser.add_argument("--urls-file", type=Path, action="append", default=[],
                        help="file with one URL per line ('#' starts a comment)")
    parser.add_argument("--sitemap", action="append", default=[], help="sitemap or sitemap index URL")
    parser.add_argument("--feed", action="append", default=[], help="RSS or Atom feed URL")
    parser.add_argument("--crawl", action="append", default=[],
                        help="page whose links are followed within its site, under --prefix, to --depth")
    parser.add_argument("--prefix", help="path prefix of crawls (default: the start page's folder)")
    parser.add_argument("--depth", type=int, default=2, help="link depth of crawls (default 2; start page: 0)")
    parser.add_argument("--due", action="store_true",
                        help="fetch only what is due (all due pages of the state when no start point is given)")
    parser.add_argument("--prune", action="store_true", help="remove the graphs of pages that answer 404/410")
    parser.add_argument("--force", action="store_true", help="no conditional GET; re-extract unchanged pages")
    parser.add_argument("--jobs", type=int, default=min(4, os.cpu_count() or 1),
                        help="extraction processes (default: cores, at most 4)")
    add_store_option(parser)
    parser.add_argument("--delay", type=float, help="seconds between requests to one host (INNOGRAPH_HARVEST_DELAY)")
    parser.add_argument("--allow-network", action="append", default=[], metavar="CIDR",
                        help="allow a private/loopback/link-local network (adds to INNOGRAPH_HARVEST_ALLOW_NETWORKS)")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                        help="show a progress bar (default: when stderr is a terminal)")


def start_points(args: argparse.Namespace) -> tuple[StartPoint, ...]:
    urls = list(args.urls)
    for path in args.urls_file:
        lines = path.read_text(encoding="utf-8").splitlines()
        urls += [line.split("#", 1)[0].strip() for line in lines if line.split("#", 1)[0].strip()]
    return (*(StartPoint("url", u) for u in urls), *(StartPoint("sitemap", u) for u in args.sitemap),
            *(StartPoint("feed", u) for u in args.feed), *(StartPoint("crawl", u) for u in args.crawl))


def user_agent(settings: Settings) -> str:
    """The configured User-Agent with the contact inside its comment; no contact, no harvest."""
    contact = settings.harvest_contact.strip()
    if "@" not in contact and not contact.startswith(("http://", "https://")):
        raise HarvestConfigError(
            "set INNOGRAPH_HARVEST_CONTACT to an e-mail address or URL where site owners can reach you "
            "(it is sent in the User-Agent of every request)"
        )
    agent = settings.harvest_user_agent.strip()
    if agent.endswith(")"):
        return f"{agent[:-1]}; {contact})"
    return f"{agent} ({contact})"


def fetch_config(settings: Settings, delay: float | None) -> FetchConfig:
    return FetchConfig(
        user_agent=user_agent(settings),
        delay=settings.harvest_delay if delay is None else delay,
        concurrency=settings.harvest_concurrency,
        host_concurrency=settings.harvest_host_concurrency,
        connect_timeout=settings.harvest_connect_timeout,
        read_timeout=settings.harvest_read_timeout,
        max_bytes=settings.harvest_max_bytes,
        max_redirects=settings.harvest_max_redirects,
        max_retry_after=settings.harvest_max_retry_after,
    )


def state_path(settings: Settings, store: Store) -> Path:
    if settings.harvest_state:
        return Path(settings.harvest_state)
    if store.data_dir is None:
        raise HarvestConfigError("this store has no folder of its own: set INNOGRAPH_HARVEST_STATE to a file path")
    return store.data_dir / "harvest.sqlite"


async def harvest(store: Store, settings: Settings, plan: HarvestPlan, config: FetchConfig, policy: AddressPolicy,
                  state: HarvestState, *, jobs: int = 2, progress: bool = False) -> HarvestReport:
    fetcher = Fetcher(config, policy)
    try:
        return await Harvester(store, settings.iris, state, fetcher, plan, jobs=jobs, progress=progress).run()
    finally:
        await fetcher.close()


def run(args: argparse.Namespace) -> int:
    settings = command_settings(args)
    points = start_points(args)
    if not points and not args.due:
        print("innograph harvest: give URLs, --urls-file, --sitemap, --feed or --crawl (or --due)", file=sys.stderr)
        return 2
    plan = HarvestPlan(points, args.prefix, args.depth, args.due, args.prune, args.force, settings.harvest_interval)
    try:
        config = fetch_config(settings, args.delay)
        policy = AddressPolicy(parse_networks([*settings.harvest_allow_networks.split(","), *args.allow_network]))
    except (HarvestConfigError, ValueError) as exc:
        print(f"innograph harvest: {exc}", file=sys.stderr)
        return 2
    store = open_store(settings)
    try:
        state = HarvestState(state_path(settings, store))
    except HarvestConfigError as exc:
        store.close()
        print(f"innograph harvest: {exc}", file=sys.stderr)
        return 2
    progress = args.progress if args.progress is not None else sys.stderr.isatty()
    try:
        report = asyncio.run(harvest(store, settings, plan, config, policy, state, jobs=args.jobs, progress=progress))
    finally:
        state.close()
        store.close()
    print(json.dumps(report.as_dict(), indent=2) if args.json else summary(report))
    return 1 if report.failed else 0


def summary(report: HarvestReport) -> str:
    counts = "  ".join(f"{name.replace('_', '-')} {report.outcomes.get(name, 0)}" for name in OUTCOMES)
    pages = sum(report.outcomes.values())
    rate = pages / report.seconds if report.seconds else 0.0
    lines = [
        f"pages {pages}  {counts}",
        f"requests {report.requests}  bytes {report.bytes:,}  triples {report.triples}  "
        f"in {report.seconds:.1f} s ({rate:.1f} pages/s)",
    ]
    if report.resumed:
        lines.append(f"resumed an interrupted harvest: {report.done_before} pages were already done")
    if report.failed:
        by_reason = ", ".join(f"{code} {n}" for code, n in sorted(report.failed_by_reason().items()))
        lines.append(f"failed by reason: {by_reason}")
    lines += [failure.line() for failure in report.failed]
    lines += [f"ROBOTS {denied}" for denied in report.robots_denied]
    return "\n".join(lines)
