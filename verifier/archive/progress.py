"""Progress of a sweep on stderr: files/s, ETA, counts per verdict; throttled.

On a terminal one line is rewritten in place (carriage return); when stderr is not a terminal
(a log file, CI) a plain line is printed every ``interval_pipe`` seconds, with no escape codes.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from typing import TextIO


def _duration(seconds: float) -> str:
    s = int(max(0, seconds))
    h, rem = divmod(s, 3600)
    m, s = divmod(rem, 60)
    return f"{h}h{m:02d}m" if h else f"{m}m{s:02d}s"


class Progress:
    def __init__(self, total: int | None = None, stream: TextIO | None = None, interval_tty: float = 0.5,
                 interval_pipe: float = 10.0, enabled: bool = True) -> None:
        self.stream = stream or sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.interval = interval_tty if self.tty else interval_pipe
        self.enabled = enabled
        self.total = total
        self.analysed = 0
        self.skipped = 0
        self.failed = 0
        self.verdicts: Counter[str] = Counter()
        self.start = time.monotonic()
        self._last = 0.0
        self._width = 0

    def note(self, text: str) -> None:
        """A one-off line (what is being swept, and where)."""
        if self.enabled:
            self.stream.write(text + "\n")
            self.stream.flush()

    def add(self, outcome: dict | str) -> None:
        if isinstance(outcome, str):
            self.skipped += 1
        else:
            self.analysed += 1
            self.verdicts[str(outcome.get("verdict", {}).get("code", "?"))] += 1
            if outcome.get("error"):
                self.failed += 1
        self.tick()

    @property
    def seen(self) -> int:
        return self.analysed + self.skipped

    def rate(self) -> float:
        elapsed = time.monotonic() - self.start
        return self.analysed / elapsed if elapsed > 0 else 0.0

    def line(self) -> str:
        rate = self.rate()
        parts = [f"{self.seen}" + (f"/{self.total}" if self.total is not None else "") + " files",
                 f"{rate:.1f} files/s"]
        if self.total is not None and rate > 0:
            remaining = max(0, self.total - self.seen)
            parts.append(f"ETA {_duration(remaining / rate)}")
        if self.skipped:
            parts.append(f"{self.skipped} already done")
        if self.failed:
            parts.append(f"{self.failed} unreadable")
        if self.verdicts:
            parts.append(" ".join(f"{k}={v}" for k, v in self.verdicts.most_common()))
        return " | ".join(parts)

    def tick(self, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self._last < self.interval:
            return
        self._last = now
        text = self.line()
        if self.tty:
            pad = max(0, self._width - len(text))
            self.stream.write("\r" + text + " " * pad)
            self._width = len(text)
        else:
            self.stream.write(text + "\n")
        self.stream.flush()

    def finish(self) -> None:
        if not self.enabled:
            return
        self.tick(force=True)
        if self.tty:
            self.stream.write("\n")
        elapsed = time.monotonic() - self.start
        self.stream.write(f"done in {_duration(elapsed)}: {self.analysed} analysed, {self.skipped} already "
                          f"recorded, {self.failed} unreadable\n")
        self.stream.flush()
