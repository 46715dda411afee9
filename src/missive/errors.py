"""One error tree for everything Missive raises on purpose.

    MissiveError
     ├── InputError      a file or folder that cannot be read as an article (names the file)
     ├── DataFileError   a knowledge file in missive/data (or a user's) that is malformed
     └── StoreError      the DuckDB store cannot be opened or is of an unknown schema

Each carries a one-line message naming the file and the reason, so the CLI can print it as is.
"""


class MissiveError(Exception):
    """Base of every error Missive raises on purpose."""


class InputError(MissiveError):
    """An input that cannot be read as an article."""


class DataFileError(MissiveError):
    """A malformed knowledge file."""


class StoreError(MissiveError):
    """The store cannot be used."""
