"""Watching news feeds and pages as they publish: the network half of `missive watch`.

Analysts follow correspondence as it happens, so Missive must read the feeds of news agencies
and ministries, not only files a user saved. This subpackage fetches, and only fetches:

    sources    SOURCES arguments and files -> Source; a fetched body -> feed or page
    addresses  only http(s), only public addresses unless the user allows private ones
    robots     robots.txt, read once per site and obeyed
    fetch      the polite, guarded HTTP client (robots.txt, pacing, retries, caps, 304s)
    feeds      feed bytes -> FeedItem, each with its date as written (zone included)
    pages      an item page -> WatchedPage, a corpus row with the feed's title and date
    state      what a watch remembers (SourceState, SeenItem) and the WatchLedger interface
    rounds     one round over the due sources, writing through a WatchLedger
    failures   the closed set of reasons a URL gave nothing, as values

It depends on nothing downstream: reading a WatchedPage as an article, extracting and storing
it, and printing new events belong to `missive.following` (over the pipeline), the store
(`missive.store.watch_state` keeps the ledger's tables) and the CLI.
"""
