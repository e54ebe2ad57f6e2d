"""Wording of the HTML and PDF reports, in English and Simplified Chinese.

Verdict headlines and explanations come from :mod:`verifier.messages`; this module holds only
the report's own labels. Every key exists in both languages (a test checks it).
"""

from __future__ import annotations

from ..messages import LANGS, pick  # noqa: F401 - LANGS: the report languages, read by outline.py

TEXT: dict[str, dict[str, str]] = {
    "title": {"en": "Provenance report", "zh": "来源核查报告"},
    "subtitle": {
        "en": "Identifiers of AI generation and Content Credentials found in the files below, and how far they can be trusted.",
        "zh": "以下文件中发现的人工智能生成标识与内容凭证，以及其可信程度。",
    },
    "generated_at": {"en": "Report created (UTC)", "zh": "报告生成时间（UTC）"},
    "tool": {"en": "Tool", "zh": "工具"},
    "c2pa_sdk": {"en": "C2PA SDK", "zh": "C2PA 软件库"},
    # network isolation of the detectors (about.tool_info "network"; docs/OFFLINE.md)
    "network": {"en": "Network access", "zh": "网络访问"},
    "network_enforced": {"en": "none (OS-enforced: {how})", "zh": "无（由操作系统强制：{how}）"},
    "network_in_process": {"en": "blocked in-process only ({how})", "zh": "仅在进程内阻断（{how}）"},
    "netns_user": {"en": "user+network namespace", "zh": "用户命名空间＋网络命名空间"},
    "netns": {"en": "network namespace", "zh": "网络命名空间"},
    "trust_lists": {"en": "Trust lists", "zh": "信任列表"},
    "trust_list": {"en": "Trust list", "zh": "信任列表"},
    "sha256_prefix": {"en": "SHA-256 prefix", "zh": "SHA-256 前缀"},
    "no_trust_lists": {
        "en": "No trust list was loaded: no C2PA signer could be recognised as trusted.",
        "zh": "未加载信任列表：无法将任何 C2PA 签名者识别为可信。",
    },
    "summary": {"en": "Summary", "zh": "概览"},
    "files_count": {"en": "Files analysed: {n}", "zh": "已分析文件：{n} 个"},
    "no_files": {"en": "No file was analysed.", "zh": "未分析任何文件。"},
    "file": {"en": "File", "zh": "文件"},
    "path": {"en": "Path", "zh": "路径"},
    "sha256": {"en": "SHA-256", "zh": "SHA-256"},
    "size": {"en": "Size", "zh": "大小"},
    "size_value": {"en": "{n} bytes", "zh": "{n} 字节"},
    "media_type": {"en": "Media type", "zh": "媒体类型"},
    "analysed_at": {"en": "Analysed at (UTC)", "zh": "分析时间（UTC）"},
    "read_error": {"en": "Could not be read", "zh": "无法读取"},
    "verdict": {"en": "Verdict", "zh": "结论"},
    "code": {"en": "Code", "zh": "代码"},
    "strength": {"en": "Strength", "zh": "依据强度"},
    "not_authenticity": {
        "en": "Finding no signal is NOT evidence that the file is authentic.",
        "zh": "未发现信号并不能证明文件是真实的。",
    },
    "unchecked": {"en": "Checks that could not run", "zh": "未能完成的检查"},
    "unchecked_none": {"en": "All checks ran.", "zh": "所有检查均已完成。"},
    "signals": {"en": "Signals", "zh": "信号"},
    "no_signal_list": {"en": "No signal was found.", "zh": "未发现任何信号。"},
    "signal": {"en": "Signal", "zh": "信号"},
    "detector": {"en": "Detector", "zh": "检测器"},
    "confidence": {"en": "Confidence", "zh": "置信类型"},
    "claim": {"en": "Claim", "zh": "主张"},
    "basis": {"en": "Basis", "zh": "依据"},
    "details": {"en": "Details", "zh": "详情"},
    "detectors": {"en": "Checks run", "zh": "已运行的检查"},
    "status": {"en": "Status", "zh": "状态"},
    "time_ms": {"en": "Time (ms)", "zh": "耗时（毫秒）"},
    "message": {"en": "Message", "zh": "信息"},
    "facts": {"en": "Facts", "zh": "事实信息"},
    "facts_of": {"en": "Facts: {name}", "zh": "事实信息：{name}"},
    "attachments": {"en": "Thumbnails and attachments", "zh": "缩略图与附件"},
    "attachment_skipped": {
        "en": "{name} ({mime}, {size} bytes): not shown, the data is not a valid PNG or JPEG image.",
        "zh": "{name}（{mime}，{size} 字节）：未显示，数据不是有效的 PNG 或 JPEG 图像。",
    },
    "attachment_not_embedded": {
        "en": "{name} ({mime}, {size} bytes): data not included in this report.",
        "zh": "{name}（{mime}，{size} 字节）：本报告未包含其数据。",
    },
    "attachment_too_large": {
        "en": "{name} ({mime}, {size} bytes, {w}×{h} pixels): not shown, too large for a report.",
        "zh": "{name}（{mime}，{size} 字节，{w}×{h} 像素）：图像过大，报告中未显示。",
    },
    "attachment_broken": {
        "en": "{name}: not shown, the image data could not be decoded.",
        "zh": "{name}：未显示，图像数据无法解码。",
    },
    "attachment_missing": {"en": "{name}: not available", "zh": "{name}：不可用"},
    "truncated": {"en": "… ({n} more characters not shown)", "zh": "……（另有 {n} 个字符未显示）"},
    "more_items": {"en": "… ({n} more entries not shown)", "zh": "……（另有 {n} 项未显示）"},
    "too_deep": {"en": "… (nested too deeply to show)", "zh": "……（嵌套过深，未显示）"},
    "empty": {"en": "(empty)", "zh": "（空）"},
    "yes": {"en": "yes", "zh": "是"},
    "no": {"en": "no", "zh": "否"},
    "page": {"en": "Page {n} of {total}", "zh": "第 {n} 页，共 {total} 页"},
    # C2PA facts
    "c2pa_state": {"en": "Validation state", "zh": "验证状态"},
    "legacy_binding": {"en": "Older signer's layout", "zh": "较早签名程序的排除范围"},
    "active_manifest": {"en": "Active manifest", "zh": "当前清单"},
    "status_codes": {"en": "Validation status codes", "zh": "验证状态码"},
    "manifest": {"en": "Manifest", "zh": "清单"},
    "manifest_title": {"en": "Title", "zh": "标题"},
    "signer": {"en": "Signer", "zh": "签名者"},
    "issuer": {"en": "Issuer", "zh": "签发机构"},
    "issued_on": {"en": "Signed on", "zh": "签名时间"},
    "claim_generator": {"en": "Claim generator", "zh": "声明生成工具"},
    "actions": {"en": "Actions", "zh": "操作"},
    "ai_tools": {"en": "AI tools", "zh": "人工智能工具"},
    "ingredients": {"en": "Ingredients", "zh": "素材来源"},
    "thumbnail": {"en": "Thumbnail", "zh": "缩略图"},
    "ingredient": {"en": "Ingredient", "zh": "素材"},
    "more_facts": {"en": "Other properties", "zh": "其他属性"},
    # metadata facts
    "metadata_fields": {"en": "Metadata fields", "zh": "元数据字段"},
    "group": {"en": "Group", "zh": "分组"},
    "key": {"en": "Field", "zh": "字段"},
    "value": {"en": "Value", "zh": "值"},
    "privacy": {"en": "Privacy-sensitive fields", "zh": "涉及隐私的字段"},
    "why": {"en": "Why it matters", "zh": "原因"},
    # how to read
    "howto": {"en": "How to read this report", "zh": "如何阅读本报告"},
    "howto_intro": {
        "en": "Each file gets one verdict. Its strength says what the verdict rests on, from strongest to weakest:",
        "zh": "每个文件有一个结论。依据强度说明结论所依据的内容，由强到弱依次为：",
    },
    "howto_signed": {
        "en": "signed: a C2PA Content Credential whose cryptographic signature still matches the file. The statement is bound to this exact file; whether to believe the signer depends on the trust list.",
        "zh": "签名（signed）：加密签名仍与文件相符的 C2PA 内容凭证。该声明与此文件绑定；是否相信签名者取决于信任列表。",
    },
    "howto_watermark": {
        "en": "watermark: an invisible watermark decoded from the pixels or samples. It survives some editing, but the decoder's confidence is stated.",
        "zh": "水印（watermark）：从像素或音频采样中解出的隐式水印。它能经受部分编辑，报告会给出解码置信度。",
    },
    "howto_visible": {
        "en": "visible: a label that can be seen or heard in the content itself (for example “AI生成”). Anyone can crop it away or paint it on.",
        "zh": "显式（visible）：内容本身可见或可听的标识（如“AI生成”）。任何人都可以裁掉或添加。",
    },
    "howto_metadata": {
        "en": "metadata: unsigned metadata or a credential whose signature is broken. Anyone can add, change or remove it.",
        "zh": "元数据（metadata）：未签名的元数据，或签名已失效的凭证。任何人都可以添加、修改或删除。",
    },
    "howto_absence": {
        "en": "The absence of signals proves nothing: labels and credentials are easily stripped (a screenshot or re-upload removes most of them), and many generators add none. A check that could not run is listed as such and is never counted as “nothing found”.",
        "zh": "没有信号不能证明任何事情：标识和凭证很容易被去除（截图或重新上传会去掉大多数），许多生成工具也不添加标识。未能运行的检查会如实列出，绝不会被当作“未发现”。",
    },
    "howto_hash": {
        "en": "The SHA-256 identifies the exact file analysed: a copy with a different hash is a different file and may give a different result.",
        "zh": "SHA-256 标识所分析的确切文件：哈希值不同的副本即为不同的文件，结果可能不同。",
    },
}

