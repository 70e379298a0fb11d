"""The errors the generator reports to its users, each with the exit code `sdkgen` ends with.

    GeneratorError                 (base; never raised itself)
    ├── SpecError          exit 2  the spec: unreadable file, YAML/JSON syntax, invalid OpenAPI,
    │   │                          a `$ref` that does not resolve
    │   └── SpecProblems   exit 2  every problem validation found at once (see `generator.validate`)
    ├── ConfigError        exit 3  an `sdkgen.yaml` (or the settings given on the command line)
    ├── UsageError         exit 4  the command line: missing or contradictory arguments, an unknown
    │                              git revision
    ├── OutputError        exit 5  the output folder: not ours to overwrite, not writable
    └── InternalError      exit 70 a bug in the generator (it produced code that does not lint, a
                                   tool it runs failed); the message says how to report it

Exit code 1 is not an error: `sdkgen check` found drift, or `sdkgen diff --fail-on-breaking` found a
breaking change. Every error is one line on stderr, `sdkgen: error: WHERE: WHAT`, never a traceback,
and the previous output is left as it was.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial
from typing import ClassVar, Literal

EXIT_DRIFT = 1
REPORT_BUGS = "this is a bug in sdkgen: please report it with the spec and the command that shows it"


class GeneratorError(Exception):
    """Base class of every error `sdkgen` reports. `where` names the place: a file (with `:line`) and/or
    a JSON pointer."""

    exit_code: ClassVar[int] = 2

    def __init__(self, message: str, *, where: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.where = where

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message

    def __reduce__(self) -> tuple[object, ...]:
        # Keeps `where` when the error crosses a process boundary (validation of large specs).
        return (type(self), (self.message,), {"message": self.message, "where": self.where})


class SpecError(GeneratorError):
    """Bad input: an unreadable file, a syntax error, an invalid spec or an unresolvable `$ref`."""

    exit_code = 2


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a spec, located: `file:line, pointer` (no line when the file has none)."""

    severity: Literal["error", "warning"]
    message: str
    pointer: str  # a JSON pointer into the bundled document, "#/paths/~1pets/get"
    file: str
    line: int | None = None

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}, {self.pointer}" if self.line else f"{self.file}, {self.pointer}"

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


class SpecProblems(SpecError):
    """Validation found problems that stop the run: errors, or (with `--strict`) any problem at all.

    `str()` is one `WHERE: WHAT` line per problem, joined so that the CLI's `sdkgen: error: ` prefix
    starts every line (`sdkgen: warning: ` for warnings that are not fatal), and a total last.
    """

    def __init__(self, problems: Iterable[Problem], *, strict: bool = False) -> None:
        self.problems = tuple(problems)
        self.strict = strict
        errors = sum(p.severity == "error" for p in self.problems)
        warnings = len(self.problems) - errors
        counts = [f"{n} {word}{'s' if n != 1 else ''}" for n, word in ((errors, "error"), (warnings, "warning")) if n]
        summary = f"invalid OpenAPI spec: {', '.join(counts) or 'no problems'}"
        if strict and warnings:
            summary += " (--strict: warnings are fatal)"
        super().__init__(summary, where=self.problems[0].file if self.problems else "")

    def __str__(self) -> str:
        # The CLI prints "sdkgen: error: " before the first line: errors come first, then the
        # warnings (errors too, with --strict), then the total.
        errors = [p for p in self.problems if p.severity == "error"]
        warnings = [p for p in self.problems if p.severity != "error"]
        lines = [str(p) for p in errors]
        lines += [str(p) if self.strict or not lines else f"\0{p}" for p in warnings]
        text = "\nsdkgen: error: ".join([*lines, super().__str__()])
        return text.replace("sdkgen: error: \0", "sdkgen: warning: ")

    def __reduce__(self) -> tuple[object, ...]:
        return (partial(type(self), strict=self.strict), (self.problems,))


class ConfigError(GeneratorError):
    """An `sdkgen.yaml` that cannot be used: bad YAML, a missing key, a value of the wrong kind."""

    exit_code = 3


class UsageError(GeneratorError):
    """The command line asks for something that cannot be done as asked."""

    exit_code = 4


class OutputError(GeneratorError):
    """The output folder cannot be written: it is not an SDK we generated, or the file system refused."""

    exit_code = 5


class InternalError(GeneratorError):
    """A bug in the generator. The message says what broke; `str()` adds how to report it."""

    exit_code = 70

    def __str__(self) -> str:
        return f"{super().__str__()}\n({REPORT_BUGS})"
