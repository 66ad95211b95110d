"""Measuring extraction against gold: pure scorers over interchange records.

Formats: TruceWatch gold JSON (seed.gold.json), CASE 2021 sub-type TSV, FA-KES CSV and
ACLED-format CSV. The extractor is passed in as a function (`RecordFn`); this package never
imports the pipeline.
"""

from trucewatch.evaluate.datasets import (
    CASE2021_TO_ACLED,
    fakes_actor,
    governorate,
    main_event,
    score_acled,
    score_case2021,
    score_fakes,
)
from trucewatch.evaluate.gold import SCORER_VERSION, Tally, fold, score_case
from trucewatch.evaluate.runner import (
    RecordFn,
    detect_format,
    leading_published,
    run_file,
    run_gold_file,
)

__all__ = [
    "CASE2021_TO_ACLED",
    "SCORER_VERSION",
    "RecordFn",
    "Tally",
    "detect_format",
    "fakes_actor",
    "fold",
    "governorate",
    "leading_published",
    "main_event",
    "run_file",
    "run_gold_file",
    "score_acled",
    "score_case",
    "score_case2021",
    "score_fakes",
]
