"""The errors translation leaves (tests/quality/translation/): how many each side finds, and how
many with the right fix as its first suggestion, by kind; LanguageTool alone against the checker.

    python bench/translation.py [--split dev|dev2|dev3|heldout] [--languagetool-url URL] [--misses]

A quick look at one split while working on rules; `make alarms` reports every split in
docs/quality.md. An error counts as found when a finding about words (of any severity; not one
about a whole sentence or text) overlaps its fragment, and as fixed when the first suggestion of
such a finding, applied to the article, gives the article with the fragment corrected. The
held-out set and the validation set dev3 are scored only: their misses are never listed
(`--misses` is refused for them), so that nothing is shaped on them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.alarms import SCORED_ONLY, TRANSLATION_SPLITS, Side, tally_translation, translation_table
from checker.engine import open_engine
from checker.house import load_profile


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=list(TRANSLATION_SPLITS), default="dev")
    parser.add_argument("--languagetool-url", default=None)
    parser.add_argument(
        "--misses", action="store_true", help="list what the checker misses or fixes wrongly (development sets only)"
    )
    args = parser.parse_args()
    if args.misses and args.split in SCORED_ONLY:
        parser.error(f"the {args.split} set is scored only; its misses are not listed")
    sides = [Side("LanguageTool", None), Side("checker", load_profile())]
    with open_engine(args.languagetool_url) as engine:
        tally = tally_translation(args.split, sides, engine, misses=args.misses)
    print(translation_table(tally, sides))
    if tally.missed:
        print("\n" + "\n".join(tally.missed))


if __name__ == "__main__":
    main()
