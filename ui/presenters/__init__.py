"""Report -> display rows: plain values the widgets show, computed without any widget.

One module per view (``overview``, ``c2pa``, ``ai_labels``, ``watermarks``, ``file_facts``,
``preview``, ``indicators``, the ``verdict`` banner and chip), on shared ``words`` (the window's
language, from verifier.describe) and ``nodes`` (rows and trees). Every function is pure (a
:class:`~ui.entry.FileEntry` or an Evidence in, frozen rows out), keeps no state between calls,
and works without a ``QApplication``: ``QCoreApplication.translate`` returns the English source
when no translator is installed. Facts come from detectors written separately, so every key is
read defensively and anything unknown becomes a generic key/value :class:`Node`. Strings taken
from a file stay plain text: widgets never render them as rich text.
"""

from verifier import describe as D  # noqa: F401 - part of the presenters' API
from verifier.describe import signals as DS  # noqa: F401

from ..plain import MAX_TEXT, text  # noqa: F401
from .ai_labels import SEVEN_KEYS, ai_label_sections, prompt_of, signal_section  # noqa: F401
from .c2pa import C2paView, c2pa_view  # noqa: F401
from .file_facts import checks_rows, file_rows, metadata_rows, privacy_rows  # noqa: F401
from .indicators import DEEP_OFFER, DEEP_RUNNING, deep_checks_state, indicators_view  # noqa: F401
from .nodes import MAX_DEPTH, MAX_NODES, Node, Row, human_size, item_nodes, tree, tree_children  # noqa: F401
from .overview import (GROUPS, Group, SignalRow, finding_rows, group_key, item_rows, overview_empty,  # noqa: F401
                       overview_groups)
from .preview import (PREVIEWABLE, PictureView, Preview, credentials_picture, picture_view,  # noqa: F401
                      preview_source, thumbnail_source)
from .verdict import (LOOKS, BannerView, Look, banner_view, chip, chip_word, chip_words_sample,  # noqa: F401
                      progress_text, signer_of)
from .views import view_attachments, view_of  # noqa: F401
from .watermarks import Box, boxes, crop_nodes, watermark_sections  # noqa: F401
from .words import (basis_text, claim_text, confidence_text, detector_error, detector_name, lang,  # noqa: F401
                    signal_title, status_text, summary_text)
