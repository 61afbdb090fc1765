"""The errors translation leaves (tests/quality/translation/): how many each side finds, and how
many with the right fix as its first suggestion, by kind; LanguageTool alone against the checker.

    python bench/translation.py [--split dev|heldout] [--languagetool-url URL] [--misses]
    python bench/translation.py --output docs/translation.md     (both splits, as a report)

An error counts as found when a finding (of any severity) overlaps its fragment, and as fixed
when the first suggestion of such a finding, applied to the article, gives the article with the
fragment corrected. The held-out set is scored only: its misses are never listed (`--misses` is
refused for it), so that nothing is shaped on it.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.alarms import Side, articles, overlaps, planted_errors, table
from checker.engine import open_engine
from checker.house import load_profile
from checker.languagetool import Engine
from checker.records import Issue

TRANSLATION = Path(__file__).resolve().parents[1] / "tests" / "quality" / "translation"
SPLIT_NAMES = {"heldout": "Held-out set (scored only)", "dev": "Development set (the rules were shaped on it)"}
REPORT_HEAD = """# Errors translation leaves

Written by `python bench/translation.py --output docs/translation.md`. Two sets of agency-style
articles with translation errors (tests/quality/translation/, each with its README), written by
two writers independently of each other and of the rules, before the rules existed. The rules of
`checker/languagetool/rule_files` were shaped on the development set; the held-out set is scored
only, never read. An error counts as found when a finding of any severity overlaps it, and as
fixed when the first suggestion of such a finding gives the corrected article.
LanguageTool alone: no house profile (our rules switched off); the checker: the default profile.

"""


def fixes(issue: Issue, text: str, start: int, end: int, correction: str) -> bool:
    """Whether `issue`'s first suggestion turns `text` into `text` with [start, end) corrected."""
    if not issue.replacements:
        return False
    fixed = text[: issue.offset] + issue.replacements[0] + text[issue.offset + issue.length :]
    return fixed == text[:start] + correction + text[end:]


def score(split: str, sides: Sequence[Side], engine: Engine, *, misses: bool) -> str:
    found: dict[str, Counter[str]] = {side.name: Counter() for side in sides}
    fixed: dict[str, Counter[str]] = {side.name: Counter() for side in sides}
    total: Counter[str] = Counter()
    missed: list[str] = []
    for path in articles(TRANSLATION / split):
        text = path.read_text(encoding="utf-8")
        errors = planted_errors(path, text)
        total.update(error.kind for error in errors)
        for side in sides:
            issues = side.check(text, engine).issues
            for error in errors:
                near = [issue for issue in issues if overlaps(issue, error)]
                if near:
                    found[side.name][error.kind] += 1
                if any(fixes(issue, text, error.start, error.end, error.correction) for issue in near):
                    fixed[side.name][error.kind] += 1
                elif misses and side is sides[-1]:
                    shown = "; ".join(f"{i.rule} {i.replacements[:2]}" for i in near) or "nothing"
                    missed.append(f"{path.name}: {error.kind}: {error.fragment!r} -> {error.correction!r}: {shown}")
    rows = [
        [kind, total[kind], *(f"{found[s.name][kind]} / {fixed[s.name][kind]}" for s in sides)]
        for kind in sorted(total)
    ]
    rows.append(
        ["all", sum(total.values()), *(f"{sum(found[s.name].values())} / {sum(fixed[s.name].values())}" for s in sides)]
    )
    headers = ["kind", "errors", *(f"{side.name}: found / right fix" for side in sides)]
    return table(headers, rows) + ("\n\n" + "\n".join(missed) if missed else "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "heldout"], default="dev")
    parser.add_argument("--languagetool-url", default=None)
    parser.add_argument("--misses", action="store_true", help="list what the checker misses or fixes wrongly (dev)")
    parser.add_argument("--output", type=Path, default=None, help="write both splits as a Markdown report")
    args = parser.parse_args()
    if args.misses and args.split != "dev":
        parser.error("the held-out set is scored only; its misses are not listed")
    sides = [Side("LanguageTool", None), Side("checker", load_profile())]
    with open_engine(args.languagetool_url) as engine:
        if args.output is None:
            print(score(args.split, sides, engine, misses=args.misses))
            return
        sections = [f"## {SPLIT_NAMES[split]}\n\n{score(split, sides, engine, misses=False)}" for split in SPLIT_NAMES]
    args.output.write_text(REPORT_HEAD + "\n\n".join(sections) + "\n", encoding="utf-8")
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
