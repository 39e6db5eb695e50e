"""Errors that reach users as one line and a documented exit code.

Core modules raise these; the CLI renders the message in the user's language
and exits with ``exit_code``. Nothing here prints.
"""

from __future__ import annotations

from typing import Any

from cchc_kpi.i18n.messages import Message

EXIT_OK = 0
EXIT_DATA = 1  # data problems past the threshold
EXIT_USAGE = 2  # usage, input or configuration error
EXIT_TARGETS = 3  # targets missed (--fail-on-target-miss)
EXIT_LOCKED = 4  # another run holds the output lock


class CchcError(Exception):
    """An error with a catalogue message and an exit code."""

    exit_code = EXIT_USAGE

    def __init__(self, key: str, **params: Any) -> None:
        self.message = Message(key, params)
        super().__init__(self.message.render("en"))


class UsageError(CchcError):
    """Wrong options or arguments (exit 2)."""


class InputError(CchcError):
    """An input file that cannot be read or understood (exit 2)."""


class OwnOutputError(InputError):
    """An input that is one of cchc-kpi's own outputs: skipped, never read as dossiers."""


class ConfigError(CchcError):
    """A configuration problem (exit 2)."""


class OutputError(CchcError):
    """An output that cannot be written (exit 2)."""


class LockBusyError(CchcError):
    """Another run holds the lock on the output (exit 4)."""

    exit_code = EXIT_LOCKED
