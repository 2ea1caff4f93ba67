"""The roadmap itself: its model, the markdown parser and source, ids, tallies, filtering."""
