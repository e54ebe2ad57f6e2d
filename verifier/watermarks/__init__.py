"""Invisible watermark decoders (pure NumPy/OpenCV/PyWavelets, no model weights)."""
