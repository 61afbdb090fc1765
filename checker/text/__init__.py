"""Text arithmetic every layer shares: offsets (UTF-16 units, lines and columns), sentences and
paragraphs, datelines, language tags, input limits and readability figures.

`text/` imports nothing but `records`, `options` and `errors`.
"""
