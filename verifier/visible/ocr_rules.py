"""Is a line of OCR text an AI label? GB 45438 §5 text rule and known vendor marks.

The text rule: an AI element (``AI`` / ``人工智能``, or the localised ``IA``/``KI``) *and* a
generation element (``生成`` / ``合成``, or a localised "generated / made with / created with").
Vendor marks that name the product instead (``即梦AI``, ``可灵AI``, ``KLING AI``, ``MINIMAX |
hailuo AI``…) count as labels too, but are reported as not meeting the text rule. A caption with
only one element ("AI research lab", "生成器") is not a label. OCR text is untrusted data: it is
only matched, never interpreted further.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# OCR reads the capital I of "AI" as a lower-case l far more often than it errs otherwise.
_AL = re.compile(r"(?<![A-Za-z])Al(?![a-z])")
_AI = re.compile(r"(?<![A-Za-z])(?:AI|IA|KI)(?![A-Za-z])|人工智能")
_GENERATION = re.compile(
    r"生成|合成|generat|generier|generad[oa]|g[ée]n[ée]r[ée]|gerad[oa]|erzeugt|erstellt|made\s+with|created\s+(?:with|by)|"
    r"synthes|생성|作成|сгенерир",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Vendor:
    name: str  # a guess from the visible mark, worded as such by the caller
    pattern: re.Pattern[str]


VENDORS: tuple[Vendor, ...] = (
    Vendor("Doubao (ByteDance)", re.compile(r"豆包\s*AI")),
    Vendor("Jimeng (ByteDance)", re.compile(r"即梦\s*AI")),
    Vendor("Kling (Kuaishou)", re.compile(r"可灵\s*AI|KLING\s*AI", re.IGNORECASE)),
    Vendor("Qwen (Alibaba)", re.compile(r"千问\s*AI|通义\s*AI")),
    Vendor("Hailuo (MiniMax)", re.compile(r"hailuo\s*AI|MINIMAX\W*hailuo|海螺\s*AI", re.IGNORECASE)),
    Vendor("Yuanbao (Tencent)", re.compile(r"元宝\s*AI|腾讯元宝")),
    Vendor("Baidu", re.compile(r"百度\s*AI")),
)


@dataclass(frozen=True, slots=True)
class LabelText:
    text: str  # as normalised for matching
    ai_element: str | None
    generation_element: str | None
    vendor: str | None

    @property
    def meets_text_rule(self) -> bool:
        return self.ai_element is not None and self.generation_element is not None


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return _AL.sub("AI", text).strip()


def classify(text: str) -> LabelText | None:
    """A :class:`LabelText` if the text is an AI label (rule or vendor mark), else None."""
    norm = normalise(text)
    ai = _AI.search(norm)
    gen = _GENERATION.search(norm)
    vendor = next((v.name for v in VENDORS if v.pattern.search(norm)), None)
    if not ((ai and gen) or vendor):
        return None
    return LabelText(norm, ai.group(0) if ai else None, gen.group(0) if gen else None, vendor)


def partial(text: str) -> bool:
    """One element only: worth reading the whole frame in case the rest sits beside it."""
    norm = normalise(text)
    return bool(_AI.search(norm) or _GENERATION.search(norm))
