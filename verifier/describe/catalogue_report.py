"""Phrases of the report's file pages, cover and appendix (merged into the one catalogue).

Grouped apart so that they can be moved; keys follow the catalogue's ``kind.code`` scheme.
"""

from __future__ import annotations

TEXT: dict[str, tuple[str, str]] = {
    "report.page.file_of": ("File {n} of {total}", "第 {n} 个文件，共 {total} 个"),
    "report.page.inside": ("Inside {parent}", "位于 {parent} 之内"),
    "report.page.members": ("Files inside it: {n} (each on its own page)", "内含文件：{n} 个（各占一页）"),
    "report.page.member_line": ("{name}: file {n}", "{name}：第 {n} 个文件"),
    "report.page.member_elsewhere": ("{name}: not in this report", "{name}：不在本报告中"),
    "report.page.evidence": ("Evidence found", "发现的证据"),
    "report.page.evidence_line": ("{title}: {what} (strength: {strength})", "{title}：{what}（强度：{strength}）"),
    "report.page.no_evidence": ("No identifier of AI generation and no Content Credentials were found.",
                                "未发现人工智能生成标识，也未发现内容凭证。"),
    "report.page.more": ("… and {n} more (see the technical appendix)", "……另有 {n} 项（见技术附录）"),
    "report.page.not_checked": ("Not checked", "未检查"),
    "report.page.not_checked_line": ("{check}: {why}", "{check}——原因：{why}"),
    "report.page.all_checked": ("Every check that applies to this file ran.", "适用于此文件的检查均已完成。"),
    "report.page.checks": ("Checks", "检查"),
    "report.page.checks_ran": ("Ran: {names}", "已完成：{names}"),
    "report.page.checks_not_applicable": ("Does not apply: {names}", "不适用：{names}"),
    "report.page.checks_not_run": ("Not run: {names}", "未运行：{names}"),
    "report.page.advisory": ("Advisory indicators (leads for a human examiner, never a verdict)",
                             "参考性指标（供人工核查的线索，绝非结论）"),
    "report.page.reference_hash": ("Reference file SHA-256: {sha}", "参考文件 SHA-256：{sha}"),
    "report.page.appendix_ref": ("Full details: technical appendix, section A{n}.", "完整细节：技术附录第 A{n} 节。"),
    "report.page.compare_file": ("This file: the region it shares", "本文件：相同的区域"),
    "report.page.compare_reference": ("Reference {name}: the same region", "参考文件 {name}：相同的区域"),
    "report.page.picture": ("The file as analysed", "所分析的文件"),
    "report.page.picture_outlined": ("The file as analysed; outlined: {what}", "所分析的文件；框出：{what}"),
    "report.page.outline_label": ("{n}: {what}", "第 {n} 处：{what}"),
    "report.page.visible_label": ("visible label {text}", "可见标识 {text}"),
    "report.page.visible_logo": ("logo {text}", "标志 {text}"),
    "report.page.no_picture.member": (
        "No picture: the files inside a container are read from it and not kept; pictures of what was found are "
        "below.", "无图片：容器内的文件仅在分析时读取，不予保留；所发现内容的图片见下文。"),
    "report.page.no_picture.unreadable": ("No picture: the file could not be shown.", "无图片：无法显示该文件。"),
    "report.page.no_picture.none": ("No picture: none was made for this report.", "无图片：本报告未生成图片。"),
    "report.page.found_pictures": ("What was found", "所发现的内容"),
    "report.kind.image": ("Picture", "图片"),
    "report.kind.video": ("Video", "视频"),
    "report.kind.audio": ("Audio", "音频"),
    "report.kind.text": ("Text", "文本"),
    "report.kind.document": ("Document", "文档"),
    "report.kind.email": ("E-mail", "电子邮件"),
    "report.kind.archive": ("Archive", "压缩包"),
    "report.kind.other": ("File", "文件"),
    "report.cover.files": ("Files in this report", "本报告中的文件"),
    "report.cover.member_of": ("(inside {parent})", "（位于 {parent} 之内）"),
    "report.appendix": ("Technical appendix", "技术附录"),
    "report.appendix.intro": (
        "Every finding in full, for a specialist. Values read from the files are shown as found; they may have "
        "been written by anyone.", "供专业人员查阅的全部发现。从文件中读取的值按原样显示，可能由任何人写入。"),
    "report.appendix.file": ("A{n}. {name}", "附录 A{n}：{name}"),
    "report.appendix.tool": ("A0. The tool, its trust lists and how to read this report",
                             "A0. 工具、信任列表与本报告的阅读方法"),
    "report.parent": ("Inside", "所在容器"),
}
