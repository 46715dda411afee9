"""Read-only web pages over the store; every page has a .json twin. Start it with `missive serve`."""

from .app import create_app

__all__ = ["create_app"]
