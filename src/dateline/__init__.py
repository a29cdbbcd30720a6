"""dateline: turn news into event data with sentence-level provenance.

import dateline
record = dateline.analyze(html_or_text, url="https://…", published="2024-02-29")
record.to_dict()                      # the analysis record (dateline schema)
with dateline.open("dateline.db") as data:
    data.events(country="UKR").to_pandas()
"""

from dateline.api import Dataset, Rows, open
from dateline.model import Analysis, Article, Block, Caption, Document
from dateline.options import Options
from dateline.pipeline import analyze
from dateline.version import __version__

__all__ = [
    "Analysis",
    "Article",
    "Block",
    "Caption",
    "Dataset",
    "Document",
    "Options",
    "Rows",
    "__version__",
    "analyze",
    "open",
]
