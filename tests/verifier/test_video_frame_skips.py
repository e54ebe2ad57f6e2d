"""H.264 frames are read by PyAV without decoding the non-reference pictures passed on the way:
every frame given must be the very frame OpenCV gives (same pixels), for less decoding."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from verifier.adapters import audio_decode
from verifier.visible import video_frames

av = pytest.importorskip("av")
FPS = 10
W, H = 192, 112


def _picture(i: int) -> np.ndarray:
    """Moving texture and colour, so that every frame differs and B-frames predict from others."""
    rng = np.random.default_rng(7)
    base = rng.integers(0, 255, (H, W * 2, 3), dtype=np.uint8)
    img = np.ascontiguousarray(np.roll(base, 3 * i, axis=1)[:, :W])
    img[:, :, 2] = (img[:, :, 2].astype(int) + 5 * i) % 256
    return img


def _h264(path: Path, frames: int = 80, pix_fmt: str = "yuv420p", rotation: int = 0,
          options: dict[str, str] | None = None, keyframes: tuple[int, ...] = ()) -> Path:
    with av.open(str(path), "w") as out:
        stream = out.add_stream("libx264", rate=FPS, options={
            "g": "1000", "sc_threshold": "0", "bf": "3", "preset": "veryfast",
            "x264-params": "b-adapt=0:b-pyramid=none",  # always 3 B-frames, none a reference
            **(options or {})})
        stream.width, stream.height, stream.pix_fmt = W, H, pix_fmt
        if rotation:
            stream.set_display_rotation(rotation)
        for i in range(frames):
            frame = av.VideoFrame.from_ndarray(_picture(i), format="bgr24")
            if i in keyframes:
                frame.pict_type = av.video.frame.PictureType.I
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    return path


def _all_by_opencv(path: Path) -> list[np.ndarray]:
    cap = video_frames._open(path)
    out = []
    try:
        while True:
            ok, img = cap.read()
            if not ok:
                return out
            out.append(img)
    finally:
        cap.release()


def _by_opencv(path: Path, targets: list[int]) -> list[tuple[int, np.ndarray]]:
    info = video_frames.probe(path)
    cap = video_frames._open(path)
    try:
        return [(f.index, f.bgr) for f in video_frames._frames_cv(cap, path, targets, info)]
    finally:
        cap.release()


def _same(a: list[tuple[int, np.ndarray]], b: list[tuple[int, np.ndarray]]) -> bool:
    return [i for i, _ in a] == [i for i, _ in b] and all(np.array_equal(x, y) for (_, x), (_, y) in zip(a, b))


@pytest.mark.parametrize("pix_fmt", ["yuv420p", "yuvj420p", "yuv444p", "yuv420p10le"])
@pytest.mark.parametrize("lead,through", [(3, 2), (2, 4), (3, 9)])
def test_frames_are_the_ones_opencv_decodes(tmp_path, pix_fmt, lead, through):
    path = _h264(tmp_path / "v.mp4", frames=40, pix_fmt=pix_fmt)  # the lead only: no keyframe read
    before = sorted(p.name for p in tmp_path.iterdir())
    info = video_frames.probe(path)
    targets = video_frames.plan(info, lead, through)
    got = [(f.index, f.bgr) for f in video_frames.frames(path, lead, through, info=info)]
    assert [i for i, _ in got] == targets
    assert _same(got, _by_opencv(path, targets))
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # nothing written beside it


def test_frames_after_seeks_are_the_ones_opencv_decodes(tmp_path):
    path = _h264(tmp_path / "gop.mp4", frames=120, options={"g": "20"})
    info = video_frames.probe(path)
    targets = video_frames.plan(info, 3, 4)
    assert audio_decode.video_keyframes(path) == (0.0, 2.0, 4.0, 6.0, 8.0, 10.0)
    got = list(video_frames.frames(path, 3, 4, info=info))
    every = _all_by_opencv(path)
    assert all(np.array_equal(every[f.index], f.bgr) for f in got)
    assert [f.index for f in got][:3] == targets[:3]  # the lead as planned
    for f, target in zip(got[3:], targets[3:]):  # later: as planned, or a keyframe at most 0.5 s away
        assert f.index == target or (f.index % 20 == 0 and abs(f.index - target) <= 5), (f.index, target)
    assert got[-1].index >= targets[-1]
    for through in (4, 25):  # many instants, keyframes among them: still one frame each, in order
        idx = [f.index for f in video_frames.frames(path, 3, through, info=info)]
        assert len(idx) == len(video_frames.plan(info, 3, through)) and idx == sorted(set(idx))
    with audio_decode.VideoFrameReader(path, FPS) as reader:  # backwards, then forwards again
        for target in (95, 33, 70):
            reader.seek(target)
            assert np.array_equal(reader.frame(target), every[target])


def test_non_reference_frames_on_the_way_are_not_decoded(tmp_path):
    path = _h264(tmp_path / "v.mp4")
    with audio_decode.VideoFrameReader(path, FPS) as reader:
        last = reader.frame(70)
        decoded = reader.decoded
    assert last is not None and np.array_equal(last, _by_opencv(path, [70])[0][1])
    # 3 B-frames (never referred to) between references: about a quarter of the 71 are decoded
    assert 15 <= decoded <= 30, decoded


def test_past_the_end_gives_nothing(tmp_path):
    path = _h264(tmp_path / "v.mp4", frames=30)
    with audio_decode.VideoFrameReader(path, FPS) as reader:
        assert reader.frame(29) is not None
        assert reader.frame(40) is None


def test_a_rotated_stream_is_left_to_opencv(tmp_path):
    path = _h264(tmp_path / "r.mp4", rotation=90)
    info = video_frames.probe(path)
    got = [(f.index, f.bgr) for f in video_frames.frames(path, info=info)]
    assert got[0][1].shape[:2] == (W, H)  # turned upright, as OpenCV does
    assert _same(got, _by_opencv(path, video_frames.plan(info)))


def test_other_codecs_and_unreadable_files_are_declined(tmp_path):
    junk = tmp_path / "junk.mp4"
    junk.write_bytes(b"\x00" * 4096)
    with pytest.raises(audio_decode.VideoPathDeclined):
        audio_decode.VideoFrameReader(junk, FPS)
    with pytest.raises(audio_decode.VideoPathDeclined):
        audio_decode.VideoFrameReader(tmp_path / "missing.mp4", FPS)
    with av.open(str(tmp_path / "m.mp4"), "w") as out:
        stream = out.add_stream("mpeg4", rate=FPS)
        stream.width, stream.height, stream.pix_fmt = W, H, "yuv420p"
        for packet in stream.encode(av.VideoFrame.from_ndarray(_picture(0), format="bgr24")):
            out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    with pytest.raises(audio_decode.VideoPathDeclined):
        audio_decode.VideoFrameReader(tmp_path / "m.mp4", FPS)


def test_the_end_is_read_at_a_keyframe_just_after_it(tmp_path):
    """Veo's layout: one group of pictures, a keyframe just before the end. The end sample (planned
    at 7.4 s) is that keyframe (7.8 s), decoded alone; the frames are those of a full decode."""
    path = _h264(tmp_path / "veo.mp4", keyframes=(78,), options={"forced-idr": "1"})
    assert audio_decode.video_keyframes(path) == (0.0, 7.8)
    info = video_frames.probe(path)
    assert video_frames.plan(info) == [0, 6, 13, 47, 74]
    got = list(video_frames.frames(path, info=info))
    assert [f.index for f in got] == [0, 6, 13, 47, 78] and got[-1].seconds == pytest.approx(7.8)
    every = _all_by_opencv(path)
    assert all(np.array_equal(every[f.index], f.bgr) for f in got)
    with audio_decode.VideoFrameReader(path, FPS) as reader:
        assert reader.frame(47) is not None
        before = reader.decoded
        index, img = reader.keyframe(78, 74, 79)
        assert index == 78 and reader.decoded - before == 1 and np.array_equal(img, every[78])
        assert reader.keyframe(78, 74, 77) is None  # outside the window asked for: not used
        assert np.array_equal(reader.frame(79), every[79])  # reading on after it starts afresh


def test_the_end_is_never_read_earlier_and_the_middle_moves_little(tmp_path):
    path = _h264(tmp_path / "k.mp4", keyframes=(44, 70), options={"forced-idr": "1"})
    assert audio_decode.video_keyframes(path) == (0.0, 4.4, 7.0)
    info = video_frames.probe(path)
    got = list(video_frames.frames(path, info=info))
    # the middle (47) at the keyframe 0.3 s before it; the end (74) stays: 7.0 s is before it
    assert [f.index for f in got] == [0, 6, 13, 44, 74]
    every = _all_by_opencv(path)
    assert all(np.array_equal(every[f.index], f.bgr) for f in got)


def test_keyframes_never_stand_in_for_the_lead_nor_go_back():
    assert video_frames.snap_window(47, 74, 20, 80, 10.0) == (42, 52)
    assert video_frames.snap_window(74, None, 48, 80, 10.0) == (74, 79)  # the end: never earlier
    assert video_frames.snap_window(22, 40, 20, 80, 10.0) == (20, 27)  # not into the 2 s lead
    assert video_frames.snap_window(50, 70, 49, 80, 10.0) == (49, 55)  # not before a frame given
    assert video_frames.snap_window(50, 53, 20, 80, 10.0) == (45, 52)  # nor past the next one
    assert video_frames.nearest_keyframe((0.0, 4.4, 5.1), 47, (42, 52), 10.0) == 44
    assert video_frames.nearest_keyframe((0.0, 4.3, 4.9), 47, (42, 52), 10.0) == 49
    assert video_frames.nearest_keyframe((0.0, 4.4, 5.0), 47, (42, 52), 10.0) == 44  # a tie: the earlier
    assert video_frames.nearest_keyframe((0.0, 4.0, 5.3), 47, (42, 52), 10.0) is None
    assert video_frames.nearest_keyframe(None, 47, (42, 52), 10.0) is None


def test_a_label_shown_only_at_the_end_is_found_at_the_keyframe(tmp_path):
    """End to end (detector, real OCR): an H.264 clip in one group of pictures with a keyframe just
    before its end (Veo's layout), the label shown in its last 2 s only."""
    from tests.verifier.fixtures.images import natural
    from tests.verifier.fixtures.labels import draw_text
    from verifier.config import Config
    from verifier.detectors import Context
    from verifier.detectors.visible_label import VisibleLabelDetector
    from verifier.inputs import identify
    from verifier.isolation import run_detector

    base = natural(44, 480, 640)
    labelled, _ = draw_text(base, "AI生成", 0.08, "top-left")
    path = tmp_path / "end.mp4"
    with av.open(str(path), "w") as out:
        stream = out.add_stream("libx264", rate=FPS, options={"g": "1000", "sc_threshold": "0", "forced-idr": "1"})
        stream.width, stream.height, stream.pix_fmt = 640, 480, "yuv420p"
        for i in range(80):
            frame = av.VideoFrame.from_ndarray(np.ascontiguousarray(labelled if i >= 60 else base), format="rgb24")
            if i == 78:
                frame.pict_type = av.video.frame.PictureType.I
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    assert audio_decode.video_keyframes(path) == (0.0, 7.8)
    ev = run_detector(VisibleLabelDetector(), identify(path), Context(Config(isolation="inline")))
    assert str(ev.status) == "ok", ev.error
    (sig,) = ev.signals
    assert sig.details["text"] == "AI生成" and sig.details["at_seconds"] == 7.8
    assert ev.facts["frames_checked"] == [0.0, 0.6, 1.3, 4.7, 7.8]
