"""How often a face "differs from the rest" (``forensic_faces``) on untouched photos, and on the same
photos with their first face pasted back from another JPEG (docs/FORENSICS.md, "Faces").

    python benchmarks/forensics_faces.py PHOTOS_DIR [PHOTOS_DIR...]

For each JPEG whose faces both cascades find: the facts as the detector gives them (untouched),
then four constructed twins of its first face: the face square taken from a JPEG at quality 60 or
50 or 75 whose 8 x 8 grid starts 3-5 pixels (or 0: the face's own position) before the face,
pasted back, and the picture saved as PNG or JPEG 90/95. Prints a Markdown summary.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import cv2
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from verifier.adapters import opencv_faces  # noqa: E402
from verifier.detectors.forensic_faces import describe_faces  # noqa: E402
from verifier.forensics import faces, views  # noqa: E402

TWINS = {  # name: (source quality, grid shift before the face, final save: None = PNG)
    "q60, grid 3/5 px off, saved as PNG": (60, (3, 5), None),
    "q60, grid 3/5 px off, saved at q95": (60, (3, 5), 95),
    "q75, grid at the face's corner, saved at q95": (75, (0, 0), 95),
    "q50, grid 4/4 px off, saved at q90": (50, (4, 4), 90),
}


def jpeg(img: np.ndarray, q: int) -> np.ndarray:
    ok, buf = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, q])
    assert ok
    return cv2.imdecode(buf, cv2.IMREAD_COLOR)


def pasted(img: np.ndarray, box: tuple[int, int, int, int], q: int, shift: tuple[int, int],
           final: int | None) -> np.ndarray:
    x0, y0, x1, y1 = box
    dx, dy = min(shift[0], x0), min(shift[1], y0)
    src = jpeg(np.ascontiguousarray(img[y0 - dy:y1, x0 - dx:x1]), q)[dy:, dx:]
    out = img.copy()
    out[y0:y1, x0:x1] = src
    return out if final is None else jpeg(out, final)


def main(dirs: list[str]) -> int:
    finder = opencv_faces.load_finder()
    paths = sorted(p for d in dirs for p in Path(d).rglob("*") if p.suffix.lower() in (".jpg", ".jpeg"))
    clean_faces = clean_differ = compared = photos = 0
    differ_photos: list[str] = []
    twins = {k: [0, 0] for k in TWINS}
    times = []
    for p in paths:
        img = cv2.imread(str(p), cv2.IMREAD_COLOR)
        if img is None or min(img.shape[:2]) < 64:
            continue
        t = time.perf_counter()
        facts = describe_faces(img, finder)
        times.append(time.perf_counter() - t)
        regions = [r for r in facts["regions"] if r["compared"]]
        if not facts["regions"]:
            continue
        photos += 1
        clean_faces += len(facts["regions"])
        compared += len(regions)
        hits = [r for r in regions if r["differs"]]
        clean_differ += len(hits)
        if hits:
            differ_photos.append(f"{p.name} ({', '.join('/'.join(r['differs']) for r in hits)})")
        if not regions:
            continue
        box = tuple(regions[0]["box"])
        for name, (q, shift, final) in TWINS.items():
            twin = pasted(img, box, q, shift, final)  # type: ignore[arg-type]
            found, rest = views.region_stats(twin, [box])  # type: ignore[list-item]
            twins[name][0] += 1
            twins[name][1] += bool(faces.compare(found[0], rest).differs)
    print(f"{len(paths)} JPEGs, {photos} with faces found by both cascades: {clean_faces} faces, "
          f"{compared} large enough to compare (>= {faces.MIN_COMPARED_SIDE} px)\n")
    print("| pictures | faces that differ from the rest |\n|---|---|")
    print(f"| untouched | **{clean_differ} / {compared}** |")
    for name, (n, hit) in twins.items():
        print(f"| first face pasted back: {name} | {hit} / {n} |")
    if times:
        print(f"\nfinding and measuring, per picture: median {np.median(times) * 1000:.0f} ms")
    print("\nuntouched faces that differ: " + ("; ".join(differ_photos) or "none"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
