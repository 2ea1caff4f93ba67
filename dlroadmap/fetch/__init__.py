"""Fetching a roadmap from a URL: only imported when one is fetched."""
