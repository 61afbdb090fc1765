"""The progress bar: drawn on a terminal only."""

from __future__ import annotations

import io

from checker.cli.progress import Progress


def test_progress_is_drawn_only_on_a_terminal() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal, log = Terminal(), io.StringIO()
    for stream in (terminal, log):
        progress = Progress(3, stream)
        for _ in range(3):
            progress.advance()
        progress.close()
    assert "3/3 files" in terminal.getvalue() and terminal.getvalue().endswith("\r\x1b[2K")
    assert log.getvalue() == ""
