"""The outlet's name comes from its copyright notice when nothing else names it."""

from __future__ import annotations

import pytest

from trucewatch.config import Settings
from trucewatch.extract import extract_article
from trucewatch.extract.outlet import outlet_from_notices
from trucewatch.model import Document

BODY = (
    "Rockets struck the grain market in Pelargir on Tuesday morning, wounding four traders, "
    "the harbour authority said. Stalls were closed for the rest of the day while engineers "
    "checked the roof of the covered hall for damage."
)


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("(c) 2016 Anduin Evening Star. All rights reserved.", "Anduin Evening Star"),
        ("© 2019-2024 The Lamedon Ledger Ltd. Terms | Privacy", "The Lamedon Ledger"),
        ("Copyright 2016 Lossarnach Wire. Reproduction prohibited.", "Lossarnach Wire"),
        ("(c) Ethring Post 2016. All rights reserved.", "Ethring Post"),
        ("The Dol Amroth Courier (c) 2016. All rights reserved.", "The Dol Amroth Courier"),
        ("(c) 2016 Harlond News Inc. Use of this site means you accept the rules.", "Harlond News"),
        ("Menu. (c) 2016 Tolfalas Daily. Content may be quoted.", "Tolfalas Daily"),
    ],
)
def test_copyright_notices_name_the_outlet(line: str, outlet: str) -> None:
    assert outlet_from_notices(["Some body text here.", line]) == outlet


@pytest.mark.parametrize(
    "line",
    [
        "The copyright of the photographs remains with the agency, the editor said.",
        "(c) 2016. All rights reserved.",
        "He wrote in 2016 that the archive was closed.",
        "Copyright infringement claims rose in 2015, the minister said.",
    ],
)
def test_lines_without_a_publisher_name_nothing(line: str) -> None:
    assert outlet_from_notices([line]) is None


def test_the_notice_fills_the_outlet_only_when_nothing_else_does() -> None:
    text = f"Harbour news\n\n{BODY}\n\n(c) 2016 Anduin Evening Star. All rights reserved.\n"
    unnamed = Document(source_id="a.txt", content=text)
    named = Document(source_id="b.txt", content=text, source="Given Outlet")
    assert extract_article(unnamed, Settings()).source == "Anduin Evening Star"  # type: ignore[union-attr]
    assert extract_article(named, Settings()).source == "Given Outlet"  # type: ignore[union-attr]
