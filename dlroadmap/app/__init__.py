"""The terminal UI. Everything Textual lives below this package."""