STATUS: dict[str, dict[str, str]] = {
    "ok": {"en": "ran", "zh": "已完成"},
    "not_applicable": {"en": "not applicable", "zh": "不适用"},
    "error": {"en": "error", "zh": "出错"},
    "timeout": {"en": "timed out", "zh": "超时"},
    "skipped": {"en": "skipped", "zh": "已跳过"},
}

STRENGTH: dict[str, dict[str, str]] = {
    "signed": {"en": "signed", "zh": "签名"},
    "watermark": {"en": "watermark", "zh": "水印"},
    "visible": {"en": "visible label", "zh": "显式标识"},
    "metadata": {"en": "metadata", "zh": "元数据"},
    "none": {"en": "none", "zh": "无"},
}

CONFIDENCE: dict[str, dict[str, str]] = {
    "declared": {"en": "declared", "zh": "声明"},
    "detected": {"en": "detected", "zh": "检测"},
    "possible": {"en": "possible", "zh": "可能"},
    "info": {"en": "information", "zh": "信息"},
}

CLAIM: dict[str, dict[str, str]] = {
    "ai_generated": {"en": "AI-generated", "zh": "人工智能生成"},
    "ai_modified": {"en": "edited with AI", "zh": "经人工智能编辑"},
    "ai_possible": {"en": "possibly AI", "zh": "可能为人工智能生成"},
    "none": {"en": "no AI claim", "zh": "无人工智能主张"},
}

