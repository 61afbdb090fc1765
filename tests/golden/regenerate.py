"""Writes each case's expected findings from the real engine: python tests/golden/regenerate.py

Run it only after a deliberate change (a new LanguageTool version, a new case), then read the
diff of the .expected.json files before committing them.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from checker.core import check
from checker.engine import open_engine
from tests.test_core import summary

HERE = Path(__file__).resolve().parent

if __name__ == "__main__":
    with open_engine() as engine:
        for case in sorted(HERE.glob("*.txt")):
            findings = summary(check(case.read_bytes().decode("utf-8"), engine=engine))
            expected = case.with_suffix(".expected.json")
            expected.write_text(json.dumps(findings, ensure_ascii=False, indent=1) + "\n", "utf-8")
            print(f"wrote {expected.name}")
