"""Advisory forensic indicators (CONTRACT.md "Advisory indicators").

Each module measures one trace of editing or reuse in a picture and returns plain values; the
detectors in ``verifier.detectors`` turn them into :class:`~verifier.evidence.Indicator` values,
which fusion never reads. Nothing here decides that a file is fake or authentic.
"""
