"""Decoding never crashes: BOMs, declared charsets that lie, binaries, sniffing."""

from __future__ import annotations

import pytest

from trucewatch.ingest.decode import DecodeRefusal, decode_bytes, sniff_kind

CYRILLIC_PAGE = (
    '<?xml version="1.0" encoding="windows-1251"?><p>Перемирие соблюдалось весь день.</p>'
)
SENTENCE = "The mayor of Hömsfjord said the “pause” held near the café — for now."


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (SENTENCE.encode("utf-8"), SENTENCE),
        (SENTENCE.encode("utf-8-sig"), SENTENCE),
        (SENTENCE.encode("utf-16"), SENTENCE),
        # cp1252 bytes under a page that claims UTF-8: the claim is wrong, the text survives
        (f'<meta charset="utf-8"><p>{SENTENCE}</p>'.encode("cp1252"), f"<p>{SENTENCE}</p>"),
        # a declared charset that is right is honoured
        (CYRILLIC_PAGE.encode("cp1251"), "Перемирие соблюдалось весь день."),
        # an unknown declared charset is ignored, not fatal
        (f'<meta charset="x-martian"><p>{SENTENCE}</p>'.encode("cp1252"), SENTENCE),
    ],
)
def test_decode_recovers_text(data: bytes, expected: str) -> None:
    assert expected in decode_bytes(data).text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t \n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
        (bytes(range(1, 9)) * 200 + b"some text", "binary"),
    ],
)
def test_decode_refuses_non_text(data: bytes, reason: str) -> None:
    with pytest.raises(DecodeRefusal) as refused:
        decode_bytes(data)
    assert refused.value.reason == reason


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"WARC/1.1\r\nWARC-Type: warcinfo\r\n", "warc"),
        (b"\x1f\x8b\x08\x00", "warc"),
        (b'<?xml version="1.0"?>\n<rss version="2.0"><channel>', "feed"),
        (b'<feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
        (b"<!DOCTYPE html><html><head>", "html"),
        (b"\n\n  <div class='story'><p>Text</p></div>", "html"),
        (b"Accessibility links\n\nA headline\n\nSome story text.", "text"),
        (b"Prices rose 5% as 3 < 4 and the talks went on.", "text"),
    ],
)
def test_sniff_kind(head: bytes, kind: str) -> None:
    assert sniff_kind(head) == kind
