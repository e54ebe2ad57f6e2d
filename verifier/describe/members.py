"""Files inside files in words: the member that carries a container's verdict, that nothing was
found in the files inside it, and the limits that stopped its reading (see verifier.containers)."""

from __future__ import annotations

from typing import Any

from .read import get, sval
from .text import quote, t


def _path(file: Any) -> str:
    media = get(file, "media")
    return str(get(media, "path") if media is not None else get(file, "path") or "")


def place_in(container: str, member: str) -> str:
    """A member's place in its container (``mail.eml#attachment/1/x.png`` -> ``attachment/1/x.png``)."""
    prefix = container + "#"
    return member[len(prefix):] if member.startswith(prefix) else member


def limit_text(limit: str, value: object, lang: str) -> str:
    key = f"container.limit.{limit}"
    return t(key, lang, value=quote(value, 40)) if key in _KEYS else t("container.limit.other", lang,
                                                                           limit=quote(limit, 60),
                                                                           value=quote(value, 40))


def container_notes(file: Any, lang: str) -> list[str]:
    verdict = get(file, "verdict") or {}
    member = sval(verdict, "member")
    limits = [h for h in get(file, "limits") or () if isinstance(h, dict)]
    members = get(file, "members") or ()
    out = []
    if member:
        out.append(t("container.carried", lang, member=quote(place_in(_path(file), member), 300)))
    if sval(verdict, "code") == "no_signals" and members:
        out.append(t("container.none_inside", lang, count=len(members)))
    if limits:
        named = t("sep.parts", lang).join(limit_text(str(h.get("limit")), h.get("value"), lang) for h in limits)
        out.append(t("container.limits", lang, limits=named))
    return out


def empty_overview(file: Any, lang: str) -> str:
    """What an Overview that lists no finding of the file's own says: for a container whose
    verdict a member carries, where to look (CONTRACT.md: the container's verdict names it)."""
    member = sval(get(file, "verdict") or {}, "member")
    if member:
        return t("overview.in_member", lang, member=quote(place_in(_path(file), member), 300))
    return t("overview.none", lang)


_KEYS = frozenset(f"container.limit.{n}" for n in ("members", "inflated_bytes", "depth", "member_size",
                                                    "container_size", "mime_parts", "mime_depth"))
