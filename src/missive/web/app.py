"""The FastAPI application: read-only HTML pages over a store, each with a .json twin.

The store is opened read-only for each request and closed after it, so the server never holds
DuckDB's file lock between requests: `missive ingest` can add articles while the pages are
being read (it holds the file only while it writes a batch, and a request waits for that with a
short backoff; see missive.store.database.connect). Every response forbids inline script through
its Content-Security-Policy, a second wall behind escaping for the articles' own HTML. Error
pages say what happened and what to do, never where the store is or how the server runs (no
paths, no PIDs, no tracebacks).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import InputError, StoreBusy, StoreError
from ..settings import default_settings
from ..store.database import Store
from ..store.queries import Reader
from . import pages
from .listings import add_listing_routes
from .present import register_filters

HERE = Path(__file__).resolve().parent
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                               " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def create_app(db_path: str | Path) -> FastAPI:
    """The web application over the store at ``db_path`` (which must exist; it is never written)."""
    db = Path(db_path)
    settings = default_settings()
    app = FastAPI(title="Missive", docs_url=None, redoc_url=None, openapi_url=None)
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    register_filters(templates.env)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    def reader() -> Iterator[Reader]:
        try:
            store = Store.open(db, read_only=True, wait=settings.read_wait_seconds)
        except StoreBusy as exc:
            raise HTTPException(503, "The store is busy: another process has been writing to it for a while."
                                     " Try again in a minute.", headers={"Retry-After": "30"}) from exc
        except StoreError as exc:
            raise HTTPException(503, "The store cannot be read right now. Its owner can check it with"
                                     " `missive events`.", headers={"Retry-After": "30"}) from exc
        try:
            yield Reader(store)
        finally:
            store.close()

    def page(request: Request, name: str, data: dict[str, Any], status: int = 200,
             links: dict[str, Any] | None = None) -> Response:
        context = {"data": data, "db": db.name, "links": links or {}}
        return templates.TemplateResponse(request, name, context, status_code=status)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    @app.exception_handler(StarletteHTTPException)
    async def readable_errors(request: Request, exc: StarletteHTTPException) -> Response:
        headers = {k: v for k, v in (exc.headers or {}).items() if k.lower() == "retry-after"}
        if request.url.path.endswith(".json"):
            return JSONResponse({"detail": exc.detail, "status": exc.status_code}, status_code=exc.status_code,
                                headers=headers)
        response = page(request, "error.html", {"status": exc.status_code, "detail": exc.detail}, exc.status_code)
        response.headers.update(headers)
        return response

    @app.exception_handler(Exception)
    async def unexpected_errors(request: Request, exc: Exception) -> Response:
        detail = "Something went wrong on this page; the server goes on. Try again, or another page."
        if request.url.path.endswith(".json"):
            return JSONResponse({"detail": detail, "status": 500}, status_code=500, headers=SECURITY_HEADERS)
        response = page(request, "error.html", {"status": 500, "detail": detail}, 500)
        response.headers.update(SECURITY_HEADERS)
        return response

    add_listing_routes(app, reader, page)
    _event_routes(app, reader, page)
    return app


def _event_data(r: Reader, event_id: str, came_from: str | None = None) -> dict[str, Any] | tuple[str, str]:
    """The event page's data, or where to send the reader: ("report", the event holding this report),
    ("short", the full id of an id as the listings print it) or ("alias", the event this retired id
    was merged into). A withdrawn id answers 410 and says so."""
    data = pages.event_page(r, event_id)
    if data is not None:
        if came_from:
            data["retired"] = r.resolve(came_from)[1]
        return data
    owner = r.owner_of_report(event_id)
    if owner and owner != event_id:
        return "report", owner
    try:
        full = r.complete_id(event_id)  # an id as the listings print it: its first characters
    except InputError:
        full = event_id
    if full != event_id:
        return "short", full
    live, trail = r.resolve(event_id)
    if live:
        return "alias", live
    if trail:
        raise HTTPException(410, f"Event '{event_id}' was withdrawn on {(trail[-1]['retired_at'] or '')[:10]}:"
                                 " none of its reports is in this store any more.")
    raise HTTPException(404, f"No event '{event_id}' is in this store.")


def _event_target(event_id: str, kind: str, target: str, suffix: str = "") -> str:
    """Where a redirect of _event_data leads: a report to its place in its event's page, a retired id
    with ?from (the page then says what became of it), a short id to its full id."""
    if kind == "alias":
        return f"/event/{quote(target)}{suffix}?from={quote(event_id)}"
    return f"/event/{quote(target)}{suffix}" + ("" if suffix or kind == "short" else f"#report-{quote(event_id)}")


def _event_routes(app: FastAPI, reader: Any, page: Any) -> None:
    @app.get("/event/{event_id}.json")
    def event_json(event_id: str, came_from: str | None = Query(None, alias="from"), r: Reader = Depends(reader)) -> Any:
        data = _event_data(r, event_id, came_from)
        return RedirectResponse(_event_target(event_id, *data, ".json"), 307) if isinstance(data, tuple) else data

    @app.get("/event/{event_id}")
    def event(request: Request, event_id: str, came_from: str | None = Query(None, alias="from"),
              r: Reader = Depends(reader)) -> Response:
        data = _event_data(r, event_id, came_from)
        if isinstance(data, tuple):
            return RedirectResponse(_event_target(event_id, *data), 307)
        return page(request, "event.html", data)

    @app.get("/retired.json")
    def retired_json(r: Reader = Depends(reader)) -> dict[str, Any]:
        """Every event id that no longer names an event: merged into another, split, or withdrawn."""
        return {"retired": r.retired()}

    @app.get("/article/{doc_id}.json")
    def article_json(doc_id: str, r: Reader = Depends(reader)) -> dict[str, Any]:
        data = pages.article_page(r, doc_id)
        if data is None:
            raise HTTPException(404, f"No article '{doc_id}' is in this store.")
        return data

    @app.get("/article/{doc_id}")
    def article(request: Request, doc_id: str, r: Reader = Depends(reader)) -> Response:
        data = pages.article_page(r, doc_id)
        if data is None:
            raise HTTPException(404, f"No article '{doc_id}' is in this store.")
        return page(request, "article.html", data)
