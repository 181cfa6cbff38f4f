"""A problem found in an editor's file, reported as file:line:column plus field path and a hint."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    file: str
    line: int  # 1-based; 0 when the problem concerns the whole file
    column: int  # 1-based; 0 when only the line is known (a PO file entry)
    field: str  # dotted path such as "projects[2].budget.total"; "" for file-level problems
    message: str
    hint: str = ""
    record: str = ""  # the slug of the project the problem is in, when known

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" + (f":{self.column}" if self.column else "") if self.line else self.file
        record = f" (project {self.record!r})" if self.record else ""
        field = f" {self.field}{record}:" if self.field else ""
        hint = f"\n    hint: {self.hint}" if self.hint else ""
        return f"{where}:{field} {self.message}{hint}"


class DataError(Exception):
    """Raised with every problem of a run, so editors can fix them all in one go."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line, p.column, p.field))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [f"{count} {noun} found:"]
        lines += [f"  {problem}" for problem in self.problems]
        return "\n".join(lines)
