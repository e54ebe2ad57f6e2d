"""Deliberately misbehaving detectors, importable by spawned worker processes.

Each one fails in one way a real detector on native code can fail: abort, segfault, hang in
``sleep``, spin in a busy loop, allocate without bound, reach for the network. The isolation
tests run them next to :class:`Echo`, a well-behaved detector, and check that the failure costs
only that detector's result on that file.
"""

from __future__ import annotations

import os
import socket
import time

from verifier.detectors.base import Context, Findings
from verifier.evidence import MediaFile
from verifier.inputs import open_readonly


class _Base:
    isolated = True
    name = "base"

    def applies_to(self, media: MediaFile) -> bool:
        return True


class Echo(_Base):
    """Reads the first bytes and reports which worker process ran it."""

    name = "echo"

    def run(self, media: MediaFile, ctx: Context) -> Findings:
        with open_readonly(media.path) as fh:
            head = fh.read(16)
        return Findings(facts={"pid": os.getpid(), "head": head.hex()})


class Abort(_Base):
    name = "abort"

    def run(self, media: MediaFile, ctx: Context) -> Findings:
        os.abort()


class Segfault(_Base):
    name = "segfault"

    def run(self, media: MediaFile, ctx: Context) -> Findings:
        import ctypes

        ctypes.string_at(0)  # reads address 0: SIGSEGV in the worker
        raise AssertionError("unreachable")


class Sleeper(_Base):
    name = "sleeper"

    def run(self, media: MediaFile, ctx: Context) -> Findings:
        time.sleep(3600)
        raise AssertionError("unreachable")


class Spinner(_Base):
    name = "spinner"

    def run(self, media: MediaFile, ctx: Context) -> Findings:
        x = 0
        while True:  # pure-Python busy loop: holds the GIL, never yields to a timer
            x += 1


class MemoryHog(_Base):
    """Allocates and touches memory until something gives."""

    name = "memhog"

    def run(self, media: MediaFile, ctx: Context) -> Findings:
        hoard = []
        while True:
            hoard.append(bytearray(64 << 20))  # zero-filled, so committed


class NativeMemoryHog(_Base):
    """Asks a native library (numpy) for one huge block, as an image decoder would."""

    name = "native_memhog"

    def run(self, media: MediaFile, ctx: Context) -> Findings:
        import numpy as np

        a = np.ones((50_000, 50_000, 3), dtype=np.uint8)  # 7.5 GB
        return Findings(facts={"sum": int(a[0, 0, 0])})


class NetworkUser(_Base):
    """Tries to phone home, as a library fetching a remote manifest or a model would."""

    name = "network"

    def run(self, media: MediaFile, ctx: Context) -> Findings:
        host = os.environ.get("VERIFIER_TEST_CONNECT_HOST", "1.1.1.1")
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            s.settimeout(2)
            s.connect((host, 443))
        finally:
            s.close()
        return Findings(facts={"connected": True})


class NativeNetworkUser(_Base):
    """Sends a datagram from native code (libc through ctypes), as onnxruntime's telemetry thread
    does: no Python-level guard sees it, only the worker's network namespace stops it. The address
    is this machine's loopback discard port, so nothing ever leaves the machine."""

    name = "native_network"

    def run(self, media: MediaFile, ctx: Context) -> Findings:
        import ctypes
        import struct

        libc = ctypes.CDLL(None, use_errno=True)
        fd = libc.socket(socket.AF_INET, socket.SOCK_DGRAM, 0)
        if fd < 0:
            return Findings(facts={"socket_errno": ctypes.get_errno()})
        addr = struct.pack("=H", socket.AF_INET) + struct.pack(">H", 9) + socket.inet_aton("127.0.0.1") + bytes(8)
        try:
            rc = libc.connect(fd, ctypes.c_char_p(addr), len(addr))
            errno = ctypes.get_errno()
            if rc == 0:
                libc.send(fd, b"x", 1, 0)
        finally:
            libc.close(fd)
        return Findings(facts={"connected": rc == 0, "errno": errno if rc else 0})


class PillowOpen(_Base):
    """Opens the file with Pillow and decodes it, like the metadata/watermark helpers do."""

    name = "pillow"

    def run(self, media: MediaFile, ctx: Context) -> Findings:
        from PIL import Image

        with open_readonly(media.path) as fh, Image.open(fh) as im:
            im.load()
            return Findings(facts={"size": list(im.size)})


class ImportsNativeStack(_Base):
    """Imports every heavy native library the detectors use and runs one ONNX inference."""

    name = "native_stack"

    def run(self, media: MediaFile, ctx: Context) -> Findings:
        import c2pa  # noqa: F401
        import cv2
        import numpy as np
        import onnxruntime as ort
        import rapidocr

        model = os.path.join(os.path.dirname(rapidocr.__file__), "models")
        det = sorted(f for f in os.listdir(model) if "det" in f and f.endswith(".onnx"))
        sess = ort.InferenceSession(os.path.join(model, det[0]), providers=["CPUExecutionProvider"])
        img = np.zeros((640, 640, 3), np.uint8)
        cv2.putText(img, "AI", (100, 300), cv2.FONT_HERSHEY_SIMPLEX, 5, (255, 255, 255), 8)
        blob = (img.astype(np.float32) / 255.0).transpose(2, 0, 1)[None]
        out = sess.run(None, {sess.get_inputs()[0].name: blob})
        status = {}
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                key, _, val = line.partition(":")
                if key in ("VmPeak", "VmHWM"):
                    status[key] = int(val.split()[0]) // 1024
        return Findings(facts={"outputs": len(out), **status})


class ThreadReport(_Base):
    """Reports the thread caps its worker set, and OpenCV's thread count after import."""

    name = "threads"

    def run(self, media: MediaFile, ctx: Context) -> Findings:
        import cv2

        return Findings(facts={"env": {k: os.environ.get(k) for k in ("OMP_NUM_THREADS", "OPENCV_FOR_THREADS_NUM",
                                                                      "VERIFIER_WORKER_THREADS")},
                               "cv2": cv2.getNumThreads()})


_PREPARED: list[str] = []


class Preparing(_Base):
    """Says whether its ``prepare`` ran in this worker before the task (and with which config)."""

    name = "preparing"

    def prepare(self, ctx: Context) -> None:
        _PREPARED.append(f"ocr={ctx.config.ocr}")

    def run(self, media: MediaFile, ctx: Context) -> Findings:
        return Findings(facts={"prepared": list(_PREPARED), "pid": os.getpid()})


class FailingPrepare(_Base):
    """``prepare`` raises: the first task still runs, and reports its own outcome."""

    name = "failing_prepare"

    def prepare(self, ctx: Context) -> None:
        raise RuntimeError("model missing")

    def run(self, media: MediaFile, ctx: Context) -> Findings:
        return Findings(facts={"ran": True})


class AbortInPrepare(_Base):
    """Its ``prepare`` kills the worker (a native crash loading a model); ``run`` is fine."""

    name = "abort_in_prepare"

    def prepare(self, ctx: Context) -> None:
        os.abort()

    def run(self, media: MediaFile, ctx: Context) -> Findings:
        return Findings(facts={"pid": os.getpid()})


class HangInPrepare(_Base):
    """Its ``prepare`` never returns; ``run`` is fine."""

    name = "hang_in_prepare"

    def prepare(self, ctx: Context) -> None:
        time.sleep(3600)

    def run(self, media: MediaFile, ctx: Context) -> Findings:
        return Findings(facts={"pid": os.getpid()})
