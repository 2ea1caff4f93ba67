"""Large, deterministic roadmaps (and a state file for each) to benchmark with.

    python benchmarks/generate.py 10000 /tmp/big        # writes the .md and its state file

The shape follows real study plans, five levels deep: a title, a tagline and a
"Phases Overview" checklist, then H2 phases, H3 sections, H4 subsections, list
items and nested sub-items. Exactly `items` trackable items (list items and
sub-items; every heading here has children, so none is trackable). Titles are
20-90 characters of study-plan vocabulary, a few with **bold**, `code` or a link.

The state file is what a user who has been at it a while would have: 20% of the
items done, 5% in progress, 3% skipped, and notes (one to four lines) on 10%.
It is written by the app's own Store, at the path the app looks for it.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from unittest.mock import patch

from dlroadmap.progress.store import Store
from dlroadmap.roadmap.model import Status
from dlroadmap.roadmap.source import load_roadmap

SEED = 20240611
SECTIONS_PER_PHASE = 6
SUBSECTIONS_PER_SECTION = 5
ITEMS_PER_SUBSECTION = 8  # top-level list items; each has 0-4 sub-items

_VERBS = (
    "Implement", "Understand", "Derive", "Compare", "Benchmark", "Visualize", "Debug",
    "Reproduce", "Read about", "Experiment with", "Fine-tune", "Profile", "Explain",
    "Train", "Evaluate", "Review", "Sketch", "Summarize",
)  # fmt: skip
_TOPICS = (
    "gradient descent", "backpropagation", "batch normalization", "layer normalization",
    "residual connections", "self-attention", "multi-head attention", "positional encodings",
    "convolutional layers", "pooling strategies", "dropout", "weight decay", "learning-rate "
    "warm-up", "cosine schedules", "mixed-precision training", "data augmentation",
    "contrastive learning", "variational autoencoders", "diffusion models", "GAN training",
    "tokenization", "beam search", "knowledge distillation", "quantization", "pruning",
    "LoRA adapters", "RLHF reward models", "graph neural networks", "vision transformers",
    "recurrent networks", "LSTM gates", "the Adam optimizer", "cross-entropy loss",
    "focal loss", "object detection heads", "semantic segmentation", "embedding spaces",
    "retrieval-augmented generation", "sequence-to-sequence models", "speech recognition",
)  # fmt: skip
_CONTEXTS = (
    "from scratch in NumPy", "in PyTorch", "on CIFAR-10", "on a small text corpus",
    "with a toy example", "and write down the equations", "for a 2-layer network",
    "using the original paper", "on a single GPU", "step by step", "with unit tests",
    "and plot the loss curves", "against a baseline", "on MNIST", "with JAX",
)  # fmt: skip
_AREAS = (
    "Foundations", "Optimization", "Architectures", "Computer Vision", "Language Models",
    "Generative Models", "Reinforcement Learning", "Systems & Deployment", "Evaluation",
    "Research Skills", "Probabilistic Methods", "Efficient Training", "Multimodal Learning",
)  # fmt: skip
_SECTION_KINDS = ("Goals", "Topics", "Tools", "Readings", "Exercises", "Projects", "Checkpoints")
_NOTE_LINES = (
    "Worked through the derivation; the trick is keeping track of the shapes.",
    "Re-read section 3 of the paper, the appendix has the missing details.",
    "Got it running, but the loss plateaus after ~2k steps. Try a smaller LR.",
    "Good explanation in the lecture notes, week 4.",
    "TODO: redo this with a bigger batch and compare.",
    "Compared two implementations; mine is 3x slower because of the Python loop.",
)


@dataclass(frozen=True, slots=True)
class Generated:
    markdown: Path
    state: Path
    items: int
    notes: int


def _title(rng: random.Random) -> str:
    text = f"{rng.choice(_VERBS)} {rng.choice(_TOPICS)}"
    if rng.random() < 0.7:
        text += f" {rng.choice(_CONTEXTS)}"
    if rng.random() < 0.25:
        text += f" ({rng.choice(_TOPICS)}, {rng.choice(_TOPICS)})"
    roll = rng.random()
    if roll < 0.05:
        text = text.replace(" ", " **", 1) + "**"
    elif roll < 0.10:
        text += " with `torch.nn`"
    elif roll < 0.13:
        text += " ([notes](https://example.org/notes))"
    return text


def roadmap_markdown(items: int, seed: int = SEED) -> str:
    """A roadmap with exactly `items` list items (sub-items included)."""
    rng = random.Random(seed)
    per_phase = SECTIONS_PER_PHASE * SUBSECTIONS_PER_SECTION * ITEMS_PER_SUBSECTION * 3
    phases = max(1, round(items / per_phase))
    phase_titles = [
        f"Phase {number}: {rng.choice(_AREAS)} {'I' * (1 + number % 3)}"
        for number in range(1, phases + 1)
    ]
    out = [
        f"# Generated Study Plan ({items} items)",
        "",
        "_A long roadmap made by benchmarks/generate.py to measure dlroadmap at scale._",
        "",
        "## Phases Overview",
        "",
    ]
    out += [f"{number}. [ ] **{title}**" for number, title in enumerate(phase_titles, 1)]
    left = items
    for phase_index, phase_title in enumerate(phase_titles):
        out += ["", "---", "", f"## {phase_title}", ""]
        phase_left = left // (phases - phase_index)
        left -= phase_left
        for section_index in range(SECTIONS_PER_PHASE):
            kind = _SECTION_KINDS[section_index % len(_SECTION_KINDS)]
            out += [f"### {kind}: {rng.choice(_TOPICS).capitalize()}", ""]
            section_left = phase_left // (SECTIONS_PER_PHASE - section_index)
            phase_left -= section_left
            for sub_index in range(SUBSECTIONS_PER_SECTION):
                out += [f"#### {rng.choice(_TOPICS).capitalize()} {sub_index + 1}", ""]
                sub_left = section_left // (SUBSECTIONS_PER_SECTION - sub_index)
                section_left -= sub_left
                out += _list(rng, sub_left)
                out.append("")
    return "\n".join(out) + "\n"


def _list(rng: random.Random, count: int) -> list[str]:
    """Exactly `count` items: up to ITEMS_PER_SUBSECTION top-level ones, the rest under them."""
    lines: list[str] = []
    tops = max(0, min(count, ITEMS_PER_SUBSECTION))
    subs_left = count - tops
    for top in range(tops):
        if top == tops - 1:
            subs = subs_left
        else:
            average = subs_left / (tops - top)
            subs = min(subs_left, rng.randint(0, round(2 * average)))
        subs_left -= subs
        mark = "[x] " if rng.random() < 0.02 else ""
        lines.append(f"- {mark}{_title(rng)}")
        lines += [f"  - {_title(rng)}" for _ in range(subs)]
    return lines


def state_for(markdown: Path, folder: Path, seed: int = SEED) -> tuple[Path, int]:
    """Write a lived-in state file for `markdown` where the app will look for it.

    Made through the app's own Store (statuses, notes, and whatever the store
    records with them: activity, revisit cards...), saved once at the end rather
    than once per change.
    """
    roadmap = load_roadmap(markdown)
    store = Store.open(roadmap, markdown, folder)
    rng = random.Random(seed + 1)
    start = datetime(2025, 1, 6, 9, 0, tzinfo=timezone(timedelta(hours=1)))
    notes = 0
    with patch.object(store, "save"), _deterministic_cards():
        for node in roadmap.items():
            when = start + timedelta(minutes=rng.randint(0, 60 * 24 * 200))
            roll = rng.random()
            if roll < 0.28:
                status = (
                    Status.DONE
                    if roll < 0.20
                    else Status.IN_PROGRESS
                    if roll < 0.25
                    else Status.SKIPPED
                )
                store.set_status(node, status, when)
            if rng.random() < 0.10:
                note = "\n".join(rng.choice(_NOTE_LINES) for _ in range(rng.randint(1, 4)))
                store.set_note(node, note, when + timedelta(minutes=5))
                notes += 1
    store.save()
    return store.path, notes


@contextmanager
def _deterministic_cards() -> Iterator[None]:
    """fsrs cards (the revisit card of a done item) numbered from their due time.

    fsrs.Card() takes its id from the wall clock and then sleeps 1 ms so the next
    id differs: 10,000 done items would cost 10+ s and a different file each time.
    """
    try:
        from fsrs import Card
    except ImportError:  # a dlroadmap without revisit cards
        yield
        return
    original = Card.__init__
    taken: set[int] = set()

    def init(self: Card, card_id: int | None = None, *args: Any, **kwargs: Any) -> None:
        if card_id is None:
            due = kwargs.get("due") or datetime(2025, 1, 1, tzinfo=UTC)
            card_id = int(due.timestamp() * 1000)
            while card_id in taken:
                card_id += 1
            taken.add(card_id)
        original(self, card_id, *args, **kwargs)

    with patch.object(Card, "__init__", init):
        yield


def generate(items: int, out_dir: Path, state_folder: Path, seed: int = SEED) -> Generated:
    """The roadmap as `out_dir/roadmap-<items>.md`, its state file in `state_folder`."""
    out_dir.mkdir(parents=True, exist_ok=True)
    markdown = out_dir / f"roadmap-{items}.md"
    markdown.write_text(roadmap_markdown(items, seed), encoding="utf-8")
    state, notes = state_for(markdown, state_folder, seed)
    return Generated(markdown, state, items, notes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("items", type=int, nargs="+", help="how many items (e.g. 10000 50000)")
    parser.add_argument("out", type=Path, help="folder for the .md files and state files")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    for items in args.items:
        made = generate(items, args.out, args.out / "state", args.seed)
        print(f"{made.markdown}  ({made.items} items, {made.notes} notes)  state: {made.state}")


if __name__ == "__main__":
    main()
