"""Small widgets, one per file, each bound to one value (set with a single setter)."""
