"""Overview: every signal, grouped by how strongly it is anchored (weak heuristics apart), the
selected finding in full below, and beside them the file's picture with every found box outlined
(decoded off the GUI thread, at most PREVIEW_SIDE pixels a side)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QSplitter, QTreeWidgetItem, QVBoxLayout, QWidget

from .. import presenters
from ..picture_loader import PictureLoader
from ..presenters import Group, PictureView, Row
from .common import make_tree, plain_label, safe_tooltip
from .finding_details import FindingDetails
from .outlines import outlined_picture
from .watermark_panel import ImageView

GROUP_TINT = {"problems": "#f3e5f5", "signed": "#e8f5e9", "watermark": "#e3f2fd", "visible": "#e3f2fd",
              "metadata": "#fff8e1", "weak": "#fbe9e7", "info": "#f5f5f5"}
ROLE_INDEX = Qt.ItemDataRole.UserRole + 1  # index of a finding row into ``self.rows``
ROLE_GROUP = Qt.ItemDataRole.UserRole  # key of a group head
PREVIEW_SIDE = 1024  # pixels a side of the decoded preview
PREVIEWS_KEPT = 6  # decoded previews kept (about 4 MB each at most)
PICTURE_SHARE = 0.38  # of the panel's width, for the picture


class OverviewPanel(QWidget):
    """Bound to a tuple of :class:`~ui.presenters.Group` (``set_groups``) and a
    :class:`~ui.presenters.PictureView` (``set_picture``)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.empty = plain_label(parent=self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)  # not adrift mid-panel
        self.tree = make_tree([QCoreApplication.translate("Overview", "Finding"),
                               QCoreApplication.translate("Overview", "What it says"),
                               QCoreApplication.translate("Overview", "Confidence")], self)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.details = FindingDetails(self)
        self.split = QSplitter(Qt.Orientation.Vertical, self)
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(self.tree)
        self.split.addWidget(self.details)
        self.split.setStretchFactor(0, 2)
        self.split.setStretchFactor(1, 3)
        self.split_moved = False  # once the reader drags the divider, their sizes stand
        self.split.splitterMoved.connect(self._split_moved)
        findings = QWidget(self)
        flay = QVBoxLayout(findings)
        flay.setContentsMargins(0, 0, 0, 0)
        flay.addWidget(self.empty)
        flay.addWidget(self.split, 1)
        self.picture_pane = QWidget(self)
        self.picture = ImageView(self.picture_pane)
        self.picture.setStyleSheet("background: #263238;")
        self.picture.setMinimumWidth(160)
        self.caption = plain_label(parent=self.picture_pane)
        play = QVBoxLayout(self.picture_pane)
        play.setContentsMargins(0, 0, 0, 0)
        play.addWidget(self.picture, 1)
        play.addWidget(self.caption)
        self.sides = QSplitter(Qt.Orientation.Horizontal, self)
        self.sides.setChildrenCollapsible(False)
        self.sides.addWidget(findings)
        self.sides.addWidget(self.picture_pane)
        self.sides_moved = False  # once the reader drags this divider too, their sizes stand
        self.sides.splitterMoved.connect(self._sides_moved)
        lay = QVBoxLayout(self)
        lay.addWidget(self.sides, 1)
        self.loader = PictureLoader(PREVIEW_SIDE, PREVIEWS_KEPT, self)
        self.loader.ready.connect(self._picture_ready)
        self.picture_view = PictureView()
        self._drawn: object = None  # the picture view whose pixmap is shown
        self.groups: tuple[Group, ...] = ()
        self.rows: list[presenters.SignalRow] = []
        self.chosen: tuple[str, str] | None = None  # the finding the reader picked, kept across refreshes
        self._filling = False
        self.tree.currentItemChanged.connect(self._current_changed)
        self.set_groups(())

    def set_picture(self, view: PictureView) -> None:
        """The file's picture with its found boxes: shown once decoded (never decoded here)."""
        self.picture_view = view
        self._draw()

    def _picture_ready(self, source: object) -> None:
        if source == self.picture_view.source:
            self._draw()

    def _draw(self) -> None:
        view = self.picture_view
        if view == self._drawn:
            return
        picture = self.loader.picture(view.source)
        if picture is None and view.source is not None and not self.loader.known(view.source):
            self._drawn = None  # being decoded (drawn when ready): no other file's picture meanwhile
        else:
            self._drawn = view
        self.picture.set_source(outlined_picture(picture, view.boxes, view.outlines) if picture else None)
        self.caption.setText(QCoreApplication.translate(
            "Overview", "The picture the file's Content Credentials carry (not the file itself).")
            if picture is not None and view.from_credentials else "")
        self.caption.setVisible(bool(self.caption.text()))
        if self.picture_pane.isVisibleTo(self) != (picture is not None):
            self.picture_pane.setVisible(picture is not None)
            self._fit_sides()

    def forget_choice(self) -> None:
        """Another file is shown: start again from its first finding."""
        self.chosen = None

    def _current_changed(self, item: QTreeWidgetItem | None, _previous) -> None:
        if not self._filling:
            self.chosen = self._key_of(item)
        self._show(item)

    def set_groups(self, groups: tuple[Group, ...], finished: bool = True, empty_text: str | None = None) -> None:
        """``empty_text``: what to say when there is no finding (None: the default; "": nothing,
        as before any file is chosen)."""
        previous = self.chosen
        self._filling = True
        self.groups = groups
        self.rows = []
        self.tree.blockSignals(True)
        self.tree.clear()
        if finished:
            empty = QCoreApplication.translate("Overview", "No signals found.") if empty_text is None else empty_text
        else:
            empty = QCoreApplication.translate("Overview", "No signals found so far.")
        self.empty.setText("" if groups else empty)
        self.empty.setVisible(not groups)
        self.split.setVisible(bool(groups))
        restore = None
        for g in groups:
            head = QTreeWidgetItem(self.tree, [QCoreApplication.translate("Overview", "{title} — {note}").format(
                title=g.title, note=g.note)])
            head.setFirstColumnSpanned(True)
            head.setToolTip(0, safe_tooltip(head.text(0)))  # the note may be cut at narrow widths
            font = head.font(0)
            font.setBold(True)
            head.setFont(0, font)
            head.setBackground(0, QBrush(QColor(GROUP_TINT.get(g.key, "#f5f5f5"))))
            head.setData(0, ROLE_GROUP, g.key)
            for r in g.rows:
                item = QTreeWidgetItem(head, [r.title, r.summary, r.confidence])
                item.setToolTip(0, safe_tooltip(r.title))
                item.setToolTip(1, safe_tooltip(r.summary))
                item.setData(0, ROLE_INDEX, len(self.rows))
                self.rows.append(r)
                if restore is None and previous is not None and self._key(r) == previous:
                    restore = item
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        self.tree.setColumnWidth(0, min(self.tree.columnWidth(0), 340))
        self.tree.blockSignals(False)
        first = restore or (self.tree.topLevelItem(0).child(0) if groups else None)
        if first is not None:
            self.tree.setCurrentItem(first)  # the first finding unless the reader chose one
        self._show(self.tree.currentItem())
        self._filling = False
        self._fit_tree()

    def _split_moved(self, *_args) -> None:
        if not self._filling:
            self.split_moved = True

    def _fit_tree(self) -> None:
        """Give the tree the height its rows need (at most half), the details pane the rest."""
        if self.split_moved or not self.rows:
            return
        total = sum(self.split.sizes()) or self.split.height()
        rows = self.tree.topLevelItemCount() + len(self.rows)
        row_height = max(self.tree.sizeHintForRow(0), self.tree.fontMetrics().height() + 4)
        wanted = self.tree.header().sizeHint().height() + (rows + 1) * row_height + 2 * self.tree.frameWidth()
        wanted = max(wanted, 4 * row_height)
        if total > 0:
            tree = min(wanted, total // 2)
            self._filling = True
            self.split.setSizes([tree, total - tree])
            self._filling = False

    def _sides_moved(self, *_args) -> None:
        if not self._filling:
            self.sides_moved = True

    def _fit_sides(self) -> None:
        """The findings keep most of the width (PICTURE_SHARE for the picture)."""
        total = sum(self.sides.sizes()) or self.sides.width()
        if self.sides_moved or total <= 0:
            return
        picture = int(total * PICTURE_SHARE)
        self._filling = True
        self.sides.setSizes([total - picture, picture])
        self._filling = False

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit_sides()
        self._fit_tree()

    @staticmethod
    def _key(r: presenters.SignalRow) -> tuple[str, str] | None:
        return (r.signal.id, r.signal.summary) if r.signal is not None else None

    def _key_of(self, item: QTreeWidgetItem | None) -> tuple[str, str] | None:
        index = item.data(0, ROLE_INDEX) if item is not None else None
        return self._key(self.rows[index]) if isinstance(index, int) and index < len(self.rows) else None

    def _show(self, item: QTreeWidgetItem | None) -> None:
        index = item.data(0, ROLE_INDEX) if item is not None else None
        if isinstance(index, int) and 0 <= index < len(self.rows):
            r = self.rows[index]
            rows = presenters.finding_rows(r.signal) if r.signal is not None else (Row(r.title, r.summary),)
            self.details.set_rows(rows, r.title)
            return
        key = item.data(0, ROLE_GROUP) if item is not None else None
        group = next((g for g in self.groups if g.key == key), None)
        if group is not None:
            self.details.set_rows((Row(group.title, group.note),), group.title)
        else:
            self.details.set_rows(())
