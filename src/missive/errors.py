"""One error tree for everything Missive raises on purpose.

    MissiveError
     ├── InputError      a file or folder that cannot be read as an article (names the file)
     │    └── ArticleTimeout   an article past its time budget (it becomes a Skip 'timed_out')
     ├── DataFileError   a knowledge file in missive/data (or a user's) that is malformed
     └── StoreError      the DuckDB store cannot be opened or is of an unknown schema
          ├── StoreMissing   a read-only command given a store that does not exist
          └── StoreBusy      another process holds the store (an ingest is writing)

Each carries a one-line message naming the file and the reason, so the CLI can print it as is.
"""


class MissiveError(Exception):
    """Base of every error Missive raises on purpose."""


class InputError(MissiveError):
    """An input that cannot be read as an article."""


class ArticleTimeout(InputError):
    """An article past the seconds the Settings give one article."""


class DataFileError(MissiveError):
    """A malformed knowledge file."""


class StoreError(MissiveError):
    """The store cannot be used."""


class StoreMissing(StoreError):
    """A command that only reads was given a store that does not exist."""


class StoreBusy(StoreError):
    """Another process holds the store (an ingest writing, or a second ingest)."""
