"""Parsers that turn raw metadata entries into AI declarations and facts (no file access)."""
