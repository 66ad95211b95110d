"""ACLED's sides of a protest event: who demonstrated and who intervened.

Split out of events.py (which is near its size limit) with one change for issue #4: people
named as victims in a protest sentence ("protesters who demanded wages for dock workers")
are the crowd itself, so they no longer block the intervening force from being actor2.
"""

from __future__ import annotations

import datetime as dt

from trucewatch.model.event import ActorRef
from trucewatch.nlp.context import ArticleContext

CROWDS_VERSION = "trucewatch.nlp.crowds.v2"  # v2: a peaceful protest is the crowd's


def _crowd(ref: ActorRef | None) -> bool:
    return ref is None or ref.id is None or ref.kind in {"civilians", "protesters"}


def protest_sides(
    sub: str,
    actor1: ActorRef | None,
    actor2: ActorRef | None,
    ctx: ArticleContext,
    on: dt.date | None,
) -> tuple[ActorRef | None, ActorRef | None]:
    """ACLED's protest coding: the demonstrators are actor1 (an unnamed crowd is the
    generic Protesters class), nobody is their victim; under excessive force the force is
    actor1 and the protesters actor2."""
    protesters = ctx.actor("protesters", on, "demonstrators (ACLED codes the crowd)")
    excessive = sub == "Excessive force against protesters"
    if not excessive and actor2 is not None and actor2.kind == "civilians":
        actor2 = None  # civilians named at a protest are its crowd, not its victims
    if sub == "Protest with intervention" and not _crowd(actor1) and actor2 is None:
        # "police fired tear gas to clear protesters": the crowd acts, the force intervenes
        return (protesters if protesters.id is not None else None), actor1
    if protesters.id is None:
        return actor1, actor2
    if excessive:
        if actor2 is None or _crowd(actor2):
            actor2 = protesters
        return actor1, actor2
    if _crowd(actor1) or sub == "Peaceful protest":
        # ACLED: a peaceful protest's actor is always the crowd; an armed group named in
        # the sentence ("protests against Nusra", "a flag Nusra rejects") is not marching
        actor1 = protesters
    return actor1, actor2


__all__ = ["CROWDS_VERSION", "protest_sides"]
