"""A verdict: what one agreement says about one event (or incident), with its reasons."""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict

VerdictKind = Literal[
    "violation",
    "exempt",
    "contested",
    "before-effect",
    "after-end",
    "not-covered",
    "insufficient-evidence",
]
VERDICT_KINDS: tuple[str, ...] = get_args(VerdictKind)


class Verdict(BaseModel):
    """`event` indexes the report's events; `incident` is set when lifted to an incident."""

    model_config = ConfigDict(frozen=True)

    agreement: str
    verdict: VerdictKind
    reasons: tuple[str, ...]
    rule: str  # the rule that decided it, e.g. "time.before-effect", "exemption.designation"
    evidence: tuple[str, ...] = ()
    views: dict[str, str] = {}  # only for contested: holder -> "exempt" | "violation"
    alleged: bool = False  # the event is only alleged, so at most an alleged violation
    event: int | None = None
    incident: str | None = None
    party: str | None = None  # the acting party the verdict is charged to, if any


__all__ = ["VERDICT_KINDS", "Verdict", "VerdictKind"]
