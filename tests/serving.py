"""The web app on a real socket (127.0.0.1, a free port) in a thread, for clients that need one:
the browser, LanguageTool's clients, raw HTTP."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator

from flask import Flask
from werkzeug.serving import make_server


@contextlib.contextmanager
def serving(app: Flask) -> Iterator[str]:
    """The app's base URL while the block runs."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="wirecheck-test-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)
