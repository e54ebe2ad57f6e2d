# Perth investigation (not part of the application; see docs/AUDIO_CUE.md, "Perth").
# Reproduce:  pip download resemble-perth==1.0.1 --no-deps -d /tmp/perth
#             unzip /tmp/perth/resemble_perth-1.0.1-py3-none-any.whl -d /tmp/perth/x
# PERTH_DIR (default /tmp/perth/x) is the unpacked wheel.
import os, sys
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, ROOT)
PERTH_DIR = os.environ.get("PERTH_DIR", "/tmp/perth/x")
CKPT = PERTH_DIR + "/perth/perth_net/pretrained/implicit/perth_net_250000.pth.tar"
"""A numpy port of the Perth (resemble-perth 1.0.1) implicit watermark *decoder*."""
import numpy as np
from load_np import load

SR, NFFT, HOP, SUB = 32000, 2048, 320, 128

def resample(x, sr, target):
    if sr == target: return x.astype(np.float64)
    n_out = int(round(len(x) * target / sr))
    X = np.fft.rfft(x.astype(np.float64))
    Y = np.zeros(n_out // 2 + 1, complex); m = min(len(X), len(Y)); Y[:m] = X[:m]
    return np.fft.irfft(Y, n_out) * (n_out / len(x))

def magspec(x):
    pad = NFFT // 2
    xp = np.pad(x, pad, mode="reflect")
    win = 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(NFFT) / NFFT)  # periodic Hann
    frames = np.lib.stride_tricks.sliding_window_view(xp, NFFT)[::HOP]
    spec = np.fft.rfft(frames * win, axis=1).T  # (F, T)
    mag = 20 * np.log10(np.maximum(np.abs(spec), 1e-9))
    return (mag + 180.0) / 195.0

def conv1d(x, w, b):  # x (Cin, T), w (Cout, Cin, k)
    k = w.shape[2]
    if k == 1:
        return w[:, :, 0] @ x + b[:, None]
    p = (k - 1) // 2
    xp = np.pad(x, ((0, 0), (p, p)))
    cols = np.lib.stride_tricks.sliding_window_view(xp, k, axis=1)  # (Cin, T, k)
    cols = cols.transpose(1, 0, 2).reshape(x.shape[1], -1)  # (T, Cin*k)
    return (cols @ w.reshape(w.shape[0], -1).T).T + b[:, None]

def lrelu(x): return np.where(x > 0, x, 0.01 * x)

def stack(sd, prefix, x):
    for i in range(7):
        x = conv1d(x, sd[f"{prefix}.{i}.conv.weight"], sd[f"{prefix}.{i}.conv.bias"])
        if i < 6: x = lrelu(x)
    return x

def lerp(x, size):  # F.interpolate linear, align_corners=True
    T = x.shape[1]
    if size == 1: return x[:, :1]
    pos = np.arange(size) * (T - 1) / (size - 1)
    i0 = np.floor(pos).astype(int); i1 = np.minimum(i0 + 1, T - 1); f = pos - i0
    return x[:, i0] * (1 - f) + x[:, i1] * f

def nerp(x, size):
    T = x.shape[1]
    idx = np.minimum(np.floor(np.arange(size) * (T / size)).astype(int), T - 1)
    return x[:, idx]

def decode(sd, mag):
    s = mag.sum(axis=0); mask = (s > s.max() * 0.05).astype(np.float64)[None]
    sub = mag[:SUB]; T = sub.shape[1]
    outs = []
    for name, size in (("slow", int(T * 1.25)), ("normal", T), ("fast", int(T * 0.75))):
        inp = sub if name == "normal" else lerp(sub, size)
        o = stack(sd, f"decoder.{name}_layers", inp)
        m = nerp(mask, o.shape[1])
        outs.append(((o[:1] * m).sum() / m.sum(), (o[1:] * m).sum() / m.sum()))
    attn = np.array([a for a, _ in outs]); wm = np.array([w for _, w in outs])
    attn = np.exp(attn - attn.max()); attn /= attn.sum()
    return float(np.clip((wm * attn).sum(), 0, 1))

class PerthNumpy:
    def __init__(self, ckpt):
        self.sd = {k: v.astype(np.float64) for k, v in load(ckpt)["model"].items()}
    def get_watermark(self, x, sr):
        return decode(self.sd, magspec(resample(x, sr, SR)))
