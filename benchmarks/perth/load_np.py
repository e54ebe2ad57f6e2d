# Perth investigation (not part of the application; see docs/AUDIO_CUE.md, "Perth").
# Reproduce:  pip download resemble-perth==1.0.1 --no-deps -d /tmp/perth
#             unzip /tmp/perth/resemble_perth-1.0.1-py3-none-any.whl -d /tmp/perth/x
# PERTH_DIR (default /tmp/perth/x) is the unpacked wheel.
"""Load the Perth checkpoint into numpy arrays without torch (restricted unpickler)."""
import pickle, zipfile, sys, collections
import numpy as np

DT = {"FloatStorage": np.float32, "HalfStorage": np.float16, "LongStorage": np.int64, "IntStorage": np.int32,
      "DoubleStorage": np.float64, "BoolStorage": np.bool_}

def load(path):
    z = zipfile.ZipFile(path)
    prefix = z.namelist()[0].split("/")[0]
    class U(pickle.Unpickler):
        def find_class(self, mod, name):
            if mod == "torch._utils" and name == "_rebuild_tensor_v2":
                def rebuild(storage, offset, size, stride, *a):
                    arr = storage
                    if not size:
                        return arr[offset].copy()
                    itemstride = [s * arr.itemsize for s in stride]
                    return np.lib.stride_tricks.as_strided(arr[offset:], size, itemstride).copy()
                return rebuild
            if mod == "torch" and name in DT:
                return name
            if mod == "collections" and name == "OrderedDict":
                return collections.OrderedDict
            raise pickle.UnpicklingError(f"refused {mod}.{name}")
        def persistent_load(self, pid):
            _, kind, key, loc, numel = pid
            data = z.read(f"{prefix}/data/{key}")
            return np.frombuffer(data, dtype=DT[kind])[:numel]
    return U(z.open(f"{prefix}/data.pkl")).load()

if __name__ == "__main__":
    ck = load(sys.argv[1])
    print("keys", list(ck), "step", ck.get("step"))
    sd = ck["model"]
    tot = 0; dec = 0
    for k, v in sd.items():
        tot += v.size
        if k.startswith("decoder."): dec += v.size
    print(len(sd), "tensors", tot, "params; decoder", dec)
    for k in list(sd)[:4] + [k for k in sd if k.startswith("decoder.")][:4]:
        print(" ", k, sd[k].shape, sd[k].dtype)
