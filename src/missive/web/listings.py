"""The routes of the pages that list events: home, search, every event, a country, a pair.

Each page exists four ways at one address: HTML, .json (its data), and .csv / .jsonl / .parquet
(its events, see downloads). All of them read the same query string into the same EventFilter,
and every link a page shows (download, sort, next page) carries it on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from ..actors.countries import country_name
from ..store.filters import EventFilter
from ..store.queries import Reader
from . import pages
from .downloads import DOWNLOADS, download
from .params import (filter_from_query, filter_query, form_values, link, order_of, page_of, parse_moment,
                     unit_of)
from .search import search, search_filter

FORMATS = ("json", *DOWNLOADS)


def _format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise HTTPException(404, f"There is no '.{fmt}' version of this page (try .json, .csv, .jsonl or .parquet).")
    return fmt


def _links(path: str, f: EventFilter, request: Request, **extra: Any) -> dict[str, Any]:
    """The page's own links under its filter: its twins and downloads, and the filter boxes' values."""
    raw = request.query_params
    return {"path": path, "json": link(f"{path}.json", f, raw, **extra),
            "downloads": {fmt: link(f"{path}.{fmt}", f, raw, **({"sort": extra["sort"]} if extra.get("sort") else {}))
                          for fmt in DOWNLOADS},
            "form": form_values(f, raw), "filters": [list(p) for p in filter_query(f, raw)],
            "here": lambda **more: link(path, f, raw, **{**extra, **more})}


def _twin(request: Request, data: dict[str, Any], links: dict[str, Any]) -> dict[str, Any]:
    """The data of the .json twin: the page's facts, the filters as understood, the download links."""
    return {**data, "filters": links["filters"], "downloads": links["downloads"]}


def add_listing_routes(app: FastAPI, reader: Callable[..., Any], page: Callable[..., Response]) -> None:
    _home_routes(app, reader, page)
    _events_routes(app, reader, page)
    _country_routes(app, reader, page)
    _pair_routes(app, reader, page)


def _home_routes(app: FastAPI, reader: Any, page: Any) -> None:
    def home_data(request: Request, r: Reader) -> dict[str, Any]:
        q = request.query_params
        return pages.home_page(r, q.get("pairs_by") or "events", page_of({"page": q.get("pairs_page")}),
                               q.get("countries_by") or "events", page_of({"page": q.get("countries_page")}),
                               parse_moment(q.get("new_since")))

    @app.get("/index.json")
    def home_json(request: Request, r: Reader = Depends(reader)) -> dict[str, Any]:
        return home_data(request, r)

    @app.get("/")
    def home(request: Request, r: Reader = Depends(reader)) -> Response:
        return page(request, "home.html", home_data(request, r), links={"query": dict(request.query_params)})

    @app.get("/search.{fmt}")
    def search_twin(request: Request, fmt: str, q: str = "", r: Reader = Depends(reader)) -> Any:
        if _format(fmt) == "json":
            return search(r, q)
        return download(r, search_filter(r, q), "-date", fmt, "search")

    @app.get("/search")
    def search_page(request: Request, q: str = "", r: Reader = Depends(reader)) -> Response:
        found = search(r, q)
        if found["redirect"]:
            return RedirectResponse(found["redirect"], status_code=303)
        downloads = {fmt: f"/search.{fmt}?q={quote(q)}" for fmt in DOWNLOADS}
        return page(request, "search.html", found, links={"downloads": downloads, "json": f"/search.json?q={quote(q)}"})


def _events_routes(app: FastAPI, reader: Any, page: Any) -> None:
    def events_data(request: Request, r: Reader) -> tuple[dict[str, Any], dict[str, Any], EventFilter, str]:
        f, order = filter_from_query(request.query_params), order_of(request.query_params, "-date")
        data = pages.events_page(r, f, order, page_of(request.query_params))
        return data, _links("/events", f, request, sort=order), f, order

    @app.get("/events.{fmt}")
    def events_twin(request: Request, fmt: str, r: Reader = Depends(reader)) -> Any:
        data, links, f, order = events_data(request, r)
        return _twin(request, data, links) if _format(fmt) == "json" else download(r, f, order, fmt, "events")

    @app.get("/events")
    def events(request: Request, r: Reader = Depends(reader)) -> Response:
        data, links, _, _ = events_data(request, r)
        return page(request, "events.html", data, links=links)


def _country_routes(app: FastAPI, reader: Any, page: Any) -> None:
    def country_data(request: Request, r: Reader, iso: str) -> tuple[dict[str, Any], dict[str, Any], EventFilter, str]:
        q = request.query_params
        f, order = filter_from_query(q, (iso.upper(),)), order_of(q, "-date")
        data = pages.country_page(r, iso.upper(), f, unit_of(q, "") or None, order, page_of(q))
        if data is None:
            raise HTTPException(404, f"No event involving {country_name(iso.upper())} ({iso.upper()}) is in this store.")
        return data, _links(f"/country/{iso.upper()}", f, request, sort=order, per=q.get("per")), f, order

    @app.get("/country/{iso}.{fmt}")
    def country_twin(request: Request, iso: str, fmt: str, r: Reader = Depends(reader)) -> Any:
        _format(fmt)
        data, links, f, order = country_data(request, r, iso)
        return _twin(request, data, links) if fmt == "json" else download(r, f, order, fmt, f"country-{iso.upper()}")

    @app.get("/country/{iso}")
    def country(request: Request, iso: str, r: Reader = Depends(reader)) -> Response:
        if iso != iso.upper():
            return RedirectResponse(f"/country/{quote(iso.upper())}?{request.url.query}", 307)
        data, links, _, _ = country_data(request, r, iso)
        return page(request, "country.html", data, links=links)


def _pair_routes(app: FastAPI, reader: Any, page: Any) -> None:
    def pair_data(request: Request, r: Reader, a: str, b: str) -> tuple[dict[str, Any], dict[str, Any], EventFilter]:
        a, b = a.upper(), b.upper()
        q = request.query_params
        f = filter_from_query(q, (a, b))
        data = pages.pair_page(r, a, b, f, unit_of(q, "") or None)
        if data is None:
            raise HTTPException(404, f"No interaction between {country_name(a)} ({a}) and "
                                     f"{country_name(b)} ({b}) is in this store.")
        return data, _links(f"/pair/{a}/{b}", f, request, per=q.get("per")), f

    @app.get("/pair/{a}/{b}.{fmt}")
    def pair_twin(request: Request, a: str, b: str, fmt: str, r: Reader = Depends(reader)) -> Any:
        _format(fmt)
        data, links, f = pair_data(request, r, a, b)
        return _twin(request, data, links) if fmt == "json" else download(r, f, "date", fmt,
                                                                        f"pair-{a.upper()}-{b.upper()}")

    @app.get("/pair/{a}/{b}")
    def pair(request: Request, a: str, b: str, r: Reader = Depends(reader)) -> Response:
        if a != a.upper() or b != b.upper():
            return RedirectResponse(f"/pair/{quote(a.upper())}/{quote(b.upper())}?{request.url.query}", 307)
        data, links, _ = pair_data(request, r, a, b)
        return page(request, "pair.html", data, links=links)
