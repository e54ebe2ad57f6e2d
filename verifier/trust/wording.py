"""Words for trust-list status (CLI, reports, Settings), English and Simplified Chinese.

Grouped here, keyed by codes, so they can move into the shared catalogue in one piece.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

TEXT: dict[str, dict[str, str]] = {
    "where.bundled": {"en": "bundled", "zh": "随附"},
    "where.user": {"en": "user copy", "zh": "用户副本"},
    "where.other": {"en": "from a configured folder", "zh": "来自指定文件夹"},
    "kind.tsa": {"en": "time-stamping authorities", "zh": "时间戳机构"},
    "certs": {"en": "{n} certificates", "zh": "{n} 个证书"},
    "allowed": {"en": "{n} end-entity certificates", "zh": "{n} 个终端实体证书"},
    "as_of": {"en": "version of {date} ({days} days old)", "zh": "{date} 版本（{days} 天前）"},
    "as_of.import": {"en": "imported {date} ({days} days ago)", "zh": "{date} 导入（{days} 天前）"},
    "next_update": {"en": "next update due {date}", "zh": "预计下次更新 {date}"},
    "origin": {"en": "source: {origin}", "zh": "来源：{origin}"},
    "warn.past_next_update": {
        "en": "OUT OF DATE: a new version was due by {next_update}; import it with 'verifier trust update'.",
        "zh": "已过期：新版本应于 {next_update} 前发布；请用 “verifier trust update” 导入。",
    },
    "warn.older_than_6_months": {
        "en": "OLD: this version is more than 6 months old; check for a newer list and import it with "
              "'verifier trust update'.",
        "zh": "版本较旧：此版本已超过 6 个月；请查找更新的列表并用 “verifier trust update” 导入。",
    },
    "warn.frozen": {
        "en": "frozen since {frozen_since}: no new version will come; signers on it are reported as interim-list "
              "trust, apart from the official C2PA list.",
        "zh": "自 {frozen_since} 起冻结，不再更新；其中的签名者被报告为临时列表信任，与官方 C2PA 列表区分。",
    },
    "warn.undated": {
        "en": "date unknown: the age shown is the file's date.",
        "zh": "日期未知：显示的是文件日期。",
    },
    "warn.mixed": {
        "en": "its files come from more than one folder: an updated part overrides the bundled one.",
        "zh": "其文件来自多个文件夹：更新的部分取代了随附的部分。",
    },
    "warn.unreadable": {
        "en": "no certificate could be read from this list: it trusts nothing.",
        "zh": "无法从此列表读取任何证书：它不信任任何签名者。",
    },
    "none": {
        "en": "No trust list is in force: no C2PA signer can be recognised as trusted.",
        "zh": "没有生效的信任列表：无法将任何 C2PA 签名者识别为可信。",
    },
}


def t(key: str, lang: str, **params: object) -> str:
    entry = TEXT[key]
    text = entry.get(lang) or entry["en"]
    return text.format(**params) if params else text


def describe(s: Mapping[str, Any], lang: str = "en") -> str:
    """One line for one list, from :meth:`ListStatus.to_json` (so reports can use the JSON alone)."""
    where = str(s.get("where") or "other")
    parts = [t(f"where.{where if where in ('bundled', 'user') else 'other'}", lang)]
    if s.get("kind") == "tsa":
        parts.append(t("kind.tsa", lang))
    parts.append(t("certs", lang, n=int(s.get("certificates") or 0)))
    if s.get("allowed"):
        parts.append(t("allowed", lang, n=int(s["allowed"])))
    if s.get("as_of"):
        key = "as_of.import" if s.get("dated_by") == "import" else "as_of"
        parts.append(t(key, lang, date=s["as_of"], days=s.get("age_days", "?")))
    if s.get("next_update"):
        parts.append(t("next_update", lang, date=s["next_update"]))
    if s.get("origin"):
        parts.append(t("origin", lang, origin=s["origin"]))
    return f"{s.get('label') or s.get('name')}: " + ("，" if lang == "zh" else ", ").join(parts)


def warnings(s: Mapping[str, Any], lang: str = "en") -> list[str]:
    """The warnings of one list, worded (empty when the list is current)."""
    out = []
    codes = list(s.get("warnings") or ())
    if "past_next_update" in codes and "older_than_6_months" in codes:
        codes.remove("older_than_6_months")  # one warning says it
    for code in codes:
        key = f"warn.{code}"
        if key in TEXT:
            out.append(t(key, lang, next_update=s.get("next_update") or "?",
                         frozen_since=s.get("frozen_since") or "?"))
    return out
