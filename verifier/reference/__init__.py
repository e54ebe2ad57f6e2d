"""Comparison with reference photos (CONTRACT.md ``reference.match``).

A suspect picture is compared with every picture of a reference folder the user supplied (a press
agency's photos of the person shown, say): local features (SIFT) matched with a geometric check
find a region pasted in from a reference, rescaled, rotated or re-compressed, and a perceptual hash
finds whole-picture duplicates. Reference folders are indexed once (``index``), features cached by
SHA-256 in the user's data folder; the folder itself is only ever read.

- ``phash``     DCT perceptual hash (NumPy)
- ``features``  SIFT features of one picture, with its hash, (de)serialised for the cache
- ``vocabulary`` a small visual vocabulary to shortlist candidates in large folders
- ``index``     the per-folder index and the feature cache
- ``match``     geometric verification of one suspect against one reference
- ``search``    a suspect against an index: shortlist, verify, report
"""
