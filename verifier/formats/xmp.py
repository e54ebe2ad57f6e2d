"""Tolerant XMP packet reader: properties in element and attribute form.

Parsed with defusedxml (no DTDs, no entity expansion). Real packets carry odd processing
instructions (``<?xpacket …??>``), junk before the root, or are cut short: processing
instructions are removed first, and a packet that still does not parse is read with a
bounded regular-expression fallback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
MAX_PACKET = 4 << 20
MAX_PROPS = 5000
_PI = re.compile(r"<\?.*?\?>", re.S)
_XMLNS = re.compile(r"""xmlns:([\w.-]+)\s*=\s*["']([^"']*)["']""")
_ATTR = re.compile(r"""([\w.-]+):([\w.-]+)\s*=\s*"([^"]*)"|([\w.-]+):([\w.-]+)\s*=\s*'([^']*)'""")
_ELEM = re.compile(r"<([\w.-]+):([\w.-]+)(?:\s[^>]*)?>([^<]*)</\1:\2\s*>")
_SKIP_ATTR = {(RDF, "about"), (RDF, "parseType"), (RDF, "resource"), (RDF, "ID"), (RDF, "nodeID")}


@dataclass(frozen=True, slots=True)
class Prop:
    ns: str
    name: str  # local name
    value: str
    prefix: str = ""

    @property
    def qname(self) -> str:
        return f"{self.prefix}:{self.name}" if self.prefix else self.name


def parse(packet: str) -> tuple[list[Prop], str]:
    """Return (properties, note). ``note`` says when the fallback reader was used."""
    packet = packet[:MAX_PACKET]
    prefixes = {uri: p for p, uri in _XMLNS.findall(packet)}
    cleaned = _PI.sub("", packet)
    start = cleaned.find("<")
    cleaned = cleaned[start:] if start >= 0 else ""
    cleaned = cleaned.strip().rstrip("\x00")
    try:
        from defusedxml import ElementTree

        root = ElementTree.fromstring(cleaned.encode("utf-8"))
    except Exception as exc:  # noqa: BLE001 - anything unparsable goes to the fallback
        return _regex(packet), f"XMP not well-formed ({type(exc).__name__}); read tolerantly"
    props: list[Prop] = []
    for desc in root.iter(f"{{{RDF}}}Description"):
        _description(desc, props, prefixes, "")
    return props[:MAX_PROPS], ""


def _split(tag: str) -> tuple[str, str]:
    if tag.startswith("{"):
        ns, _, local = tag[1:].partition("}")
        return ns, local
    return "", tag


def _description(desc: Any, props: list[Prop], prefixes: dict[str, str], path: str) -> None:
    for attr, value in desc.attrib.items():
        ns, local = _split(attr)
        if (ns, local) in _SKIP_ATTR or not ns:
            continue
        props.append(Prop(ns, path + local, value, prefixes.get(ns, "")))
    for child in desc:
        if len(props) >= MAX_PROPS:
            return
        ns, local = _split(child.tag)
        if ns == RDF:
            continue
        items = [li for li in child.iter(f"{{{RDF}}}li")]
        if items:
            for li in items:
                text = "".join(li.itertext()).strip()
                if text:
                    props.append(Prop(ns, path + local, text, prefixes.get(ns, "")))
        elif len(child) and (child.get(f"{{{RDF}}}parseType") == "Resource" or any(
                _split(c.tag)[0] != RDF for c in child)):
            _description(child, props, prefixes, f"{path}{local}/")
        elif len(child):
            for sub in child.iter(f"{{{RDF}}}Description"):
                _description(sub, props, prefixes, f"{path}{local}/")
        else:
            for attr, value in child.attrib.items():
                ans, alocal = _split(attr)
                if ans and (ans, alocal) not in _SKIP_ATTR:
                    props.append(Prop(ans, f"{path}{local}/{alocal}", value, prefixes.get(ans, "")))
            text = (child.text or "").strip()
            resource = child.get(f"{{{RDF}}}resource")
            if text or resource:
                props.append(Prop(ns, path + local, text or resource or "", prefixes.get(ns, "")))


def _regex(packet: str) -> list[Prop]:
    import html

    uris = {p: uri for p, uri in _XMLNS.findall(packet)}
    props: list[Prop] = []
    for m in _ATTR.finditer(packet):
        first = m.group(1) is not None
        prefix, local, value = m.group(1, 2, 3) if first else m.group(4, 5, 6)
        if prefix in ("xmlns", "xml") or (prefix == "rdf"):
            continue
        props.append(Prop(uris.get(prefix, ""), local, html.unescape(value), prefix))
        if len(props) >= MAX_PROPS:
            return props
    for m in _ELEM.finditer(packet):
        prefix, local, value = m.group(1), m.group(2), m.group(3).strip()
        if prefix == "rdf" or not value:
            continue
        props.append(Prop(uris.get(prefix, ""), local, html.unescape(value), prefix))
        if len(props) >= MAX_PROPS:
            break
    return props
