"""The one error type the generator reports to users: what is wrong, and where."""

from __future__ import annotations


class SpecError(Exception):
    """Bad input: an unreadable file, a syntax error, an invalid spec or an unresolvable `$ref`.

    `where` names the place: a file path, optionally with `:line`, and/or a JSON pointer.
    """

    def __init__(self, message: str, *, where: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.where = where

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message

    def __reduce__(self) -> tuple[object, ...]:
        # Keeps `where` when the error crosses a process boundary (validation of large specs).
        return (SpecError, (self.message,), {"message": self.message, "where": self.where})
