"""False-alarm and detection rates of the advisory forensic indicators on a folder of camera photos.

    python benchmarks/forensics_false_alarms.py PHOTOS_DIR [PHOTOS_DIR ...]

Every JPEG below the folders that carries a camera make in EXIF and no editor in EXIF Software is
taken as an untouched camera photo. For each, the indicators run on the photo as it is (any
indicator raised is a false alarm), then on traces made from it in memory: re-saved with libjpeg
at qualities 95/90/80/70 (double_jpeg), a square region pasted elsewhere and re-saved at q85
(copy_move), and the thumbnail of another photo (thumbnail). Nothing is written anywhere.
"""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path

import numpy as np
from PIL import Image

from verifier.adapters import opencv_image, pillow_picture
from verifier.forensics import copy_move, double_jpeg, jpeg_tables, thumbnail

EDITORS = ("gimp", "photoshop", "windows photo", "lightroom", "paint", "pmb")


def camera_photos(folders: list[Path]) -> list[Path]:
    out = []
    for folder in folders:
        for p in sorted(folder.rglob("*")):
            if p.suffix.lower() not in (".jpg", ".jpeg") or not p.is_file():
                continue
            try:
                exif = Image.open(p).getexif()
            except Exception:  # noqa: BLE001 - unreadable: not a sample
                continue
            software = str(exif.get(0x0131) or "").lower()
            if exif.get(0x010F) and not any(e in software for e in EDITORS):
                out.append(p)
    return out


def _dj(data: bytes) -> double_jpeg.DoubleJpeg | None:
    tables = pillow_picture.quantization(data)
    luma = jpeg_tables.luma_table(tables)
    return double_jpeg.analyse(pillow_picture.luma(data), luma) if luma else None


def main(argv: list[str]) -> int:
    photos = camera_photos([Path(a) for a in argv])
    alarms = {"double_jpeg": [], "copy_move": [], "thumbnail": []}
    measured = {"double_jpeg": 0, "copy_move": 0, "thumbnail": 0}
    resave: dict[int, list[bool]] = {}
    pasted, swapped = [], []
    thumbs = [(p, pillow_picture.exif_thumbnail(p.read_bytes())) for p in photos]
    thumbs = [(p, t) for p, t in thumbs if t]
    times: dict[str, list[float]] = {"double_jpeg": [], "copy_move": []}
    for i, p in enumerate(photos):
        data = p.read_bytes()
        try:
            t0 = time.perf_counter()
            r = _dj(data)
            times["double_jpeg"].append(time.perf_counter() - t0)
        except Exception as exc:  # noqa: BLE001
            print(f"skip {p.name}: {exc}")
            continue
        if r is not None:
            measured["double_jpeg"] += 1
            if r.detected:
                alarms["double_jpeg"].append(p.name)
            rgb = Image.open(io.BytesIO(data)).convert("RGB")
            for q in (95, 90, 80, 70):
                buf = io.BytesIO()
                rgb.save(buf, "JPEG", quality=q)
                rr = _dj(buf.getvalue())
                if rr is not None:
                    resave.setdefault(q, []).append(rr.detected)
        bgr = opencv_image.decode_bgr(data)
        t0 = time.perf_counter()
        found = copy_move.find(bgr)
        times["copy_move"].append(time.perf_counter() - t0)
        measured["copy_move"] += 1
        if found:
            alarms["copy_move"].append(p.name)
        h, w = bgr.shape[:2]
        s = min(h, w) // 5
        forged = bgr.copy()
        forged[h // 2:h // 2 + s, w // 2:w // 2 + s] = bgr[h // 6:h // 6 + s, w // 6:w // 6 + s]
        forged = opencv_image.decode_bgr(bytes(opencv_image._cv2().imencode(".jpg", forged, [1, 85])[1]))
        pasted.append(copy_move.find(forged) is not None)
        thumb = pillow_picture.exif_thumbnail(data)
        if thumb:
            luma = pillow_picture.luma(data, thumbnail.MAIN_MIN_SIDE)  # as the detector reads it
            c = thumbnail.compare(luma, pillow_picture.luma(thumb))
            if c is not None:
                measured["thumbnail"] += 1
                if c.mismatch:
                    alarms["thumbnail"].append(f"{p.name} ({c.difference})")
            if len(thumbs) > 1:
                other = thumbs[(i + 1) % len(thumbs)]
                if other[0] != p:
                    c2 = thumbnail.compare(luma, pillow_picture.luma(other[1]))
                    if c2 is not None:
                        swapped.append(c2.mismatch)
    print(f"camera photos: {len(photos)}")
    for k in alarms:
        took = sorted(times.get(k, []))
        median = f"  median {took[len(took) // 2] * 1000:.0f} ms" if took else ""
        print(f"{k}: false alarms {len(alarms[k])}/{measured[k]} {alarms[k]}{median}")
    for q, v in sorted(resave.items(), reverse=True):
        print(f"double_jpeg: camera photo re-saved at q{q}: detected {sum(v)}/{len(v)}")
    print(f"copy_move: pasted square (1/5 of the short side) found {sum(pasted)}/{len(pasted)}")
    print(f"thumbnail: another photo's thumbnail found {sum(swapped)}/{len(swapped)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
