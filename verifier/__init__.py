"""verifier: offline provenance checks for photos, video, audio and documents.

The core never imports Qt. Public entry points: :func:`verifier.pipeline.scan`,
:class:`verifier.pipeline.Scanner`, :func:`verifier.verdict.fuse`.
"""

__version__ = "0.1.0"
