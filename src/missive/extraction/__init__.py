"""Extraction: the events a grounded article asserts, read off the parse of its trigger sentences.

``extractor`` runs the work per batch of articles; ``nlp`` loads the model and splits sentences,
``lexicon`` reads the trigger rows, ``frames`` reads who did what to whom, ``filters`` drops
negated, planned and hypothetical interactions, ``dating`` dates each frame, ``drafts``,
``assemble``, ``context``, ``cast``, ``quotes``, ``occasion`` and ``replies`` turn frames into events.
"""
