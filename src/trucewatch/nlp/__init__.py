"""Reading articles: events, quotes and designations (Article -> Reading).

    reader = load_reader(kb)            # loads spaCy once; kb may be None
    reading = reader.read(article)
    for reading in reader.read_many(articles, n_process=2): ...

Only `trucewatch.model`, `trucewatch.config` and `trucewatch.errors` are imported here; the
knowledge base arrives as an object that follows `model.kb.KnowledgeBase`.
"""

from trucewatch.nlp.certainty import CERTAINTY_VERSION
from trucewatch.nlp.dates import DATES_VERSION, leading_date, resolve_date
from trucewatch.nlp.designations import DESIGNATIONS_VERSION
from trucewatch.nlp.events import EVENTS_VERSION
from trucewatch.nlp.lexicon import TRIGGERS_VERSION
from trucewatch.nlp.numbers import NUMBERS_VERSION, Casualties, read_casualties
from trucewatch.nlp.quotes import QUOTES_VERSION
from trucewatch.nlp.reader import INSTALL_HINT, READER_VERSION, Reader, load_reader

# Which rule set produced a record: stored beside results so old ones stay explainable.
EXTRACTORS: dict[str, str] = {
    "reader": READER_VERSION,
    "events": EVENTS_VERSION,
    "triggers": TRIGGERS_VERSION,
    "dates": DATES_VERSION,
    "numbers": NUMBERS_VERSION,
    "certainty": CERTAINTY_VERSION,
    "quotes": QUOTES_VERSION,
    "designations": DESIGNATIONS_VERSION,
}

__all__ = [
    "EXTRACTORS",
    "INSTALL_HINT",
    "Casualties",
    "Reader",
    "leading_date",
    "load_reader",
    "read_casualties",
    "resolve_date",
]
