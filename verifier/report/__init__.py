"""Renderers of Reports: JSON (the contract), and human formats."""
