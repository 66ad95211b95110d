"""Build samples/archive/syria-coh-2016.warc.gz from the sources in samples/archive-src/.

The WARC is a committed sample, so the build is deterministic: WARC-Date values come from
samples/archive-src/index.yaml, record ids are uuid5 of the target URI, and the gzip members
carry no timestamp. Rebuilding from unchanged sources gives identical bytes.

    .venv/bin/python scripts/build_sample_archives.py          # (re)write the WARC
    .venv/bin/python scripts/build_sample_archives.py --check  # exit 1 if it is stale
"""

from __future__ import annotations

import argparse
import io
import sys
import uuid
from datetime import datetime
from email.utils import format_datetime
from pathlib import Path

import yaml
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "samples" / "archive-src"
OUT = ROOT / "samples" / "archive" / "syria-coh-2016.warc.gz"
SERVER = "nginx"


def record_id(key: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, key)}>"


def http_date(iso: str) -> str:
    """'2016-02-15T20:30:00Z' -> 'Mon, 15 Feb 2016 20:30:00 GMT'."""
    return format_datetime(datetime.fromisoformat(iso.replace("Z", "+00:00")), usegmt=True)


def build(index: dict) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)

    info = index["warcinfo"]
    fields = "".join(f"{k}: {v}\r\n" for k, v in info["fields"].items()).encode("utf-8")
    writer.write_record(
        writer.create_warc_record(
            "",
            "warcinfo",
            payload=io.BytesIO(fields),
            length=len(fields),
            warc_content_type="application/warc-fields",
            warc_headers_dict={
                "WARC-Record-ID": record_id("warcinfo:" + info["filename"]),
                "WARC-Date": info["warc_date"],
                "WARC-Filename": info["filename"],
            },
        )
    )

    for rec in index["records"]:
        body = (SRC / rec["file"]).read_bytes()
        headers = {
            "WARC-Record-ID": record_id(rec["uri"]),
            "WARC-Date": rec["warc_date"],
        }
        if rec["type"] == "response":
            http_headers = StatusAndHeaders(
                "200 OK",
                [
                    ("Date", http_date(rec["warc_date"])),
                    ("Server", SERVER),
                    ("Content-Type", rec["content_type"]),
                    ("Content-Length", str(len(body))),
                    ("Last-Modified", http_date(rec["last_modified"])),
                    ("Cache-Control", "max-age=300"),
                    ("Connection", "close"),
                ],
                protocol="HTTP/1.1",
            )
            record = writer.create_warc_record(
                rec["uri"],
                "response",
                payload=io.BytesIO(body),
                length=len(body),
                http_headers=http_headers,
                warc_headers_dict=headers,
            )
        elif rec["type"] == "resource":
            record = writer.create_warc_record(
                rec["uri"],
                "resource",
                payload=io.BytesIO(body),
                length=len(body),
                warc_content_type=rec["content_type"],
                warc_headers_dict=headers,
            )
        else:
            raise SystemExit(
                f"{rec['file']}: unknown record type {rec['type']!r}; "
                "valid types: response, resource"
            )
        writer.write_record(record)
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="do not write; exit 1 if the committed WARC differs from a rebuild",
    )
    args = parser.parse_args(argv)

    index = yaml.safe_load((SRC / "index.yaml").read_text(encoding="utf-8"))
    data = build(index)
    if args.check:
        if not OUT.exists() or OUT.read_bytes() != data:
            print(
                f"{OUT.relative_to(ROOT)} is stale; run scripts/build_sample_archives.py",
                file=sys.stderr,
            )
            return 1
        print(f"{OUT.relative_to(ROOT)} is up to date ({len(data)} bytes)")
        return 0
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(data)
    print(f"wrote {OUT.relative_to(ROOT)}: {len(index['records']) + 1} records, {len(data)} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
