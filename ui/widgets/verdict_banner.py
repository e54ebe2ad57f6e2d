"""The verdict banner: colour + icon + headline + strength + explanation + what was not checked."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout

from ..presenters import BannerView
from .common import badge, plain_label
from .indicators_panel import deep_button, show_deep


class VerdictBanner(QFrame):
    """Bound to one :class:`~ui.presenters.BannerView`."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("VerdictBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.icon = QLabel(self)
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.headline = plain_label(parent=self)
        font = self.headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.45)
        font.setBold(True)
        self.headline.setFont(font)
        self.strength = plain_label(parent=self)
        bold = self.strength.font()
        bold.setBold(True)
        self.strength.setFont(bold)
        self.also = plain_label(parent=self)
        self.explanation = plain_label(parent=self)
        self.notes = plain_label(parent=self)
        self.unchecked = plain_label(parent=self)
        self.deep = deep_button(self)  # under the checks not run: run the deep ones held back on request
        text = QVBoxLayout()
        text.setSpacing(4)
        for w in (self.headline, self.strength, self.also, self.explanation, self.notes, self.unchecked):
            text.addWidget(w)
        text.addWidget(self.deep, 0, Qt.AlignmentFlag.AlignLeft)
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 12, 14, 12)
        row.addWidget(self.icon)
        row.addLayout(text, 1)
        self.view: BannerView | None = None

    def set_deep(self, state: str) -> None:
        """:func:`ui.presenters.deep_checks_state` of the file shown."""
        show_deep(self.deep, state)

    def set_view(self, view: BannerView) -> None:
        self.view = view
        look = view.look
        self.setStyleSheet(f"QFrame#VerdictBanner {{ background: {look.background}; border-radius: 6px; }}"
                           f"QFrame#VerdictBanner QLabel {{ color: {look.foreground}; background: transparent; }}")
        self.icon.setPixmap(badge(look.icon, look.background, look.foreground, 44))
        self.headline.setText(view.headline)
        self.strength.setText(view.strength)
        self.strength.setVisible(bool(view.strength))
        self.also.setText("\n".join(view.also))
        self.also.setVisible(bool(view.also))
        self.explanation.setText(view.explanation)
        self.notes.setText(" ".join(view.notes))
        self.notes.setVisible(bool(view.notes))
        if view.unchecked:
            lines = [QCoreApplication.translate("VerdictBanner", "Not checked (the verdict does not cover these):")]
            lines += [QCoreApplication.translate("VerdictBanner", "• {check}: {reason}").format(
                check=r.label, reason=r.value) for r in view.unchecked]
            self.unchecked.setText("\n".join(lines))
        self.unchecked.setVisible(bool(view.unchecked))
        self.setAccessibleName(view.headline)  # screen readers announce the verdict, not the colour
        self.setAccessibleDescription(" ".join(w.text() for w in (self.strength, self.also, self.explanation,
                                                                  self.notes, self.unchecked) if w.text()))
