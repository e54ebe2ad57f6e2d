"""The words of cases and verifiable reports, in English and Chinese (codes in, sentences out).

The phrases live in the one catalogue (:mod:`verifier.describe.catalogue`, ``case.*``, ``sign.*``,
``cli.*`` keys). The core reports problems as a
:class:`Said` — the English sentence (so logs and tests read it as text) carrying its code and
parameters, from which :meth:`Said.text` words it in the reader's language.
"""

from __future__ import annotations

from typing import Any

from ..describe.catalogue import TEXT  # the one catalogue: case.*, sign.*, cli.* keys


def t(key: str, lang: str, **params: Any) -> str:
    """The phrase ``key`` in ``lang``; a parameter that is itself a :class:`Said` is worded in ``lang`` too."""
    en, zh = TEXT[key]
    phrase = zh if str(lang).lower().startswith("zh") else en
    shown = {k: v.text(lang) if isinstance(v, Said) else v for k, v in params.items()}
    return phrase.format(**shown) if params else phrase


class Said(str):
    """An English sentence that also knows its code and parameters, to be worded in another language."""

    code: str
    params: dict[str, Any]

    def __new__(cls, code: str, **params: Any) -> Said:
        self = super().__new__(cls, t(code, "en", **params))
        self.code, self.params = code, params
        return self

    def text(self, lang: str) -> str:
        return t(self.code, lang, **self.params)