SIGNAL_NAMES: dict[str, dict[str, str]] = {
    "c2pa.manifest": {"en": "C2PA manifest store", "zh": "C2PA 清单存储"},
    "c2pa.ai_generated": {"en": "C2PA: AI-generated", "zh": "C2PA：人工智能生成"},
    "c2pa.ai_modified": {"en": "C2PA: edited with AI", "zh": "C2PA：经人工智能编辑"},
    "c2pa.capture": {"en": "C2PA: camera capture", "zh": "C2PA：相机拍摄"},
    "c2pa.trusted": {"en": "C2PA: trusted signer", "zh": "C2PA：可信签名者"},
    "c2pa.untrusted_signer": {"en": "C2PA: signer not on a trust list", "zh": "C2PA：签名者不在信任列表中"},
    "c2pa.cert_expired": {"en": "C2PA: certificate expired", "zh": "C2PA：证书已过期"},
    "c2pa.invalid": {"en": "C2PA: fails validation", "zh": "C2PA：验证失败"},
    "c2pa.remote": {"en": "C2PA: remote manifest (not fetched)", "zh": "C2PA：远程清单（未获取）"},
    "c2pa.legacy_binding": {"en": "C2PA: older signer's layout, image data as signed",
                            "zh": "C2PA：较早签名程序的排除范围，图像数据与签名一致"},
    "gb45438.label": {"en": "GB 45438 implicit label", "zh": "GB 45438 隐式标识"},
    "iptc.ai": {"en": "IPTC AI source type", "zh": "IPTC 人工智能来源类型"},
    "generator.metadata": {"en": "Generator metadata", "zh": "生成工具元数据"},
    "watermark.invisible": {"en": "Invisible watermark", "zh": "隐式水印"},
    "visible_label": {"en": "Visible label", "zh": "显式标识"},
    "audio.cue": {"en": "Audio label", "zh": "音频标识"},
    "text.label": {"en": "Text label", "zh": "文本标识"},
}


def t(key: str, lang: str, **params: object) -> str:
    """The label ``key`` in ``lang``, formatted with ``params`` (which are never re-parsed)."""
    text = pick(TEXT[key], lang)
    return text.format(**params) if params else text


def term(table: dict[str, dict[str, str]], value: str, lang: str) -> str:
    """A localised enum value; an unknown value is shown as it is."""
    entry = table.get(value)
    return pick(entry, lang) if entry else value
