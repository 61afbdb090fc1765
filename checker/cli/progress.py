"""A progress bar on stderr while many files are checked, drawn only when stderr is a terminal
(never in CI logs) and wiped when the check is done."""

from __future__ import annotations

import sys
import threading
from typing import TextIO

_WIDTH = 30


class Progress:
    def __init__(self, total: int, stream: TextIO | None = None) -> None:
        self._stream = stream or sys.stderr
        self._total = total
        self._done = 0
        self._lock = threading.Lock()
        self.shown = total > 1 and self._stream.isatty()

    def advance(self) -> None:
        with self._lock:
            self._done += 1
            if self.shown:
                filled = _WIDTH * self._done // self._total
                bar = "#" * filled + "." * (_WIDTH - filled)
                self._stream.write(f"\rchecking [{bar}] {self._done}/{self._total} files")
                self._stream.flush()

    def close(self) -> None:
        if self.shown:
            self._stream.write("\r\x1b[2K")
            self._stream.flush()
