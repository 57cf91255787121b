"""robots.txt, one per origin, fetched once per run and obeyed (RFC 9309).

- 2xx: its rules apply to our User-Agent (the first word of it matches a group), with its
  ``Crawl-delay`` when it asks for more than our own delay;
- 4xx (no file, or not for us to read): everything is allowed;
- 5xx or no answer: the site is unreachable, so nothing is fetched from it this run.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

MAX_ROBOTS_BYTES = 500 * 1024  # RFC 9309: parse at least the first 500 KiB
MAX_CRAWL_DELAY = 60.0  # a longer Crawl-delay is capped: one page a minute is polite enough


@dataclass(frozen=True)
class RobotsAnswer:
    """What one fetch of robots.txt gave: its status (0: no answer) and its text."""

    status: int
    text: str = ""


# fetches one robots.txt URL (following redirects, never checking robots itself)
RobotsFetch = Callable[[str], Awaitable[RobotsAnswer]]


class Rules:
    def __init__(self, answer: RobotsAnswer, user_agent: str) -> None:
        self.user_agent = user_agent
        self.unreachable = answer.status == 0 or answer.status >= 500
        self.parser: RobotFileParser | None = None
        if 200 <= answer.status < 300:
            parser = RobotFileParser()
            parser.parse(answer.text[:MAX_ROBOTS_BYTES].splitlines())
            self.parser = parser

    def allows(self, url: str) -> bool:
        if self.unreachable:
            return False
        return self.parser is None or self.parser.can_fetch(self.user_agent, url)

    def crawl_delay(self) -> float | None:
        if self.parser is None:
            return None
        delay = self.parser.crawl_delay(self.user_agent)
        return min(float(delay), MAX_CRAWL_DELAY) if delay is not None else None


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.lower()}"


class RobotsCache:
    """The rules of each origin, fetched at most once per run (concurrent askers wait for it)."""

    def __init__(self, user_agent: str, fetch: RobotsFetch) -> None:
        self.user_agent = user_agent
        self._fetch = fetch
        self._rules: dict[str, asyncio.Task[Rules]] = {}

    async def rules_for(self, url: str) -> Rules:
        key = origin(url)
        if key not in self._rules:
            self._rules[key] = asyncio.ensure_future(self._load(key))
        return await self._rules[key]

    async def _load(self, key: str) -> Rules:
        return Rules(await self._fetch(key + "/robots.txt"), self.user_agent)
