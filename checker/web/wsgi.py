"""The WSGI entry point for gunicorn (see checker.web.gunicorn_config): `checker.web.wsgi:app`."""

from checker.web import create_app

app = create_app()
