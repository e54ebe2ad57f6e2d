# Perth investigation (not part of the application; see docs/AUDIO_CUE.md, "Perth").
# Reproduce:  pip download resemble-perth==1.0.1 --no-deps -d /tmp/perth
#             unzip /tmp/perth/resemble_perth-1.0.1-py3-none-any.whl -d /tmp/perth/x
# PERTH_DIR (default /tmp/perth/x) is the unpacked wheel.
import os, sys
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, ROOT)
PERTH_DIR = os.environ.get("PERTH_DIR", "/tmp/perth/x")
CKPT = PERTH_DIR + "/perth/perth_net/pretrained/implicit/perth_net_250000.pth.tar"
"""Reference: run the original Perth code under torch (torchaudio/librosa/scipy stubbed) and compare."""
import sys, types, numpy as np, torch
sys.path.insert(0, PERTH_DIR); sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

class Spectrogram(torch.nn.Module):
    def __init__(self, n_fft, win_length, hop_length, window_fn, normalized, power=None):
        super().__init__(); self.n, self.w, self.h, self.win = n_fft, win_length, hop_length, window_fn(win_length)
    def forward(self, x):
        return torch.stft(x, self.n, self.h, self.w, self.win, center=True, pad_mode="reflect", return_complex=True)
class InverseSpectrogram(Spectrogram):
    def forward(self, s):
        return torch.istft(s, self.n, self.h, self.w, self.win, center=True)
ta = types.ModuleType("torchaudio"); tt = types.ModuleType("torchaudio.transforms")
tt.Spectrogram, tt.InverseSpectrogram, tt.TimeStretch = Spectrogram, InverseSpectrogram, lambda **k: None
ta.transforms = tt; sys.modules["torchaudio"] = ta; sys.modules["torchaudio.transforms"] = tt
pr = types.ModuleType("pkg_resources"); pr.resource_filename = lambda name, sub: PERTH_DIR + "/perth/perth_net/" + sub
sys.modules["pkg_resources"] = pr
lb = types.ModuleType("librosa"); lb.resample = None; sys.modules["librosa"] = lb
sp = types.ModuleType("scipy"); sps = types.ModuleType("scipy.signal"); sps.butter = sps.filtfilt = None
sys.modules["scipy"] = sp; sys.modules["scipy.signal"] = sps

_orig = torch.nn.Module.load_state_dict
torch.nn.Module.load_state_dict = lambda self, sd, strict=True, **k: _orig(self, {a: b for a, b in sd.items() if not a.startswith("ap.")}, strict=True)
from perth.perth_net.perth_net_implicit.perth_watermarker import PerthImplicitWatermarker
import perth_np

from tests.verifier import audio_synth as S

wm = PerthImplicitWatermarker()
npd = perth_np.PerthNumpy(CKPT)
rng = np.random.default_rng(0)
SR = 32000
clips = {"speech": S.speech_like(6, SR, rng), "speech2": S.speech_like(6, SR, rng, monotone=True),
         "music": S.music_like(6, SR, rng), "noise": S.noise(6, SR, rng, 0.05)}
for name, x in clips.items():
    x = x.astype(np.float32)
    ref_clean = float(wm.get_watermark(x, SR, round=False))
    ours_clean = npd.get_watermark(x, SR)
    w = wm.apply_watermark(x, SR).astype(np.float32)
    ref_wm = float(wm.get_watermark(w, SR, round=False))
    ours_wm = npd.get_watermark(w, SR)
    print(f"{name:8s} clean torch {ref_clean:.4f} numpy {ours_clean:.4f} | watermarked torch {ref_wm:.4f} numpy {ours_wm:.4f}")
