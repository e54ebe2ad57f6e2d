"""The words of cases and verifiable reports, in English and Chinese (codes in, sentences out).

Same shape as the report catalogue: ``key -> (English, 简体中文)``. The core reports problems as a
:class:`Said` — the English sentence (so logs and tests read it as text) carrying its code and
parameters, from which :meth:`Said.text` words it in the reader's language.
"""

from __future__ import annotations

from typing import Any

TEXT: dict[str, tuple[str, str]] = {
    # ---- a case log's entries, as verify names them ----
    "case.entry": ("entry {seq} (line {line})", "第 {seq} 条记录（第 {line} 行）"),
    "case.line": ("line {line}", "第 {line} 行"),
    "case.start": ("the start of the log", "日志开头"),
    # ---- what verify finds ----
    "case.not_entry": ("{name}: not a log entry (edited or damaged)", "{name}：不是日志记录（被编辑或已损坏）"),
    "case.not_canonical": ("{name}: not written as the tool writes it (edited by hand)",
                           "{name}：写法与本工具写入的不同（被手工编辑）"),
    "case.bad_value": ("{name}: holds a value the tool never writes (edited)", "{name}：含有本工具不会写入的值（被编辑）"),
    "case.out_of_order": ("{name}: comes after entry {before}: entries were reordered, duplicated or inserted",
                          "{name}：排在第 {before} 条之后：记录被重新排序、重复或插入"),
    "case.missing_one": ("{name}: entry {first} missing before it (deleted)", "{name}：其前的第 {first} 条记录缺失（已被删除）"),
    "case.missing_many": ("{name}: entries {first} to {last} missing before it (deleted)",
                          "{name}：其前的第 {first} 至 {last} 条记录缺失（已被删除）"),
    "case.broken_link": ("{name}: does not link to {prev}: that entry was changed, or entries were deleted, "
                         "inserted or reordered between them",
                         "{name}：与{prev}的链接不符：该记录被修改，或两者之间的记录被删除、插入或重新排序"),
    "case.malformed": ("{name}: not a well-formed entry (kind, time or data)", "{name}：记录格式不正确（类型、时间或数据）"),
    "case.no_opening": ("{name}: the log does not start with the case being opened", "{name}：日志不是以创建案件开始的"),
    "case.empty": ("the case log is empty", "案件日志为空"),
    "case.head_damaged": ("{why}", "{why}"),
    "case.head_missing": ("case.head is missing: deleted entries at the end could not be seen",
                          "缺少 case.head：无法发现末尾被删除的记录"),
    "case.truncated": ("the head records {count} entries but the log ends at entry {last}: entries {first} to "
                       "{count} were deleted from the end",
                       "头文件记录了 {count} 条，但日志止于第 {last} 条：末尾的第 {first} 至 {count} 条记录已被删除"),
    "case.head_behind": ("entries {first} to {last} come after the head (an interrupted write, or an older head "
                         "put back)", "第 {first} 至 {last} 条记录位于头文件之后（写入被中断，或放回了旧的头文件）"),
    "case.last_changed": ("{name}: the last entry was changed after it was written (it no longer matches the head)",
                          "{name}：最后一条记录在写入后被修改（与头文件不再一致）"),
    "case.sig_missing": ("case.head.sig is missing, but the case was opened with key {key_id}",
                         "缺少 case.head.sig，但该案件创建时使用了密钥 {key_id}"),
    "case.sig_damaged": ("case.head.sig is damaged", "case.head.sig 已损坏"),
    "case.sig_mismatch": ("case.head.sig does not match the head: the head was changed or put back, or entries "
                          "were added where key {key_id} was not available",
                          "case.head.sig 与头文件不符：头文件被修改或被旧版本替换，或在没有密钥 {key_id} 的地方添加了记录"),
    # ---- what checking a signed report finds ----
    "sign.no_sig": ("no signature: {name} does not exist (give it with --sig)", "没有签名：{name} 不存在（请用 --sig 指定）"),
    "sign.key_id_mismatch": ("the key id written in the signature file does not match its public key",
                             "签名文件中记录的密钥 ID 与其公钥不符"),
    "sign.wrong_key": ("signed by key {key_id}, not by the key in {path} ({other})",
                       "签名所用密钥为 {key_id}，而不是 {path} 中的密钥（{other}）"),
    "sign.changed": ("the report's fingerprint is {fingerprint}, the signature was made for {claimed}: the report "
                     "was changed after it was signed",
                     "报告指纹为 {fingerprint}，而签名针对的是 {claimed}：报告在签名后被修改"),
    "sign.bad_signature": ("the signature does not match the report's content: changed after signing, or signed "
                           "by another key", "签名与报告内容不符：签名后被修改，或由其他密钥签名"),
    # ---- the command line ----
    "cli.case_recorded": ("case {dir}: {n} file(s) recorded", "案件 {dir}：已记录 {n} 个文件"),
    "cli.case_export_recorded": ("case {dir}: {n} file(s) and the export recorded", "案件 {dir}：已记录 {n} 个文件及导出"),
    "cli.wrote_json": ("wrote {path} (the canonical JSON of this report)", "已写入 {path}（本报告的规范化 JSON）"),
    "cli.fingerprint_of": ("report fingerprint (SHA-256 of {name}): {fingerprint}",
                           "报告指纹（{name} 的 SHA-256）：{fingerprint}"),
    "cli.signed": ("signed: {path}", "已签名：{path}"),
    "cli.checking_json": ("checking {path}, the canonical JSON written with that report",
                          "正在检查 {path}，即随该报告写入的规范化 JSON"),
    "cli.fingerprint": ("fingerprint: {fingerprint}", "指纹：{fingerprint}"),
    "cli.not_canonical": ("note: the file is not byte-for-byte canonical (re-indented?); the fingerprint is of "
                          "its canonical form", "注意：该文件并非逐字节的规范形式（重新缩进过？）；指纹按其规范形式计算"),
    "cli.signature": ("signature: Ed25519, key id {key_id}", "签名：Ed25519，密钥 ID {key_id}"),
    "cli.own_key": (" (your key '{name}')", "（您的密钥“{name}”）"),
    "cli.unsigned": ("signature: none (only the fingerprint was recomputed)", "签名：无（仅重新计算了指纹）"),
    "cli.failed": ("FAILED: {why}", "未通过：{why}"),
    "cli.report_ok": ("OK: the report is exactly what the holder of key {key_id} signed",
                      "通过：报告与密钥 {key_id} 的持有者所签内容完全一致"),
    "cli.compare_key": ("; check that key id against the one its owner published", "；请将该密钥 ID 与其所有者公布的进行核对"),
    "cli.key_created": ("created key '{name}' (id {key_id}); private key: {path} (keep it secret)",
                        "已创建密钥“{name}”（ID {key_id}）；私钥：{path}（请妥善保密）"),
    "cli.key_written": ("wrote {path} (key id {key_id})", "已写入 {path}（密钥 ID {key_id}）"),
    "cli.no_keys": ("no key in {dir}: create one with 'verifier key create'",
                    "{dir} 中没有密钥：请用“verifier key create”创建"),
    "cli.case_created": ("created case '{title}' in {dir}", "已在 {dir} 创建案件“{title}”"),
    "cli.case_signed": ("; its head is signed with key {key_id}", "；其头文件由密钥 {key_id} 签名"),
    "cli.case_title": ("case: {title}  ({dir})", "案件：{title}（{dir}）"),
    "cli.case_log": ("log: {n} entries, {state}; last entry hash {hash}", "日志：{n} 条记录，{state}；最后一条记录的哈希 {hash}"),
    "cli.case_intact": ("intact", "完好"),
    "cli.case_problems": ("{n} PROBLEM(S): run 'verifier case verify'", "发现 {n} 个问题：请运行“verifier case verify”"),
    "cli.case_files": ("files: {n}", "文件：{n} 个"),
    "cli.case_entries": ("entries:", "记录："),
    "cli.case_notes": ("  notes: {n}", "  备注：{n} 条"),
    "cli.case_ok": ("OK: {n} entries, every link and the head match; last entry hash {hash}",
                    "通过：共 {n} 条记录，所有链接与头文件均一致；最后一条记录的哈希 {hash}"),
}


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
