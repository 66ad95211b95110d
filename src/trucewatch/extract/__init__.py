"""Extract: Document -> Article | Skipped (boilerplate removed, credits and date found)."""

from trucewatch.extract.article import EXTRACTOR_VERSION, extract_article
from trucewatch.extract.boilerplate import clean_paragraphs, split_paragraphs
from trucewatch.extract.credits import AGENCIES, find_credits
from trucewatch.extract.dates import dateline_date, header_date

__all__ = [
    "AGENCIES",
    "EXTRACTOR_VERSION",
    "clean_paragraphs",
    "dateline_date",
    "extract_article",
    "find_credits",
    "header_date",
    "split_paragraphs",
]
