"""Assessment: Incident x Agreement -> Verdict, with rules, reasons and evidence.

Agreements are YAML files (shipped ones live in `agreements/`); `load_agreement` validates
them with file:line errors, and `assess_event` / `assess_incident` decide verdicts. The
knowledge base is passed in (the `KnowledgeBase` protocol), never imported.
"""

from trucewatch.assess.loader import (
    list_agreements,
    load_agreement,
    parse_agreement,
    shipped_ids,
    template_text,
)
from trucewatch.assess.rules import RULESET, assess_event, assess_incident
from trucewatch.assess.summary import iso_week, summarise
from trucewatch.assess.timing import periods, status

__all__ = [
    "RULESET",
    "assess_event",
    "assess_incident",
    "iso_week",
    "list_agreements",
    "load_agreement",
    "parse_agreement",
    "periods",
    "shipped_ids",
    "status",
    "summarise",
    "template_text",
]
