"""Exports other event data can join: one row per consolidated event (or per report).

``codes`` maps each Missive type and medium to the CAMEO code and the PLOVER event type and
mode (a table in ``data/event_codes.csv``); ``rows`` defines the columns, each documented;
``writers`` writes CSV, JSON lines or Parquet a chunk at a time. The rows come from the store
(``missive.store.exports``); this package only shapes and writes them.
"""
