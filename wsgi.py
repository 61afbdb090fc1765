"""The WSGI entry point for gunicorn (see gunicorn.conf.py): `wsgi:app`."""

from checker.web import create_app

app = create_app()
