"""Run with ``python -m``: the command line's main(), whose work is a Ctrl-C delivered while
Python code runs inside ``PyRun_String`` (as when a library executes code through the C API)."""

import ctypes
import sys

from verifier import cli

CODE = b"import os, signal, time\nos.kill(os.getpid(), signal.SIGINT)\ntime.sleep(5)\n"
PY_FILE_INPUT = 257


def _main(argv: object) -> int:
    run = ctypes.pythonapi.PyRun_String
    run.restype = ctypes.py_object
    run.argtypes = [ctypes.c_char_p, ctypes.c_int, ctypes.py_object, ctypes.py_object]
    run(CODE, PY_FILE_INPUT, {"__builtins__": __builtins__}, {})
    return 0


cli._main = _main  # type: ignore[assignment]
sys.exit(cli.main(["scan"]))
