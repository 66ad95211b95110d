"""Round 9 (FA-KES dev, dates and places): a page's date line yields to a day and month the
sentence writes out; "two days ago" is two days back; of one family's triggers, the one in
an "after"/"before" clause leads last; gazetteer rows for towns the resolver confused.
Fictional sentences (places: the fictional knowledge base; gazetteer: public facts)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from trucewatch.nlp.dates import resolve_date

PUBLISHED = dt.date(2025, 4, 2)  # a Wednesday


def test_a_page_date_line_yields_to_the_day_and_month_the_sentence_writes_out() -> None:
    text = (
        "Posted on April 2 2025 by Jane Roe Medics accused the Host of bombing a clinic "
        "near Osgiliath on March 25."
    )
    assert resolve_date(text, PUBLISHED) == (dt.date(2025, 3, 25), "day")


def test_a_page_date_line_still_dates_a_sentence_with_no_written_day() -> None:
    # a weekday or a date with its year beside the date line may be the line's own, or a
    # photo caption's: the date line stands
    weekday = "Published April 2 2025 Rebels shelled the market on Tuesday, the council said."
    assert resolve_date(weekday, PUBLISHED) == (PUBLISHED, "day")
    caption = (
        "Published April 2 2025 A man walks past rubble in Pelargir March 6 2025 (Photo) "
        "Ten people were killed."
    )
    assert resolve_date(caption, PUBLISHED) == (PUBLISHED, "day")


def test_a_counted_number_of_days_ago_is_that_day() -> None:
    text = "The truce in Pelargir broke down two days ago when the two sides clashed."
    assert resolve_date(text, PUBLISHED) == (dt.date(2025, 3, 31), "day")
    # "days ago" alone stays a week back, at week precision
    assert resolve_date("Fighting flared days ago.", PUBLISHED) == (dt.date(2025, 3, 26), "week")


def test_the_main_clause_event_leads_over_one_in_an_after_clause(read: Any) -> None:
    reading = read(
        "Rebels shelled the market in Pelargir a day after air strikes killed 22 people "
        "in Osgiliath."
    )
    violent = [e for e in reading.events if e.event_type != "Strategic developments"]
    assert violent[0].sub_event_type == "Shelling/artillery/missile attack"
    assert violent[0].location is not None and violent[0].location.name == "Pelargir"


def test_a_car_bomb_in_a_before_clause_does_not_replace_the_shooting(read: Any) -> None:
    reading = read(
        "Gunmen opened fire on a bus in Pelargir a day after a car bomb killed 12 people "
        "in Osgiliath."
    )
    assert reading.events[0].sub_event_type == "Attack"
    assert reading.events[0].location is not None
    assert reading.events[0].location.name == "Pelargir"


def test_gazetteer_knows_adra_apart_from_daraa_and_al_quriyah_on_the_euphrates() -> None:
    from trucewatch.resolve import load_kb

    kb = load_kb(None)
    adra = kb.resolve_place("Adra", context={"country": "SY"})
    assert getattr(adra, "place", None) is not None
    assert adra.place.admin1 == "Rif-dimashq Governorate"  # type: ignore[union-attr]
    quriyah = kb.resolve_place("Al Quriyah", context={"country": "SY"})
    assert quriyah.place.admin1 == "Deir ez-Zor Governorate"  # type: ignore[union-attr]
    field = kb.resolve_place("Shaar gas field", context={"country": "SY"})
    assert field.place.admin1 == "Homs Governorate"  # type: ignore[union-attr]
