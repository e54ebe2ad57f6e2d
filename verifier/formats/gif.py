"""GIF block walker: XMP application extension (``XMP DataXMP``) and comments, anywhere.

Image data sub-blocks are skipped without decoding. XMP in GIF is stored raw, so the packet is
rebuilt from the sub-blocks *including* their length bytes, then the 258-byte "magic trailer"
is cut off.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from .meta import Budget, Entry, decode_text


def _sub_blocks(fh: BinaryIO, budget: Budget, keep_lengths: bool, keep_data: bool = True) -> bytes | None:
    out = bytearray()
    while True:
        n = fh.read(1)
        if not n:
            return None
        if n[0] == 0:
            return bytes(out)
        if not keep_data:
            fh.seek(n[0], 1)  # image data: skipped, not counted (bounded by the file size)
            continue
        budget.tick("GIF sub-block")
        data = fh.read(n[0])
        if len(out) < budget.max_value:
            budget.spend(n[0] + 1)
            if keep_lengths:
                out += n
            out += data


def walk(fh: BinaryIO, budget: Budget) -> Iterator[Entry]:
    head = fh.read(13)
    if len(head) < 13 or head[:3] != b"GIF":
        raise ValueError("not a GIF file")
    flags = head[10]
    if flags & 0x80:
        fh.seek(3 * (2 ** ((flags & 7) + 1)), 1)
    while True:
        intro = fh.read(1)
        budget.tick("GIF block")
        if not intro or intro == b";":
            return
        if intro == b",":
            desc = fh.read(9)
            if len(desc) < 9:
                return
            if desc[8] & 0x80:
                fh.seek(3 * (2 ** ((desc[8] & 7) + 1)), 1)
            fh.read(1)  # LZW minimum code size
            if _sub_blocks(fh, budget, False, keep_data=False) is None:
                return
        elif intro == b"!":
            label = fh.read(1)
            if label == b"\xff":
                size = fh.read(1)
                app = fh.read(size[0]) if size else b""
                is_xmp = app == b"XMP DataXMP"  # other application data (ICC, looping) is skipped
                data = _sub_blocks(fh, budget, is_xmp, keep_data=is_xmp)
                if data is None:
                    return
                if is_xmp:
                    packet = data[:-257] if len(data) > 257 else data
                    yield Entry("gif:AppExt:XMP", "XMP", decode_text(packet), kind="xmp", group="XMP")
            elif label == b"\xfe":
                data = _sub_blocks(fh, budget, False)
                if data is None:
                    return
                yield Entry("gif:Comment", "Comment", decode_text(data), group="GIF")
            elif _sub_blocks(fh, budget, False, keep_data=False) is None:
                return
        else:
            budget.warnings.append(f"unexpected GIF block 0x{intro[0]:02x}: walk stopped")
            return
