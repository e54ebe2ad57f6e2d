"""Archive scale: the desktop app's analysis over many files, on one machine or a Dask cluster.

``verifier scan --out results.jsonl [--engine dask]`` streams one contract file object per line
to a JSON Lines file that a rerun resumes from; ``verifier summary results.jsonl`` counts what a
sweep found. The per-file work is always :mod:`verifier.pipeline` (see :mod:`.work`); the
engines only decide where it runs.

- :mod:`.sources`  inputs: folders, file lists, fsspec URLs; companions; staging of remote objects
- :mod:`.work`     the unit of work (one file -> one contract dict), identical for every engine
- :mod:`.engines`  the engine interface and the local (process pool) engine
- :mod:`.dask_engine` the Dask adapter (the only module that imports dask/distributed)
- :mod:`.results`  JSONL writer/reader and the resume index
- :mod:`.parquet`  the Parquet summary table (pyarrow adapter)
- :mod:`.summary`  counts per verdict, signal, GB 45438 provider, C2PA signer
- :mod:`.progress` throttled progress on stderr
- :mod:`.sweep`    the run itself: list, skip what is recorded, analyse, write
"""
