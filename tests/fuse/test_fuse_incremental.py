"""Incremental runs keep ids; analysts' merges and splits persist across re-runs."""

from __future__ import annotations

import pytest

from trucewatch.fuse import fuse_events, split_id
from trucewatch.model import Decision, EventKey


def _k(s: str) -> EventKey:
    article, index = s.rsplit(":", 1)
    return EventKey(article_id=article, index=int(index))


def _fuse(rs, reports, **kw):
    return fuse_events(
        reports, quotes=rs.quotes, designations=rs.designations, parents=rs.parents, **kw
    )


def _holding(incidents, key: str):
    return next(i for i in incidents if any(str(m.key) == key for m in i.members))


@pytest.mark.parametrize("pass_all", [True, False], ids=["whole-period", "new-batch-only"])
def test_a_late_report_joins_its_incident_and_keeps_the_id(gondor, pass_all):
    before = _fuse(gondor, gondor.reports)
    batch = [*gondor.reports, *gondor.late] if pass_all else list(gondor.late)
    after = _fuse(gondor, batch, previous=before)
    assert {i.id for i in after} == {i.id for i in before}
    old = _holding(before, "reuters-osg:0")
    new = _holding(after, "lossarnach-osg:0")
    assert new.id == old.id
    assert len(new.members) == len(old.members) + 1
    assert new.fatalities.max == 21 and new.fatalities.best == 12
    assert 18 in {v.value for v in new.fatalities.values}
    assert len(new.sources) == len(old.sources) + 1
    assert new.grade == "confirmed"
    assert {c.stance for c in new.claims} >= {"claim", "accuse", "designate"}


def test_rerun_with_previous_is_a_fixed_point(gondor):
    first = _fuse(gondor, gondor.reports)
    again = _fuse(gondor, gondor.reports, previous=first)
    assert [i.model_dump() for i in again] == [i.model_dump() for i in first]


def test_merge_keeps_the_smallest_id_and_persists(gondor):
    before = _fuse(gondor, gondor.reports)
    a, b = _holding(before, "reuters-osg:0").id, _holding(before, "reuters-osg2:0").id
    merge = Decision(kind="merge", incident_ids=(a, b), note="same campaign")
    once = _fuse(gondor, gondor.reports, decisions=[merge])
    merged = _holding(once, "reuters-osg2:0")
    assert merged.id == min(a, b)
    assert _holding(once, "reuters-osg:0").id == merged.id
    assert len(once) == len(before) - 1
    moved_key = "reuters-osg:0" if merged.id == b else "reuters-osg2:0"
    moved = next(m for m in merged.members if str(m.key) == moved_key)
    assert f"merged into '{merged.id}'" in moved.reason
    assert "analyst decision (same campaign)" in moved.reason
    for previous in ((), once):  # replayed from scratch, and on top of its own output
        rerun = _fuse(gondor, gondor.reports, decisions=[merge], previous=previous)
        assert [i.model_dump() for i in rerun] == [i.model_dump() for i in once]


def test_split_moves_keys_to_a_stable_new_incident_and_persists(gondor):
    keys = (_k("obs-osg:0"),)
    split = Decision(kind="split", keys=keys, note="a separate attack")
    before = _fuse(gondor, gondor.reports)
    origin = _holding(before, "obs-osg:0").id
    once = _fuse(gondor, gondor.reports, decisions=[split])
    alone = _holding(once, "obs-osg:0")
    assert alone.id == split_id(keys)
    assert [str(m.key) for m in alone.members] == ["obs-osg:0"]
    assert f"split from '{origin}'" in alone.members[0].reason
    assert _holding(once, "reuters-osg:0").id == origin
    for previous in ((), once):
        rerun = _fuse(gondor, [*gondor.reports], decisions=[split], previous=previous)
        assert [i.model_dump() for i in rerun] == [i.model_dump() for i in once]


def test_decisions_replay_in_creation_order(gondor):
    before = _fuse(gondor, gondor.reports)
    a = _holding(before, "reuters-osg:0").id
    b = _holding(before, "reuters-osg2:0").id
    c = _holding(before, "afp-cair:0").id
    merges = [
        Decision(kind="merge", incident_ids=(a, b)),
        Decision(kind="merge", incident_ids=(max(a, b), c)),  # names an id already merged away
    ]
    after = _fuse(gondor, gondor.reports, decisions=merges)
    keys = ("reuters-osg:0", "reuters-osg2:0", "afp-cair:0")
    assert len({_holding(after, k).id for k in keys}) == 1
