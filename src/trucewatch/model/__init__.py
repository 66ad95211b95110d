"""The nouns of TruceWatch: frozen, typed, no I/O, no NLP imports."""

from trucewatch.model.document import (
    Article,
    Document,
    RunReport,
    Skipped,
    article_id,
    normalise_text,
)
from trucewatch.model.event import (
    ACLED_TYPES,
    SUB_TO_TYPE,
    ActorRef,
    Affiliation,
    Designation,
    EventReport,
    PlaceRef,
    Quote,
    Reading,
)
from trucewatch.model.kb import (
    Actor,
    ActorMatch,
    ActorName,
    DesignationEntry,
    KnowledgeBase,
    Place,
    PlaceMatch,
    Unresolved,
)

__all__ = [
    "ACLED_TYPES",
    "SUB_TO_TYPE",
    "Actor",
    "ActorMatch",
    "ActorName",
    "ActorRef",
    "Affiliation",
    "Article",
    "Designation",
    "DesignationEntry",
    "Document",
    "EventReport",
    "KnowledgeBase",
    "Place",
    "PlaceMatch",
    "PlaceRef",
    "Quote",
    "Reading",
    "RunReport",
    "Skipped",
    "Unresolved",
    "article_id",
    "normalise_text",
]
