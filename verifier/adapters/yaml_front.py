"""PyYAML adapter: Markdown front matter, parsed with the safe ``BaseLoader`` only."""

from __future__ import annotations

import re
from typing import Any

MAX_FRONT = 256 * 1024
_FENCE = re.compile(r"^---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)", re.S)


class FrontMatterError(ValueError):
    pass


def split_front_matter(text: str) -> tuple[str | None, str]:
    """Return (front-matter source or None, body)."""
    text = text.lstrip("\ufeff")
    m = _FENCE.match(text[: MAX_FRONT + 16])
    if not m:
        return None, text
    return m.group(1), text[m.end():]


def load(source: str) -> Any:
    """Parse with the safe ``BaseLoader``: every scalar stays a string.

    That keeps ``ProduceID: 00000000000000000000000000000000`` and codes with leading zeros
    exactly as written (the resolving loaders would turn them into numbers) and constructs no
    objects.
    """
    import yaml

    try:
        return yaml.load(source, Loader=yaml.BaseLoader)  # noqa: S506 - BaseLoader builds only str/list/dict
    except yaml.YAMLError as exc:
        raise FrontMatterError(f"front matter is not valid YAML: {exc}") from exc
