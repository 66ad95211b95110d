"""Wire credits in their many printed shapes, and datelines that do or do not date a report."""

from __future__ import annotations

from datetime import date

import pytest

from trucewatch.extract import dateline_date, find_credits
from trucewatch.extract.credits import is_credit_line


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("With reporting by Reuters, AP, and AFP", ("Reuters", "AP", "AFP")),
        ("With additional reporting by Agence France-Presse and dpa", ("AFP", "dpa")),
        ("Compiled from reports by the Associated Press and Xinhua", ("AP", "Xinhua")),
        ("BEIRUT (Reuters) - Shelling resumed near the airport.", ("Reuters",)),
        ("DAMASCUS, Feb 27 (AP) — The guns fell silent at midnight.", ("AP",)),
        ("KYIV, Ukraine, March 3 (Ukrinform) -- Talks resumed.", ("Ukrinform",)),
        ("(AFP)", ("AFP",)),
        ("— Agence France-Presse", ("AFP",)),
        ("Source: Interfax, TASS", ("Interfax", "TASS")),
        ("The Associated Press contributed to this report.", ("AP",)),
        ("Talks resumed on Monday in the capital. AFP contributed to this report.", ("AFP",)),
        ("ANKARA (Anadolu Agency) - The ministry said.", ("Anadolu",)),
        ("SEOUL, May 2 (Yonhap) -- Officials met.", ("Yonhap",)),
        # datelines filed from several cities
        ("TARN/WELLMOUTH, June 7 (Reuters) - Ferries crossed.", ("Reuters",)),
        ("KARSTA/ORRIN (AFP) — Envoys met.", ("AFP",)),
        ("ORRIN, June 26 (Reuters) — The talks ended.", ("Reuters",)),
        ("TARN/WELLMOUTH, June 7, 2023 (AP) -- Ferries crossed.", ("AP",)),
        ("Material from RIA Novosti and IRNA was used.", ("RIA Novosti", "IRNA")),
        # not credits: agencies named as news actors, or people in parentheses
        ("Reuters reported that the convoy was stopped at the checkpoint.", ()),
        ("The minister (pictured) told AP the truce would hold.", ()),
        ("GENEVA (Our correspondent) - Talks stalled.", ()),
    ],
)
def test_credits_in_paragraph(paragraph: str, expected: tuple[str, ...]) -> None:
    assert find_credits([paragraph]) == expected


def test_credits_are_deduplicated_in_order() -> None:
    paragraphs = ["BEIRUT (AFP) - A story.", "With reporting by Reuters and Agence France-Presse"]
    assert find_credits(paragraphs) == ("AFP", "Reuters")


@pytest.mark.parametrize(
    ("line", "is_credit"),
    [
        ("With reporting by Reuters, AP, and AFP", True),
        ("Reporting by Jan Novak in Brno; Editing by Eva Lind", True),
        ("(Reporting from the Tarn bureau; additional reporting by the lake desk)", True),
        ("TARN/WELLMOUTH, June 7 (Reuters) - Ferries crossed the lake.", False),
        ("BEIRUT (Reuters) - Shelling resumed near the airport.", False),  # a dateline opens
        (
            " ".join(["Fighting resumed near the river crossing on Sunday."] * 8)
            + " Reuters contributed to this report.",
            False,
        ),  # story text with a closing credit
        ("The convoy reached the city on Tuesday.", False),
    ],
)
def test_credit_line_detection(line: str, is_credit: bool) -> None:
    assert is_credit_line(line) is is_credit


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("DAMASCUS, Feb. 27, 2016 (Reuters) - The truce began.", date(2016, 2, 27)),
        ("BEIRUT, Lebanon, February 12, 2016 — Strikes continued.", date(2016, 2, 12)),
        ("ODESA, 14 July 2023 (AFP) - Port cranes were hit.", date(2023, 7, 14)),
        ("KARSTA, Sept. 5, 2021 - A convoy arrived.", date(2021, 9, 5)),
        ("TARN/WELLMOUTH, June 7, 2023 - Ferries crossed.", date(2023, 6, 7)),
        ("TARN/WELLMOUTH, June 7 (Reuters) - Ferries crossed.", None),
        # a dateline without a year gives no date; nor does a date inside the story
        ("DAMASCUS, Feb 27 (AP) — The guns fell silent.", None),
        ("The truce of February 27, 2016 was broken within hours.", None),
        ("ALEPPO, Feb. 30, 2016 (Reuters) - Impossible day.", None),
    ],
)
def test_dateline_date(paragraph: str, expected: date | None) -> None:
    assert dateline_date(paragraph) == expected
