"""``innograph harvest``: web pages in, one named graph per page, kept fresh by re-harvesting.

Modules, in the order a page meets them:

- :mod:`~innograph.harvest.startpoints`  URL lists, sitemaps (and indexes), RSS/Atom feeds, crawl scopes
- :mod:`~innograph.harvest.addresses`    only http(s), no private/loopback/link-local address unless allowed
- :mod:`~innograph.harvest.robots`       robots.txt per host (and its Crawl-delay)
- :mod:`~innograph.harvest.fetcher`      polite HTTP: per-host delay and caps, redirects, conditional GET,
  Retry-After, timeouts, size cap
- :mod:`~innograph.harvest.content`      media type from Content-Type and bytes, charset to UTF-8
- :mod:`~innograph.harvest.pages`        a fetched page through the loaders, with its provenance triples
- :mod:`~innograph.harvest.state`        per-URL validators, status and due time in SQLite next to the store
- :mod:`~innograph.harvest.harvester`    the run: queue, outcomes, writes, the report
- :mod:`~innograph.harvest.command`      the command line
"""
