"""Consolidation: many reports of one interaction become one event; analyses over those events.

``consolidate`` turns reports into events (pure, order-independent); ``linking`` clusters one
interaction's reports on the evidence and guards of ``evidence``; ``identity`` names events and says
what became of ids that disappear; ``compatibility`` holds the window, year-less day and occasion
tests; ``near_duplicates`` finds syndicated copies of one story, and ``pair_analysis`` measures a
pair's messages over time.
"""
