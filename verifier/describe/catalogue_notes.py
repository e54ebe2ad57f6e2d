"""Phrases for the notes, caveats and privacy reasons that the core records as codes
(``value.note.<code>``, ``value.verified.<code>``, ``privacy.why.<code>``), in English and Chinese.
Merged into :data:`verifier.describe.catalogue.TEXT`."""

from __future__ import annotations

TEXT: dict[str, tuple[str, str]] = {
    # notes the checks record beside their facts
    "value.note.dwtdct_fragile": (
        "the dwtDct mark is fragile: JPEG recompression removes it from most images (it was found in 35 % of marked "
        "test images after quality 90, 13 % after quality 75), and resizing or a crop that changes the width removes "
        "it: not finding it proves nothing",
        "dwtDct 水印很脆弱：JPEG 重新压缩会使大多数图片中的水印消失（质量 90 重压缩后，在 35% 的带水印测试图片中仍能找到；"
        "质量 75 后仅 13%），缩放或改变宽度的裁剪也会去除水印：未找到水印不能说明任何问题"),
    "value.note.exif_no_time_zone": (
        "no time zone in the EXIF: agreement holds up to the local time zone",
        "EXIF 中没有时区信息：时间是否一致只能精确到当地时区"),
    "value.note.email_headers_unverified": (
        "Header values are written by the sender and any server on the way; only the top Received lines come from "
        "the receiving side. DKIM signatures cannot be verified offline.",
        "邮件头的值由发件人及途经的任何服务器写入；只有最上面的几行 Received 来自收件方。DKIM 签名无法离线验证。"),
    "value.verified.offline_unverifiable": ("cannot be verified offline", "无法离线验证"),
    "value.verified.format_unconfirmed": (
        "not verified here: the signed message format is not confirmed; and since the key travels with the file, a "
        "match could only show the label is self-consistent, never who made it",
        "未在此验证：签名消息的格式尚未确认；而且密钥随文件一起传递，即使匹配也只能说明标识自洽，无法说明是谁制作的"),
    "value.note.cawg_identity_offline": ("identity claims are not resolved offline; this is not tampering",
                                         "身份声明无法离线解析；这不属于篡改"),
    "value.note.sorted_keys": ("keys are in alphabetical order (as the Qwen app and some ByteDance tools write them); "
                               "any order is allowed",
                               "键按字母顺序排列（通义千问应用和部分字节跳动工具就是这样写的）；任何顺序都是允许的"),
    "value.reason.standalone_store": (
        "standalone manifest store: its asset was not given, so the content binding cannot be checked",
        "独立的清单存储：未提供其对应的资产，因此无法检查内容绑定"),
    "detail.why_code": ("Why it matters", "为何重要"),
    "detail.why_field": ("Field", "字段"),
    # why a field may identify a person, a place or a device
    "privacy.why.artist": ("names a person (EXIF Artist)", "指名了某个人（EXIF 作者字段）"),
    "privacy.why.copyright": ("may name a person", "可能指名了某个人"),
    "privacy.why.owner": ("names the camera's owner", "指名了相机的所有者"),
    "privacy.why.serial_camera": ("a serial number ties the file to one camera", "序列号可将文件关联到某一台相机"),
    "privacy.why.serial_device": ("a serial number ties the file to one device", "序列号可将文件关联到某一台设备"),
    "privacy.why.serial_lens": ("a serial number ties the file to one lens", "序列号可将文件关联到某一支镜头"),
    "privacy.why.author": ("names a person (for Midjourney: the account holder's name)",
                           "指名了某个人（对 Midjourney 而言：账户持有人的姓名）"),
    "privacy.why.byline": ("names a person (IPTC-IIM By-line: the photographer or author)",
                           "指名了某个人（IPTC-IIM By-line：摄影者或作者）"),
    "privacy.why.writer_editor": ("names a person (IPTC-IIM Writer-Editor: who wrote the caption)",
                                  "指名了某个人（IPTC-IIM Writer-Editor：图片说明的撰写者）"),
    "privacy.why.creator": ("names a person (XMP/document creator)", "指名了某个人（XMP 或文档的创建者）"),
    "privacy.why.last_editor": ("names the last editor", "指名了最后一位编辑者"),
    "privacy.why.person_or_tool": ("names a person or tool", "指名了某个人或某个工具"),
    "privacy.why.prompt_writer": ("names the person who wrote the AI prompt", "指名了撰写 AI 提示词的人"),
    "privacy.why.host_computer": ("names the computer used", "指名了所用的计算机"),
    "privacy.why.place": ("a place", "一个地点"),
    "privacy.why.gps": ("GPS position: where the file was made", "GPS 位置：文件的制作地点"),
    "privacy.why.internal_ip": ("a private network address: reveals an internal network",
                                "私有网络地址：暴露了内部网络"),
    "privacy.why.internal_host": ("an internal host name", "内部主机名"),
    "privacy.why.origin_ip": ("the IP address the sender wrote from", "发件人写信时所用的 IP 地址"),
    "privacy.why.mail_program": ("the sender's mail program and version", "发件人的邮件程序及其版本"),
    "privacy.why.address": ("an e-mail address or name", "电子邮件地址或姓名"),
    "privacy.field.received_hop": ("Received (hop {n})", "Received（第 {n} 跳）"),
    "overview.in_member": ("Nothing was found in this file's own content; its verdict comes from a file inside it: "
                           "{member}. Select that file in the queue to see the finding.",
                           "此文件本身的内容中未发现信号；其结论来自其中包含的文件：{member}。请在队列中选择该文件查看详情。"),
    # why a check did not apply or could not be done (the detector's English stays as a technical detail)
    "reason.no_reference_folder": ("no reference folder was given", "未指定参考照片文件夹"),
    "reason.stills_only": ("reference photos are compared with still pictures only",
                           "参考照片只与静态图片比对"),
    "reason.no_audio": ("the file holds no audio", "文件中没有音频"),
    "reason.audio_undecodable": ("the audio could not be decoded", "无法解码音频"),
    "reason.pixels_undecodable": ("the pixels of this file could not be decoded", "无法解码此文件的像素"),
    "reason.video_unreadable": ("the video could not be opened", "无法打开该视频"),
    "reason.no_frames": ("the video declares no frames (an init segment or an audio-only file)",
                         "视频中没有画面帧（初始化片段或纯音频文件）"),
    "reason.too_small_for_dwtdct": ("{width} x {height} is smaller than the 256 x 256 the dwtDct scheme needs",
                                    "{width} x {height} 小于 dwtDct 方案所需的 256 x 256"),
    "reason.lossy_video": ("lossy video codec ({codec}): a dwtDct watermark does not survive it, so frames were "
                           "not checked", "有损视频编码（{codec}）：dwtDct 水印无法在其中留存，因此未检查画面帧"),
    # why metadata names a generator ({field}: the field as the file names it)
    "generator.why.params_in_field": ("{field} holds {generator}'s generation parameters",
                                      "字段 {field} 中保存着 {generator} 的生成参数"),
    "generator.why.node_graph": ("a {generator} node graph in {field}", "{field} 中有 {generator} 的节点图"),
    "generator.why.setting_names": ("text chunks with {generator}'s setting names",
                                    "文本块中带有 {generator} 的设置项名称"),
    "generator.why.stealth_alpha": ("data hidden in the alpha channel names {generator}",
                                    "隐藏在透明通道中的数据指明了 {generator}"),
    "generator.why.names_generator": ("{field} names {generator}", "字段 {field} 指明了 {generator}"),
    "generator.why.job_id": ("{field} with a {generator} Job ID", "字段 {field} 中带有 {generator} 的任务编号"),
    "generator.why.grok_pattern": (
        "EXIF Artist is a bare UUID and the description is a signature in base64, the pattern of {generator} "
        "output; nothing in the file names the generator",
        "EXIF 作者字段只有一个通用唯一识别码，描述字段是一段 base64 编码的签名，这是 {generator} 输出的特征；"
        "文件中没有任何地方写明生成工具"),
    # guessed names: the detectors' markers of a guess, in words
    "value.guess.unverified_mapping": ("{name} (a guess from an unverified third-party mapping of this USCC)",
                                       "{name}（根据未经核实的第三方 USCC 对照表推测）"),
    "value.guess.seen_in_labels": ("{name} (a name seen in real labels; the file states it, nobody vouches for it)",
                                   "{name}（在真实标识中出现过的名称；由文件自称，无人担保）"),
    "value.guess.visible_mark": ("{name} (a guess from the visible mark)", "{name}（根据可见标记推测）"),
    "value.guess.logo": ("{name} (a guess from the logo)", "{name}（根据标志推测）"),
    "value.guess.metadata_pattern": ("{name} (inferred from a metadata pattern)", "{name}（根据元数据特征推断）"),
    "value.guess.plain": ("{name} (a guess)", "{name}（推测）"),
}
