"""Video frames are reached by a seek only where it decodes less than reading on (keyframe index)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from verifier.adapters import audio_decode
from verifier.visible import video_frames
from verifier.visible.video_frames import seek_pays

FPS = 10


def _grey_ramp_video(path: Path, gop: int, frames: int = 80) -> Path:
    """Frame ``i`` is flat grey ``3 * i``; keyframes every ``gop`` frames (no scene-cut ones)."""
    av = pytest.importorskip("av")
    with av.open(str(path), "w") as out:
        stream = out.add_stream("mpeg4", rate=FPS, options={"sc_threshold": "1000000000", "g": str(gop)})
        stream.width, stream.height, stream.pix_fmt = 160, 96, "yuv420p"
        for i in range(frames):
            frame = av.VideoFrame.from_ndarray(np.full((96, 160, 3), 3 * i, np.uint8), format="rgb24")
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    return path


def test_keyframes_come_from_the_container_index(tmp_path):
    assert audio_decode.video_keyframes(_grey_ramp_video(tmp_path / "one.mp4", 1000)) == (0.0,)
    assert audio_decode.video_keyframes(_grey_ramp_video(tmp_path / "gop.mp4", 20)) == (0.0, 2.0, 4.0, 6.0)


def test_no_index_for_what_is_not_a_video(tmp_path):
    junk = tmp_path / "junk.mp4"
    junk.write_bytes(b"\x00" * 4096)
    assert audio_decode.video_keyframes(junk) is None


def test_a_seek_pays_only_past_a_keyframe_after_the_position():
    one_gop = (0.0, 7.9)  # Veo's 8 s clips: keyframes at the start and just before the end
    assert not seek_pays(one_gop, target=114, pos=33, fps=24.0)  # would decode 0..114 again
    assert not seek_pays(one_gop, target=179, pos=115, fps=24.0)
    assert seek_pays(one_gop, target=191, pos=115, fps=24.0)  # past the second keyframe
    every_second = tuple(float(s) for s in range(60))
    assert seek_pays(every_second, target=900, pos=60, fps=30.0)
    assert seek_pays(None, target=900, pos=60, fps=30.0)  # no index: as before, seek far targets
    assert seek_pays(one_gop, target=10, pos=50, fps=24.0)  # backwards always seeks


@pytest.mark.parametrize("gop", [1000, 20])
def test_the_planned_frames_are_the_right_ones_whichever_way_they_are_reached(tmp_path, gop):
    path = _grey_ramp_video(tmp_path / f"g{gop}.mp4", gop)
    before = sorted(p.name for p in tmp_path.iterdir())
    got = list(video_frames.frames(path))
    assert [f.index for f in got] == video_frames.plan(video_frames.probe(path))
    assert [f.index for f in got][-2:] == [47, 74]  # the middle and the end, past the 2 s lead
    for f in got:
        assert abs(float(f.bgr.mean()) - 3 * f.index) < 3, f.index
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # nothing written beside it
