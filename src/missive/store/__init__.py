"""The store: every SQL statement Missive runs, over one DuckDB file.

``database`` is the only module that imports duckdb (writes, consolidation upkeep, the CLI's
queries), ``migrations`` the recorded schema changes, ``queries`` the read-only questions the
web pages ask.
"""
