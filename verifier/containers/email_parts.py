"""An e-mail's attachments in MIME order: every leaf part that is not the message's own text
or HTML body (attachments and inline images alike), numbered from 1.

Parsed with the standard :mod:`email` package (``policy=default``), which is lenient with
malformed MIME and records what it had to repair as *defects*. The walk is iterative and
bounded (depth and part count), so a hostile structure cannot recurse or loop for long.
An attached message (``message/rfc822``) is one member, itself a container.
"""

from __future__ import annotations

import email.policy
import mimetypes
from dataclasses import dataclass, field
from email.message import EmailMessage, Message
from email.parser import BytesParser
from pathlib import Path

from ..inputs import open_readonly
from .limits import MIME_DEPTH, MIME_PARTS
from .members import safe_place

MAX_MIME_DEPTH = 50
MAX_PARTS = 1000  # MIME parts parsed; the message is cut before the next boundary line


@dataclass(slots=True)
class Part:
    number: int  # 1-based, MIME order, bodies not counted
    filename: str  # as declared (decoded), "" when none
    content_type: str
    disposition: str  # attachment | inline | ""
    message: Message  # the MIME part itself, decoded only when it is written out

    def payload(self) -> tuple[bytes | None, str]:
        """The decoded content (None and the reason when it cannot be decoded)."""
        return _payload(self.message)

    @property
    def place(self) -> str:
        return f"attachment/{self.number}/{safe_place(self.shown_name, keep_slashes=False)}"

    @property
    def shown_name(self) -> str:
        if self.filename.strip():
            return self.filename.strip()
        ext = mimetypes.guess_extension(self.content_type) or ""
        return "unnamed" + (".eml" if self.content_type == "message/rfc822" else ext)


@dataclass(slots=True)
class Parsed:
    message: EmailMessage
    parts: list[Part] = field(default_factory=list)
    defects: list[str] = field(default_factory=list)
    truncated: str = ""  # why the reading stopped early, if it did
    limit: tuple[str, int] | None = None  # the structural limit that stopped it


def parse(path: Path) -> EmailMessage:
    with open_readonly(path) as fh:
        return parse_bytes(fh.read())


def parse_bytes(data: bytes, headers_only: bool = False) -> EmailMessage:
    msg = BytesParser(policy=email.policy.default).parsebytes(data, headersonly=headers_only)
    assert isinstance(msg, EmailMessage)
    return msg


def _cut(data: bytes) -> tuple[bytes, bool]:
    """The message up to its ``MAX_PARTS``-th boundary line (the parser's time grows with the
    number of parts: a hostile message of 100,000 empty parts must not take minutes)."""
    at = -1
    for _ in range(MAX_PARTS + 1):
        at = data.find(b"\n--", at + 1)
        if at < 0:
            return data, False
    return data[: at + 1], True


def read(data: bytes) -> Parsed:
    """Parse a message and list its attachments, within the reader's structural limits."""
    data, cut = _cut(data)
    try:
        parsed = attachments(parse_bytes(data))
    except RecursionError:
        parsed = Parsed(parse_bytes(data, headers_only=True),
                        truncated="MIME parts nested too deeply to read: no attachment was read",
                        limit=(MIME_DEPTH, MAX_MIME_DEPTH))
    if cut and parsed.limit is None:
        parsed.truncated = f"more than {MAX_PARTS} MIME parts: the rest were not read"
        parsed.limit = (MIME_PARTS, MAX_PARTS)
    return parsed


def _bodies(msg: EmailMessage) -> set[int]:
    out: set[int] = set()
    for kind in ("plain", "html"):
        try:
            body = msg.get_body(preferencelist=(kind,))
        except Exception:  # noqa: BLE001 - malformed structure: nothing is taken as the body
            body = None
        if body is not None:
            out.add(id(body))
    return out


def _text(fn: object, default: str = "") -> str:
    try:
        value = fn() if callable(fn) else fn
    except Exception:  # noqa: BLE001 - a malformed parameter reads as absent
        return default
    return str(value) if value is not None else default


def _payload(part: Message) -> tuple[bytes | None, str]:
    try:
        if part.get_content_type() == "message/rfc822":
            inner = part.get_payload()
            if isinstance(inner, list) and inner and isinstance(inner[0], Message):
                return inner[0].as_bytes(), ""
            return None, "an attached message without content"
        data = part.get_payload(decode=True)
        return (data if isinstance(data, bytes) else b""), ""
    except Exception as exc:  # noqa: BLE001 - the part is listed with the reason
        return None, f"not decoded: {type(exc).__name__}: {exc}"[:200]


def attachments(msg: EmailMessage) -> Parsed:
    out = Parsed(msg)
    bodies = _bodies(msg)
    stack: list[tuple[Message, int]] = [(msg, 0)]
    seen = 0
    while stack:
        part, depth = stack.pop()
        seen += 1
        if seen > 4 * MAX_PARTS:  # cannot happen after _cut; a guard all the same
            out.truncated, out.limit = f"more than {MAX_PARTS} MIME parts: the rest were not read", (MIME_PARTS, MAX_PARTS)
            break
        for defect in getattr(part, "defects", ()):
            if len(out.defects) < 50:
                out.defects.append(type(defect).__name__)
        if part.is_multipart() and part.get_content_type() != "message/rfc822":
            if depth >= MAX_MIME_DEPTH:
                out.truncated = f"MIME parts nested deeper than {MAX_MIME_DEPTH}: the deeper parts were not read"
                out.limit = (MIME_DEPTH, MAX_MIME_DEPTH)
                continue
            children = part.get_payload()
            if isinstance(children, list):
                stack.extend((c, depth + 1) for c in reversed(children) if isinstance(c, Message))
            continue
        if id(part) in bodies:
            continue
        out.parts.append(Part(
            number=len(out.parts) + 1,
            filename=_text(part.get_filename),
            content_type=_text(part.get_content_type, "application/octet-stream"),
            disposition=_text(part.get_content_disposition),
            message=part,
        ))
    return out
