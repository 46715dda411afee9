"""HTML articles: main text and metadata through trafilatura, ready for the text cleaner.

For an HTML input the text trafilatura extracts IS the original that evidence spans index
(the page markup has no stable character offsets worth keeping), so this module returns that
text unchanged and the metadata it read, and the plain-text cleaner runs on it next.
"""

from __future__ import annotations

from typing import Any

META_FIELDS = ("title", "date", "sitename", "author", "url", "hostname", "description")


def extract_html(html: str, url: str = "") -> tuple[str, dict[str, Any]]:
    """(main text, metadata) of a page; ("", {}) when trafilatura finds no article in it.

    Comments are left out (trafilatura keeps them by default) because readers' comments are
    not the article's assertions.
    """
    import trafilatura

    result = trafilatura.bare_extraction(
        html,
        url=url or None,
        include_comments=False,
        with_metadata=True,
    )
    if result is None:
        return "", {}
    text = str(getattr(result, "text", "") or "")
    meta = {name: str(getattr(result, name, "") or "") for name in META_FIELDS}
    if url:
        meta["url"] = meta["url"] or url
    original = page_date(html, meta["url"])
    if original:
        meta["date"], meta["date_source"] = original, "htmldate"
    return text, {name: value for name, value in meta.items() if value}


def page_date(html: str, url: str = "") -> str:
    """The page's ORIGINAL publication day (not its last update) from its markup and URL, through
    htmldate; only the markup (no extensive search): a date in the body may be an event's, and the
    body's dates are the temporal stage's business. '' when the page says none."""
    import htmldate

    try:
        found = htmldate.find_date(html, extensive_search=False, original_date=True, url=url or None)
    except Exception:  # noqa: BLE001 - a page htmldate cannot read has no markup date, not a broken batch
        return ""
    return found or ""
