"""The small exception tree of aseankb.

Configuration errors stop a build (exit 2); seed problems never do: they are
recorded in the build report and the build goes on.
"""

from __future__ import annotations


class AseankbError(Exception):
    """Base class of every error aseankb raises on purpose."""


class ConfigError(AseankbError):
    """A taxonomy, meeting or overrides file is invalid. Names the file and the key."""

    def __init__(self, file: str, key: str, reason: str, line: int | None = None) -> None:
        self.file = file
        self.key = key
        self.reason = reason
        self.line = line
        where = f"{file}:{line}" if line else file
        super().__init__(f"{where}: {key}: {reason}")


class SeedError(AseankbError):
    """A seed cannot be turned into an article: it is skipped, with this reason."""


class UsageError(AseankbError):
    """The command's folders and files cannot work together (the output folder is the seeds
    folder, the report is a folder...): refused before anything is read or written."""


class BuildInterrupted(AseankbError):
    """The build could not write its output (disk full, permissions...)."""
