"""The queue's rows: a row without a thumbnail keeps the room of one, so the names of sibling rows
(an e-mail's attachments, an archive's members) start at the same place in both languages."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from tests.ui import reports
from ui import i18n
from ui.entry import FileEntry
from ui.widgets.queue_list import THUMB_SIDE, QueueList
from verifier.evidence import Attachment, Evidence, Status


def name_left(queue: QueueList, uid: int) -> int:
    """Where a row's name starts in the view (after its indentation and its thumbnail)."""
    index = queue.indexFromItem(queue._items[uid], 0)
    option = QStyleOptionViewItem()
    queue.initViewItemOption(option)
    option.rect = queue.visualRect(index)
    queue.itemDelegateForIndex(index).initStyleOption(option, index)
    return queue.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, queue).left()


def member(uid: int, name: str, parent: int, *evidence: Evidence) -> FileEntry:
    """A video found in an e-mail: its thumbnail can only be one a check kept."""
    m = reports.media(name, "video/mp4", family="isobmff")
    m = replace(m, path=Path("/evidence/mail.eml#attachment") / name)
    rep = reports.report(m, *evidence)
    return FileEntry(uid, m.path, m, tuple(e.detector for e in rep.evidence),
                     {e.detector: e for e in rep.evidence}, rep, parent=parent)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_sibling_rows_line_up_with_and_without_a_thumbnail(qtbot, language):
    i18n.install(language)
    try:
        queue = QueueList()
        qtbot.addWidget(queue)
        queue.resize(500, 300)
        queue.show()
        container = FileEntry(1, Path("/evidence/mail.eml"))
        queue.add(container)
        def kept(size: tuple[int, int]) -> Evidence:
            thumb = Attachment("c2pa-claim-thumbnail.png", "image/png", reports.png_bytes(size=size))
            return Evidence("c2pa", Status.OK, attachments=(thumb,))

        queue.add(member(2, "1/a.mp4", 1, kept((40, 30))))
        queue.add(member(3, "2/b.mp4", 1))
        queue.add(member(4, "3/c.mp4", 1, kept((6, 4))))  # smaller than a thumbnail: not enlarged
        qtbot.waitUntil(lambda: queue.thumbnail_of(2) is not None and queue.thumbnail_of(4) is not None,
                        timeout=10_000)
        assert queue.thumbnail_of(3) is None and queue.thumbnail_of(1) is None  # no picture of their own
        assert name_left(queue, 2) == name_left(queue, 3) == name_left(queue, 4)
        assert name_left(queue, 2) > name_left(queue, 1)  # members are indented under their container
        blank = queue._items[3].icon(0).availableSizes()
        assert blank and max(blank[0].width(), blank[0].height()) == THUMB_SIDE
    finally:
        i18n.install("en")
