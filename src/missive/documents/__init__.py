"""Documents: articles read from files, folders and corpora, cleaned, and described by their metadata.

The first stages of the pipeline live here (reading, HTML through trafilatura, cleaning with an
offset map back to the original, article lines, metadata and date candidates); nothing here
knows about events.
"""
