"""Dates: the article's own "now", relative expressions, anniversaries, known occasions.

News dates events against an unstated "now" ("on Thursday", "last month", "a month later").
"now" is a WINDOW of days the article can have been written on, not a day, and every
expression is a function of one reference day that only moves forward as the day does; so a
window resolves by applying the function to both of its ends ("windows shift as windows").
Conventions are those of news: a weekday is the most recent such day on or before the
reporting day (the same day counts), a month name alone the most recent such month, a day and
month without year the nearest one from ten months before to two months after; anaphors
("a month later", "the following day") need the previous dated event as their anchor.

The article's "now" (``reference_date``) comes from the metadata candidates checked against
what the content pins: an anniversary or known occasion the article is about, read together
with the relative expression next to it ("last month to mark the 74th anniversary").

The work is split by job: ``calendar_spans`` (calendar arithmetic and window precision),
``grammar`` (one rule per kind of expression), ``expressions`` (finding and resolving them),
``reference_date`` (the article's "now"), ``anniversaries`` and ``occasions`` (what a text
names, dated by the fact tables), ``ordinals`` and ``name_matching`` (shared text rules).
"""
