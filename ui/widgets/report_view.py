"""The right-hand side: the verdict banner above one tab per kind of evidence."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from .. import members_view, presenters
from ..entry import FileEntry
from .ai_labels_panel import AiLabelsPanel
from .c2pa_panel import C2paPanel
from .details_panel import DetailsPanel
from .file_panel import FilePanel
from .indicators_panel import IndicatorsPanel
from .metadata_panel import MetadataPanel
from .overview_panel import OverviewPanel
from .privacy_panel import PrivacyPanel
from .verdict_banner import VerdictBanner
from .watermark_panel import WatermarkPanel


class ReportView(QWidget):
    """Bound to one :class:`~ui.entry.FileEntry` (or None): hands each panel its one value."""

    deep_requested = Signal(int)  # the uid whose deep forensic checks are asked for

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.banner = VerdictBanner(self)
        self.overview = OverviewPanel()
        self.c2pa = C2paPanel()
        self.ai_labels = AiLabelsPanel()
        self.watermarks = WatermarkPanel()
        self.metadata = MetadataPanel()
        self.file = FilePanel()
        self.privacy = PrivacyPanel()
        self.details = DetailsPanel()
        self.indicators = IndicatorsPanel()
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        for panel, title in (
            (self.overview, QCoreApplication.translate("ReportView", "Overview")),
            (self.c2pa, QCoreApplication.translate("ReportView", "Content Credentials")),
            (self.ai_labels, QCoreApplication.translate("ReportView", "AI labels")),
            (self.watermarks, QCoreApplication.translate("ReportView", "Watermarks and visible labels")),
            (self.metadata, QCoreApplication.translate("ReportView", "Metadata")),
            (self.file, QCoreApplication.translate("ReportView", "File")),
            (self.privacy, QCoreApplication.translate("ReportView", "Privacy")),
            (self.indicators, QCoreApplication.translate("ReportView", "Indicators (advisory)")),
            (self.details, QCoreApplication.translate("ReportView", "Checks")),
        ):
            self.tabs.addTab(panel, title)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.banner)
        lay.addWidget(self.tabs, 1)
        self.entry: FileEntry | None = None
        self.indicators.deep_requested.connect(self._deep_requested)
        self.banner.deep.clicked.connect(self._deep_requested)
        self.set_entry(None)

    def _deep_requested(self) -> None:
        if self.entry is not None:
            self.deep_requested.emit(self.entry.uid)

    def set_entry(self, entry: FileEntry | None) -> None:
        if entry is None or self.entry is None or entry.uid != self.entry.uid:
            self.overview.forget_choice()
        self.entry = entry
        self.banner.set_view(presenters.banner_view(entry))
        self.tabs.setEnabled(entry is not None)
        signals = entry.signals if entry else ()
        self.overview.set_groups(presenters.overview_groups(signals), entry is None or entry.finished,
                                 presenters.overview_empty(entry) if entry is not None else "")
        self.c2pa.set_evidence(entry.evidence_for("c2pa") if entry else None)
        self.ai_labels.set_signals(signals)
        self.watermarks.set_value(signals, presenters.preview_source(entry) if entry else None,
                                  presenters.view_attachments(entry, "watermarks") if entry else ())
        metadata = entry.evidence_for("metadata") if entry else None
        self.metadata.set_evidence(metadata)
        self.privacy.set_evidence(members_view.privacy_evidence(entry))
        self.file.set_rows(presenters.file_rows(entry) if entry else ())
        self.details.set_value(presenters.checks_rows(entry) if entry else (), entry.all_evidence if entry else ())
        views = entry.evidence_for("forensic_views") if entry else None
        indicators = presenters.indicators_view(entry) if entry else None
        self.overview.set_picture(presenters.picture_view(entry, indicators))
        deep = presenters.deep_checks_state(entry)
        self.indicators.set_value(indicators,
                                  presenters.preview_source(entry) if entry else None,
                                  views.attachments if views else (), deep)
        self.banner.set_deep(deep)
