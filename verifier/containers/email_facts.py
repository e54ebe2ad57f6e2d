"""What an e-mail's headers say, as plain facts: sender and recipient fields, the ``Received``
chain as hops with times, the mail program, authentication results, DKIM signatures, and
what the headers reveal (private addresses, internal hosts, the sender's IP).

Every value is attacker-controlled text: a sender can write any header, including fake
``Received`` lines below the real ones and an ``Authentication-Results`` of their own. Only
the topmost hops, added by the receiving side, are the recipient's own servers' word. DKIM
needs the signer's DNS key, so it cannot be verified offline: its presence and domain are
reported, nothing more.
"""

from __future__ import annotations

import email.header
import ipaddress
import re
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import parsedate_to_datetime
from typing import Any

ADDRESS_HEADERS = ("From", "Sender", "Reply-To", "Return-Path", "To", "Cc", "Delivered-To")
HEADERS = (*ADDRESS_HEADERS, "Date", "Subject", "Message-ID", "In-Reply-To")
PROGRAM_HEADERS = ("X-Mailer", "User-Agent", "X-MimeOLE")
ORIGIN_HEADERS = ("X-Originating-IP", "X-Sender-IP", "X-Forwarded-For")
MAX_VALUE = 1000
MAX_HOPS = 100

# Networks that only exist inside an organisation or a machine (RFC 1918, CGNAT, loopback,
# link-local, IPv6 unique-local): an address from them names an internal network.
INTERNAL_NETWORKS = tuple(ipaddress.ip_network(n) for n in (
    "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
    "fc00::/7", "fe80::/10", "::1/128"))
_IPV4 = re.compile(r"(?<![\d.])(\d{1,3}(?:\.\d{1,3}){3})(?![\d.])")
_IPV6 = re.compile(r"(?:IPv6:)?((?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4})")
_INTERNAL_HOST = re.compile(r"\b[\w.-]+\.(?:local|localdomain|internal|intranet|lan|corp|home|private)\b", re.I)
_FROM_BY = re.compile(r"\b(from|by|with|id|for|via)\s+(\S+(?:\s+\([^)]*\))?)", re.I)
_DKIM_TAG = re.compile(r"(?:^|;)\s*([a-z]+)\s*=\s*([^;]*)")


def _clean(raw: object) -> str:
    text = str(raw)
    try:
        text = str(email.header.make_header(email.header.decode_header(text)))
    except Exception:  # noqa: BLE001 - undecodable encoded words stay as written
        pass
    text = re.sub(r"\s*\r?\n\s*", " ", text)
    return text.strip()[:MAX_VALUE]


def _raw(msg: EmailMessage, name: str) -> list[str]:
    return [str(v) for k, v in msg.raw_items() if k.lower() == name.lower()]


def _when(text: str) -> datetime | None:
    try:
        when = parsedate_to_datetime(text.strip())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when is None:
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


def received_hops(msg: EmailMessage) -> list[dict[str, Any]]:
    """The ``Received`` headers from the first hop (the bottom one) to the last, each with its
    time and the time it added since the previous hop (negative: clocks disagree or a line is
    forged)."""
    hops: list[dict[str, Any]] = []
    previous: datetime | None = None
    for raw in reversed(_raw(msg, "Received")[:MAX_HOPS]):
        text = _clean(raw)
        route, _, stamp = text.rpartition(";")
        hop: dict[str, Any] = {"text": text}
        for key, value in _FROM_BY.findall(route or text):
            hop.setdefault(key.lower(), value[:300])
        when = _when(stamp) if route else None
        if when is not None:
            hop["time"] = when.astimezone(UTC).isoformat()
            if previous is not None:
                hop["added_s"] = round((when - previous).total_seconds(), 1)
            previous = when
        hops.append(hop)
    return hops


def dkim_signatures(msg: EmailMessage) -> list[dict[str, str]]:
    out = []
    for raw in _raw(msg, "DKIM-Signature")[:20]:
        tags = {k.lower(): re.sub(r"\s+", "", v)[:200] for k, v in _DKIM_TAG.findall(_clean(raw))}
        out.append({"domain": tags.get("d", ""), "selector": tags.get("s", ""),
                    "algorithm": tags.get("a", ""), "verified": "offline_unverifiable"})  # a code (verifier.describe)
    return out


def _addresses(text: str) -> list[str]:
    found = [m for m in _IPV4.findall(text)]
    found += [m for m in _IPV6.findall(text) if m.count(":") >= 2]
    out = []
    for candidate in found:
        try:
            out.append(str(ipaddress.ip_address(candidate)))
        except ValueError:
            continue
    return out


# why a header is a privacy point: a code (worded by verifier.describe, "privacy.why.<code>") and
# its English, kept in the facts as "why" for scripts
PRIVACY_WHY = {
    "internal_ip": "a private network address: reveals an internal network",
    "internal_host": "an internal host name",
    "origin_ip": "the IP address the sender wrote from",
    "mail_program": "the sender's mail program and version",
    "address": "an e-mail address or name",
}


def privacy_points(msg: EmailMessage, hops: list[dict[str, Any]]) -> list[dict[str, str]]:
    """What the headers reveal about people and networks (in the shape the metadata detector
    uses: ``field``, ``value``, ``why``)."""
    points: list[dict[str, str]] = []
    seen: set[tuple[str, str]] = set()

    def add(field: str, value: str, code: str) -> None:
        if (field, value) not in seen and len(points) < 100:
            seen.add((field, value))
            points.append({"field": field, "value": value[:200], "why": PRIVACY_WHY[code], "why_code": code})

    for n, hop in enumerate(hops, 1):
        for ip in _addresses(hop["text"]):
            addr = ipaddress.ip_address(ip)
            if any(addr.version == net.version and addr in net for net in INTERNAL_NETWORKS):
                add(f"Received (hop {n})", ip, "internal_ip")
        for host in _INTERNAL_HOST.findall(hop["text"]):
            add(f"Received (hop {n})", host, "internal_host")
    for name in ORIGIN_HEADERS:
        for raw in _raw(msg, name)[:5]:
            add(name, _clean(raw), "origin_ip")
    for name in PROGRAM_HEADERS:
        for raw in _raw(msg, name)[:2]:
            add(name, _clean(raw), "mail_program")
    for name in ADDRESS_HEADERS:
        for raw in _raw(msg, name)[:5]:
            add(name, _clean(raw), "address")
    return points


def header_facts(msg: EmailMessage) -> dict[str, Any]:
    headers = {}
    for name in HEADERS:
        values = [_clean(v) for v in _raw(msg, name)[:10]]
        if values:
            headers[name] = values[0] if len(values) == 1 else values
    program = {name: _clean(v[0]) for name in PROGRAM_HEADERS if (v := _raw(msg, name))}
    hops = received_hops(msg)
    facts: dict[str, Any] = {
        "headers": headers,
        "received": hops,
        "authentication_results": [_clean(v) for v in _raw(msg, "Authentication-Results")[:20]],
        "dkim": dkim_signatures(msg),
        "privacy": privacy_points(msg, hops),
        "note": "email_headers_unverified",  # a note code, worded by verifier.describe
    }
    if program:
        facts["program"] = program
    date = _raw(msg, "Date")
    if date and hops and "time" in hops[0]:
        written = _when(_clean(date[0]))
        if written is not None:
            facts["date_to_first_hop_s"] = round(
                (datetime.fromisoformat(hops[0]["time"]) - written).total_seconds(), 1)
    return facts
