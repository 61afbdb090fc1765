"""The editors' web app and JSON API: `create_app()` builds the Flask application.

`web/` imports nothing from `cli`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from flask import Flask

from checker.web import access, api, error_handlers, languagetool_api, names_api, names_page, resources, security, views
from checker.web.check_request import FORMAT_NAMES, LANGUAGE_NAMES, MARKUP_FORMATS, german_number
from checker.web.settings import defaults, from_environment


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    """The app; raises InputError (with the file's path and line) when its house profile is bad."""
    app = Flask(__name__)  # templates/ and static/ inside this package
    app.config.from_mapping(defaults())
    app.config.from_mapping(from_environment(os.environ))
    if test_config is not None:
        app.config.from_mapping(test_config)
    # Werkzeug caps url-encoded forms separately (500 kB by default); one limit for both.
    app.config["MAX_FORM_MEMORY_SIZE"] = app.config["MAX_CONTENT_LENGTH"]

    resources.init_app(app)
    error_handlers.init_app(app)
    security.init_app(app)
    access.init_app(app)

    views.init_app(app)
    app.register_blueprint(api.bp)
    app.register_blueprint(languagetool_api.bp)
    app.register_blueprint(names_api.bp)
    app.register_blueprint(names_page.bp)

    app.add_template_filter(german_number, "number")

    @app.context_processor
    def _page_settings() -> dict[str, Any]:
        return {
            "languages": LANGUAGE_NAMES,
            "formats": FORMAT_NAMES,
            "markup_formats": MARKUP_FORMATS,
            "max_text_length": app.config["MAX_TEXT_LENGTH"],
        }

    return app
