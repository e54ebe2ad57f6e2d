"""Visible (explicit) AI labels in pixels: OCR rules, the Gemini sparkle, strips, video frames."""
