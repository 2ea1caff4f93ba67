"""Where the tests find the checkout and the shared roadmap corpus, from any tier's folder."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Real roadmaps written by other people: beside the checkout, never copied into it.
CORPUS = ROOT.parent / "shared" / "corpus"
