"""German text-quality checks for news-agency wire copy, on top of LanguageTool.

Layers, lowest first: errors, options, records, text, formats, languagetool, engine, learned,
house, pipeline, filters, outputs, web, cli; each imports only those below it (`make lint`).

from checker import CheckOptions, check
from checker.engine import open_engine

with open_engine() as engine:
    report = check(text, CheckOptions(language="de-DE"), engine=engine)
"""

from checker.options import CheckOptions
from checker.pipeline import check
from checker.records import Category, Issue, Report, TextStats

__all__ = ["Category", "CheckOptions", "Issue", "Report", "TextStats", "check"]
