"""A roadmap with its progress, written out as markdown or JSON-ready data."""
