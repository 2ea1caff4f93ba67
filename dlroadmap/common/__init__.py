"""Small helpers every layer uses: atomic files, the content cache, printable text,
status glyphs."""
