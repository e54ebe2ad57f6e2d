"""The words the container verdict adds (en, zh), keyed by code, grouped here so that they can
move into the description layer as one block."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

CARRIED_BY = {
    "en": "This comes from {member}, inside this file. {explanation}",
    "zh": "此结论来自本文件内含的 {member}。{explanation}",
}
NONE_INSIDE = {
    "en": "The {count} file(s) inside it were analysed too; none carries a signal.",
    "zh": "其内含的 {count} 个文件也已分析，均未发现信号。",
}
LIMITS_NOTE = {
    "en": "Not everything inside was analysed: {limits}. What lies beyond these limits was not checked.",
    "zh": "并非所有内含内容都已分析：{limits}。超出这些限制的部分未经检查。",
}
LIMIT_NAMES = {
    "members": {"en": "more than {value} files inside", "zh": "内含文件超过 {value} 个"},
    "inflated_bytes": {"en": "more than {value} bytes unpacked in all", "zh": "解压总量超过 {value} 字节"},
    "depth": {"en": "files nested more than {value} levels deep", "zh": "嵌套超过 {value} 层"},
    "member_size": {"en": "a file inside larger than {value} bytes", "zh": "内含文件大于 {value} 字节"},
    "container_size": {"en": "the message is larger than {value} bytes", "zh": "邮件大于 {value} 字节"},
    "mime_parts": {"en": "more than {value} MIME parts", "zh": "MIME 部分超过 {value} 个"},
    "mime_depth": {"en": "MIME parts nested more than {value} levels deep", "zh": "MIME 部分嵌套超过 {value} 层"},
}
LIST_SEPARATOR = {"en": "; ", "zh": "；"}


def pick(table: dict[str, str], lang: str) -> str:
    return table.get(lang) or table["en"]


def limit_text(limit: str, value: object, lang: str) -> str:
    names = LIMIT_NAMES.get(limit)
    if names is None:
        return f"{limit} {value}"
    return pick(names, lang).format(value=value)


def carried(member: str, explanation: str, lang: str) -> str:
    return pick(CARRIED_BY, lang).format(member=member, explanation=explanation)


def uncarried(member: str, explanation: str, lang: str) -> str:
    """``explanation`` without the "this comes from" sentence :func:`carried` put before it."""
    head = pick(CARRIED_BY, lang).split("{explanation}")[0].format(member=member)
    return explanation[len(head):] if explanation.startswith(head) else explanation


def explain(explanation: str, lang: str, member: str = "", limits: Sequence[Mapping[str, Any]] = (),
            none_inside: int = 0) -> str:
    """A container's explanation: the member that carries its verdict (its place, relative to the
    container) before the member's own explanation; then what was found inside and the limits."""
    if member:
        explanation = carried(member, explanation, lang)
    notes = []
    if none_inside:
        notes.append(pick(NONE_INSIDE, lang).format(count=none_inside))
    if limits:
        named = pick(LIST_SEPARATOR, lang).join(limit_text(str(h.get("limit")), h.get("value"), lang) for h in limits)
        notes.append(pick(LIMITS_NOTE, lang).format(limits=named))
    return ("" if lang == "zh" else " ").join([explanation, *notes])


def relative(container: str, member: str) -> str:
    """A member's place in ``container`` (``mail.eml#attachment/1/x.png`` -> ``attachment/1/x.png``)."""
    prefix = container + "#"
    return member[len(prefix):] if member.startswith(prefix) else member
