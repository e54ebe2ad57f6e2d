"""One adapter per third-party library, each imported lazily by its users."""
