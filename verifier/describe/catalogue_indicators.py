"""Phrases for the advisory indicators and the forensic views (merged into the one catalogue).

Grouped apart so that they can be moved; keys follow the catalogue's ``kind.code`` scheme. None of
them calls a file fake or authentic: indicators are leads for a human examiner, views are pictures.
"""

from __future__ import annotations

TEXT: dict[str, tuple[str, str]] = {
    # ---- the forensic checks' names ---------------------------------------------------------
    # ---- the section ------------------------------------------------------------------------
    "indicator.heading": ("Advisory indicators", "参考性指标"),
    "indicator.advisory": (
        "Forensic traces of editing or reuse, for a human examiner to weigh. They never change the verdict and "
        "do not say that a file is fake or authentic; a missing indicator proves nothing either.",
        "编辑或再利用留下的取证痕迹，供人工审查时参考。它们不会改变结论，也不表示文件是伪造的或真实的；"
        "没有指标同样不能说明任何问题。"),
    "indicator.none": ("No indicator was raised. This does not show that the picture is unedited.",
                       "未发现任何指标。这并不表示图片未经编辑。"),
    "indicator.not_applicable": ("No forensic check applies to this type of file.", "没有适用于此类文件的取证检查。"),
    "indicator.column.finding": ("Indicator", "指标"),
    "indicator.column.value": ("Value", "值"),
    "indicator.note": ("indicators: {list}", "指标：{list}"),
    # ---- each indicator ---------------------------------------------------------------------
    "indicator.short.forensic.double_jpeg": ("double JPEG", "JPEG 二次压缩"),
    "indicator.short.forensic.thumbnail_mismatch": ("thumbnail differs", "缩略图不符"),
    "indicator.short.forensic.copy_move": ("copy-move", "区域复制"),
    "indicator.short.forensic.recapture": ("screenshot/recapture", "截屏/翻拍"),
    "indicator.short.reference.match": ("reference match", "参考照片匹配"),
    "indicator.summary.forensic.double_jpeg": (
        "The compression traces suggest the picture was saved as JPEG at least twice (an edit-and-resave trace). "
        "Re-saving is common (editors, messaging apps) and says nothing about what, if anything, was changed.",
        "压缩痕迹表明图片至少两次以 JPEG 格式保存（编辑后重新保存的痕迹）。重新保存十分常见（编辑软件、即时通讯应用），"
        "并不能说明改动了什么，甚至不能说明是否有改动。"),
    "indicator.summary.forensic.double_jpeg.quality": (
        "The compression traces suggest the picture was saved as JPEG at least twice, first at about quality {q} "
        "(an edit-and-resave trace). Re-saving is common (editors, messaging apps) and says nothing about what, if "
        "anything, was changed.",
        "压缩痕迹表明图片至少两次以 JPEG 格式保存，第一次的质量约为 {q}（编辑后重新保存的痕迹）。重新保存十分常见"
        "（编辑软件、即时通讯应用），并不能说明改动了什么，甚至不能说明是否有改动。"),
    "indicator.summary.forensic.thumbnail_mismatch": (
        "The thumbnail stored in the EXIF data differs from the picture (difference {d}): the picture was cropped "
        "or edited after the thumbnail was written, or the thumbnail was replaced.",
        "EXIF 数据中保存的缩略图与图片不一致（差异 {d}）：图片在写入缩略图之后被裁剪或编辑过，或缩略图被替换过。"),
    "indicator.summary.forensic.copy_move": (
        "Two regions of the picture, A and B, look alike, as if one were copied onto the other ({n} matching "
        "points). Repetitive scenes (facades, tiles, text) can cause this.",
        "画面中的区域 A 与区域 B 看起来相同，像是其中一个被复制到另一个位置（{n} 个匹配点）。"
        "重复性的场景（建筑立面、瓷砖、文字）也可能造成这种结果。"),
    "indicator.summary.forensic.recapture": (
        "Hints that the picture is a screenshot or a photo of a screen: {hints}. That is not an edit, but the "
        "picture is then not the original file.",
        "有迹象表明图片是截屏或翻拍屏幕所得：{hints}。这不属于编辑，但说明该图片并非原始文件。"),
    "indicator.summary.reference.match.duplicate": (
        "The whole picture matches the reference photo {reference} (possibly re-encoded, resized or cropped; "
        "{n} matching points).",
        "整幅图片与参考照片 {reference} 相符（可能经过重新编码、缩放或裁剪；{n} 个匹配点）。"),
    "indicator.summary.reference.match.partial": (
        "A region of this picture matches a region of the reference photo {reference} ({n} matching points).",
        "图片中的一个区域与参考照片 {reference} 中的一个区域相符（{n} 个匹配点）。"),
    "indicator.region.source": ("region A", "区域 A"),
    "indicator.region.copy": ("region B", "区域 B"),
    "indicator.region.reference": ("shared with the reference", "与参考照片相同"),
    "value.hint.screen_size": ("the size of a common screen", "尺寸与常见屏幕相同"),
    "value.hint.no_camera_facts": ("no camera data", "没有相机信息"),
    "value.hint.screenshot_tool": ("a screenshot tool named in the metadata", "元数据中写有截屏工具"),
    "value.hint.player_timecode": ("a media player's timecode in the picture", "画面中有播放器的时间码"),
    "value.match_kind.duplicate": ("the whole picture", "整幅图片"),
    "value.match_kind.partial": ("a region", "一个区域"),
    # ---- detail labels of the indicators and the face facts ---------------------------------
    "detail.kind": ("What matches", "匹配范围"),
    "detail.pixels": ("Pixels measured", "测量的像素数"),
    "detail.noise": ("Noise level (grey levels)", "噪声水平（灰度级）"),
    "detail.grid_offset": ("JPEG grid offset (x, y)", "JPEG 网格偏移（x, y）"),
    "detail.grid_strength": ("JPEG grid strength (x, y; 1 = no grid)", "JPEG 网格强度（x, y；1 表示无网格）"),
    # ---- the forensic views' facts ----------------------------------------------------------
    "detail.view_size": ("Size of the views (pixels)", "视图尺寸（像素）"),
    "detail.measured_on": ("Measured on a scaled copy of (pixels)", "在缩小的副本上测量（像素）"),
    "detail.error_level": ("Error levels", "误差等级分析"),
    "detail.quality": ("JPEG quality of the re-save", "重新保存的 JPEG 质量"),
    "detail.gain": ("Amplification", "放大倍数"),
    "detail.max_difference": ("Largest difference (grey levels)", "最大差值（灰度级）"),
    "detail.mean_difference": ("Mean difference (grey levels)", "平均差值（灰度级）"),
    "detail.noise_residual": ("Noise residual", "噪声残差"),
    "detail.filter": ("Filter", "滤波器"),
    "detail.white_at": ("Shown as white from (grey levels)", "显示为白色的起点（灰度级）"),
    "detail.faces": ("Faces", "人脸"),
    "detail.finder": ("Face finder", "人脸检测器"),
    "detail.not_looked_for": ("Not looked for", "未查找"),
    "detail.opencv": ("OpenCV version", "OpenCV 版本"),
    "detail.regions": ("Regions", "区域"),
    "detail.rest": ("Rest of the picture", "图片其余部分"),
    "detail.noise_ratio": ("Noise level, face / rest", "噪声水平之比（人脸 / 其余部分）"),
    "detail.compared": ("Compared with the rest (large enough)", "已与其余部分比较（尺寸足够）"),
    "detail.differs": ("Differs from the rest in", "与其余部分不同之处"),
    "detail.differ": ("Faces that differ from the rest", "与其余部分不同的人脸数"),
    "value.differs.grid_offset": ("JPEG grid offset", "JPEG 网格偏移"),
    "value.differs.grid_strength": ("JPEG grid strength", "JPEG 网格强度"),
    "value.differs.none": ("no measured difference", "所测各项均无差异"),
    # ---- the forensic views -----------------------------------------------------------------
    "view.heading": ("Forensic views", "取证视图"),
    "view.note": (
        "Pictures for a human eye, not verdicts: no indicator is raised from them, and a bright or dark area "
        "proves nothing by itself.",
        "供人眼查看的图像，而非结论：不会据此产生任何指标，某个区域偏亮或偏暗本身不能证明任何事情。"),
    "view.title.error_level": ("Error levels", "误差等级分析"),
    "view.title.noise_residual": ("Noise residual", "噪声残差"),
    "view.title.faces": ("Faces", "人脸"),
    "view.how.error_level": (
        "The picture re-saved as JPEG at quality {q}; the difference, amplified {g} times. Areas saved fewer times "
        "than the rest tend to be brighter; edges, text and fine texture are bright in every picture.",
        "将图片以质量 {q} 重新保存为 JPEG，并把两者之差放大 {g} 倍。保存次数少于其余部分的区域往往更亮；"
        "边缘、文字和细密纹理在任何图片中都较亮。"),
    "view.how.noise_residual": (
        "The picture minus a median-filtered copy of itself: sensor noise and fine texture. An area with visibly "
        "different noise stands apart.",
        "图片减去其中值滤波后的副本：即传感器噪声与细密纹理。噪声明显不同的区域会显得突出。"),
    "view.how.faces": ("Frontal faces found automatically, numbered as in the facts below.",
                       "自动检测到的正面人脸，编号与下方数据一致。"),
    "view.face": ("Face {n}", "人脸 {n}"),
    "view.face.outline": ("Face {n}: noise {noise} (rest {rest_noise}), grid {grid} (rest {rest_grid})",
                          "人脸 {n}：噪声 {noise}（其余 {rest_noise}），网格 {grid}（其余 {rest_grid}）"),
    "view.face.outline.differs": ("{face}; differs from the rest in {what}", "{face}；与其余部分不同：{what}"),
    "view.rest": ("Rest of the picture", "图片其余部分"),
    "view.faces.none": ("No frontal face was found (faces turned away or small are missed).",
                        "未发现正面人脸（侧脸或较小的人脸会被漏检）。"),
    "view.faces.not_looked_for": ("Faces were not looked for ({version}).", "未查找人脸（{version}）。"),
    "view.faces.not_looked_for.no_classifier": (
        "Faces were not looked for: this build ({version}) has no cascade classifier.",
        "未查找人脸：此版本（{version}）不含级联分类器。"),
    "view.faces.not_looked_for.no_cascade": (
        "Faces were not looked for: this build ({version}) ships no face cascade.",
        "未查找人脸：此版本（{version}）未附带人脸级联模型。"),
    "view.faces.not_looked_for.unloadable": (
        "Faces were not looked for: the face cascade of this build ({version}) could not be loaded.",
        "未查找人脸：无法加载此版本（{version}）的人脸级联模型。"),
}
