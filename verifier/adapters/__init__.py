"""Adapters: one module per third-party library, imported lazily."""
