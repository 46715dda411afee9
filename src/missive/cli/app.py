"""The `missive` command: one Typer app holding the commands of every command module.

The command modules (``articles``, ``analysis``, ``export``, ``serve``) define plain functions and know
nothing of the app; this module registers them, in the order ``missive --help`` lists them.
"""

from __future__ import annotations

import typer

from . import analysis, articles, export, serve, watch

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Missive: a verified record of diplomatic interactions, from news articles.")

for command in (articles.extract, articles.ingest, analysis.events, articles.demo, articles.clean, articles.actors,
                analysis.timeline, analysis.stats, analysis.compare, export.export, serve.serve, watch.watch):
    app.command()(command)


def main() -> None:  # pragma: no cover - console entry point
    app()
