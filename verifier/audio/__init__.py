"""Pure-numpy audio analysis (no I/O, no third-party libraries beyond NumPy)."""
