"""FLV walker: the ``onMetaData`` script tag (AMF0), read within a byte and depth budget."""

from __future__ import annotations

import struct
from collections.abc import Iterator
from typing import Any, BinaryIO

from .meta import Budget, Entry, LimitReached

MAX_TAGS = 64


def walk(fh: BinaryIO, budget: Budget, size: int) -> Iterator[Entry]:
    head = fh.read(9)
    if len(head) < 9 or head[:3] != b"FLV":
        raise ValueError("not an FLV file")
    pos = struct.unpack(">I", head[5:9])[0] + 4  # skip PreviousTagSize0
    for _ in range(MAX_TAGS):
        fh.seek(pos)
        th = fh.read(11)
        if len(th) < 11:
            return
        budget.tick("FLV tag")
        ttype, dsize = th[0] & 0x1F, int.from_bytes(th[1:4], "big")
        if ttype == 18:
            if dsize > budget.max_value:
                budget.warnings.append(f"script tag of {dsize} bytes not read")
            else:
                budget.spend(dsize)  # counts towards the walk's total, as every walker's values do
                amf = _Amf(fh.read(dsize), budget)
                try:
                    name = amf.value(0)
                    data = amf.value(0)
                except (IndexError, struct.error, UnicodeDecodeError):
                    budget.warnings.append("malformed AMF script data")
                    data, name = None, None
                if isinstance(data, dict):
                    for k, v in data.items():
                        yield Entry(f"flv:{name}", str(k), v if isinstance(v, (dict, list)) else
                                    ("" if v is None else str(v)), group="FLV")
        pos += 11 + dsize + 4


class _Amf:
    def __init__(self, data: bytes, budget: Budget) -> None:
        self.d, self.p, self.budget = data, 0, budget

    def _take(self, n: int) -> bytes:
        if self.p + n > len(self.d):
            raise IndexError("AMF data truncated")
        b = self.d[self.p : self.p + n]
        self.p += n
        return b

    def _str(self, long: bool = False) -> str:
        n = struct.unpack(">I" if long else ">H", self._take(4 if long else 2))[0]
        return self._take(n).decode("utf-8", "replace")

    def _props(self, depth: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        while self.p < len(self.d):
            key = self._str()
            if key == "" and self.d[self.p : self.p + 1] == b"\x09":
                self.p += 1
                break
            out[key] = self.value(depth + 1)
            self.budget.tick("AMF value")
        return out

    def value(self, depth: int) -> Any:
        if depth > 16:
            raise LimitReached("AMF data nested too deeply")
        t = self._take(1)[0]
        if t == 0:
            return struct.unpack(">d", self._take(8))[0]
        if t == 1:
            return bool(self._take(1)[0])
        if t == 2:
            return self._str()
        if t == 3:
            return self._props(depth)
        if t in (5, 6):
            return None
        if t == 8:
            self._take(4)
            return self._props(depth)
        if t == 10:
            n = struct.unpack(">I", self._take(4))[0]
            return [self.value(depth + 1) for _ in range(min(n, 10000))]
        if t == 11:
            self._take(10)
            return None
        if t == 12:
            return self._str(long=True)
        raise IndexError(f"unsupported AMF type {t}")
