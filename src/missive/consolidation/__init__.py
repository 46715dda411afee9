"""Consolidation: many reports of one interaction become one event; analyses over those events.

``consolidate`` links reports (pure, order-independent), ``compatibility`` holds the window and
occasion tests it links by, ``near_duplicates`` finds syndicated copies of one story, and
``pair_analysis`` measures a pair's messages over time.
"""
