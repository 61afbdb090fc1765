"""`gunicorn wsgi:app` from a checkout: the web app of checker.web.wsgi. Not part of the installed
package; `wirecheck serve` runs gunicorn with its settings (checker.web.gunicorn_config)."""

from checker.web.wsgi import app

__all__ = ["app"]
