# c2pa-python loads its native library from c2pa/libs next to c2pa/lib.py at run time
# (ctypes, not an import), so PyInstaller cannot see it: ship the shared library there.
# The static .rlib and the .d file are build leftovers (~31 MB) and are left out.
import os

from PyInstaller.utils.hooks import get_package_paths

_, pkg_dir = get_package_paths("c2pa")
libs = os.path.join(pkg_dir, "libs")
binaries = [
    (os.path.join(libs, name), "c2pa/libs")
    for name in os.listdir(libs)
    if name.endswith((".so", ".dylib", ".dll"))
]
