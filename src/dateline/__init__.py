"""dateline: turn news into event data with sentence-level provenance."""

from dateline.model import Analysis, Article, Block, Caption, Document
from dateline.options import Options
from dateline.pipeline import analyze

__all__ = ["Analysis", "Article", "Block", "Caption", "Document", "Options", "analyze"]
__version__ = "0.1.0"
