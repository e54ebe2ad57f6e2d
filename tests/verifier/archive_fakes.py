"""Detectors for archive tests (importable by Dask workers and detector processes)."""

from __future__ import annotations

import os
import signal
import time

from verifier.detectors.base import Context, Findings
from verifier.evidence import MediaFile
from verifier.inputs import open_readonly


class CrashesOnBoom:
    """Kills its own process (SIGSEGV) on files containing BOOM: a native crash."""

    name = "crashes"
    isolated = True

    def applies_to(self, media: MediaFile) -> bool:
        return True

    def run(self, media: MediaFile, ctx: Context) -> Findings:
        with open_readonly(media.path) as fh:
            if b"BOOM" in fh.read():
                os.kill(os.getpid(), signal.SIGSEGV)
        return Findings(facts={"pid": os.getpid()})


class CountsRuns:
    """Not isolated: appends the analysed file's name to $VERIFIER_TEST_RUN_LOG (proves skips).

    Sleeps $VERIFIER_TEST_SLEEP seconds per file, so that a run can be killed midway.
    """

    name = "counts"
    isolated = False

    def applies_to(self, media: MediaFile) -> bool:
        return True

    def run(self, media: MediaFile, ctx: Context) -> Findings:
        log = os.environ.get("VERIFIER_TEST_RUN_LOG")
        if log:
            with open(log, "a", encoding="utf-8") as fh:
                fh.write(media.path.name + "\n")
        time.sleep(float(os.environ.get("VERIFIER_TEST_SLEEP", "0")))
        return Findings()


class KillsItsHostOnDie:
    """Not isolated, so it runs in the host process: kills it on files containing DIE.

    On the Dask engine that host is a Dask worker: the stand-in for a worker lost mid-file.
    """

    name = "kills_host"
    isolated = False

    def applies_to(self, media: MediaFile) -> bool:
        return True

    def run(self, media: MediaFile, ctx: Context) -> Findings:
        with open_readonly(media.path) as fh:
            if b"DIE" in fh.read():
                os._exit(17)
        return Findings()
