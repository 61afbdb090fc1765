"""Where the checker's own time goes: pyinstrument over checks of the example article and the
20,000-character article with the default profile, LanguageTool's answers replayed (asked once),
so that only our share shows.

    python bench/profile.py [--rounds N] [--html FILE]      (make profile)

Uses $LANGUAGETOOL_URL if set, else starts a LanguageTool server of its own for the recording.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pyinstrument import Profiler  # noqa: E402

from bench import workloads  # noqa: E402
from bench.run import Replay  # noqa: E402
from checker.engine import open_engine  # noqa: E402
from checker.house import load_profile  # noqa: E402
from checker.options import CheckOptions  # noqa: E402
from checker.pipeline import check  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=20, help="checks of each text under the profiler")
    parser.add_argument("--html", type=Path, default=None, help="also write pyinstrument's HTML report here")
    args = parser.parse_args()
    profile = load_profile()
    texts = [workloads.example_article().text, workloads.long_article().text]
    with open_engine() as engine:
        replay = Replay(engine)
        for text in texts:  # record LanguageTool's answers, and warm every cache of our own
            check(text, CheckOptions(), engine=replay, profile=profile)
        profiler = Profiler(interval=0.0005)
        profiler.start()
        for _ in range(args.rounds):
            for text in texts:
                check(text, CheckOptions(), engine=replay, profile=profile)
        profiler.stop()
    print(profiler.output_text(unicode=True, color=False, show_all=False))
    if args.html is not None:
        args.html.write_text(profiler.output_html(), encoding="utf-8")
        print(f"wrote {args.html}")


if __name__ == "__main__":
    main()
