"""German text-quality checks for news-agency wire copy, on top of LanguageTool."""

from checker.core import check
from checker.issue import Category, Issue, Report

__all__ = ["Category", "Issue", "Report", "check"]
