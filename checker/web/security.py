"""Response headers that keep the page to its own scripts and styles."""

from __future__ import annotations

from flask import Flask, Response, request

# No inline script or style: everything comes from /static. The JSON data block in the
# result page is not executed, so it needs no exception.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


def init_app(app: Flask) -> None:
    @app.after_request
    def _security_headers(response: Response) -> Response:
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Frame-Options", "DENY")
        if request.endpoint != "static":
            # Pages and answers hold unpublished drafts: keep them out of every cache.
            response.headers.setdefault("Cache-Control", "no-store")
        return response
