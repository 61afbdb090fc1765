"""One concept, one home, one name: no public class or constant is defined in two modules of
checker/ (importing a name from its home, as a package's __init__ does, defines nothing)."""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import checker

PACKAGE = Path(checker.__file__).resolve().parent
# UPPER_CASE constants and CapWords classes and type aliases; a leading underscore keeps a name
# to its module, so it is left out.
_PUBLIC = re.compile(r"[A-Z][A-Za-z0-9_]*")


def _targets(target: ast.expr) -> Iterator[str]:
    if isinstance(target, ast.Name):
        yield target.id
    elif isinstance(target, ast.Tuple | ast.List):
        for element in target.elts:
            yield from _targets(element)


def _defined(statements: list[ast.stmt]) -> Iterator[str]:
    """Names a module defines at its top level, in branches (`if`, `try`) included."""
    for statement in statements:
        if isinstance(statement, ast.ClassDef):
            yield statement.name
        elif isinstance(statement, ast.Assign):
            for target in statement.targets:
                yield from _targets(target)
        elif isinstance(statement, ast.AnnAssign):
            yield from _targets(statement.target)
        elif isinstance(statement, ast.If | ast.Try):
            branches = [statement.body, statement.orelse]
            if isinstance(statement, ast.Try):
                branches += [statement.finalbody, *(handler.body for handler in statement.handlers)]
            for branch in branches:
                yield from _defined(branch)


def definitions() -> dict[str, set[str]]:
    """Each public class or constant name of checker/ with the modules that define it."""
    homes: dict[str, set[str]] = defaultdict(set)
    for path in sorted(PACKAGE.rglob("*.py")):
        module = path.relative_to(PACKAGE.parent).with_suffix("").as_posix().replace("/", ".").removesuffix(".__init__")
        for name in _defined(ast.parse(path.read_text(encoding="utf-8")).body):
            if _PUBLIC.fullmatch(name):
                homes[name].add(module)
    return homes


def test_the_walk_finds_the_package_definitions() -> None:
    homes = definitions()
    assert homes["Issue"] == {"checker.records"}
    assert homes["Utf16Map"] == {"checker.text.offsets"}
    assert "checker.records" in homes["SEVERITIES"]


def test_every_public_name_is_defined_in_one_module() -> None:
    twice = {name: sorted(modules) for name, modules in definitions().items() if len(modules) > 1}
    assert twice == {}
