# Perth investigation (not part of the application; see docs/AUDIO_CUE.md, "Perth").
# Reproduce:  pip download resemble-perth==1.0.1 --no-deps -d /tmp/perth
#             unzip /tmp/perth/resemble_perth-1.0.1-py3-none-any.whl -d /tmp/perth/x
# PERTH_DIR (default /tmp/perth/x) is the unpacked wheel.
import os, sys
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, ROOT)
PERTH_DIR = os.environ.get("PERTH_DIR", "/tmp/perth/x")
CKPT = PERTH_DIR + "/perth/perth_net/pretrained/implicit/perth_net_250000.pth.tar"
import sys, time, numpy as np
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import perth_np
from tests.verifier import audio_synth as S
p = perth_np.PerthNumpy(CKPT)
p.sd = {k: v.astype(np.float32) for k, v in p.sd.items()}
rng = np.random.default_rng(11)
SR = 32000
kinds = {"speech": lambda: S.speech_like(6, SR, rng), "speech_flat": lambda: S.speech_like(6, SR, rng, monotone=True),
         "music": lambda: S.music_like(6, SR, rng), "music_nodrum": lambda: S.music_like(6, SR, rng, drums=False),
         "noise": lambda: S.noise(6, SR, rng, 0.05)}
import subprocess, soundfile as sf, tempfile
res = {}
for k, f in kinds.items():
    res[k] = [p.get_watermark(f().astype(np.float32), SR) for _ in range(int(sys.argv[1]))]
with tempfile.TemporaryDirectory() as t:
    sc = []
    for i, v in enumerate(["en", "en-us", "de", "fr", "zh", "es"] * 2):
        subprocess.run(["espeak-ng", "-v", v, "-w", f"{t}/a.wav", "The quick brown fox jumps over the lazy dog and the news continues tonight."], check=True)
        x, sr = sf.read(f"{t}/a.wav", dtype="float32")
        sc.append(p.get_watermark(x, sr))
    res["espeak"] = sc
for f in ["c2pa/sample1_signed.wav", "c2pa/sample3.invalid.wav", "c2pa/gen_signed.wav"]:
    x, sr = sf.read(os.path.join(ROOT, "..", "shared", "corpus", f), dtype="float32", always_2d=True)
    res[f] = [p.get_watermark(x.mean(1)[: sr * 10], sr)]
for k, v in res.items():
    v = np.array(v)
    print(f"{k:28s} n={len(v):3d} max {v.max():.3f} median {np.median(v):.3f} >=0.5: {(v >= 0.5).sum()}  >=0.9: {(v >= 0.9).sum()}")
