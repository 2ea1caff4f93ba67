"""Figures, their references and goals, and the table that shows them."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

Unit = Literal["s", "B", "KiB", "instr"]


@dataclass(frozen=True, slots=True)
class Goal:
    """`limit` on the ratio to the reference, or on the value itself."""

    limit: float
    on: Literal["ratio", "value"]

    def text(self, unit: Unit) -> str:
        if self.on == "ratio":
            return f"≤ {self.limit:g}×"
        return f"≤ {fmt(self.limit, unit)}"

    def met(self, value: float, ratio: float | None) -> bool | None:
        measured = ratio if self.on == "ratio" else value
        return None if measured is None else measured <= self.limit


@dataclass(slots=True)
class Row:
    section: str
    label: str
    unit: Unit
    values: list[float] = field(default_factory=list)
    ref_label: str = ""
    ref_values: list[float] = field(default_factory=list)
    goal: Goal | None = None
    note: str = ""

    @property
    def median(self) -> float | None:
        return statistics.median(self.values) if self.values else None

    @property
    def ratio(self) -> float | None:
        """Median of the per-run ratios when runs pair up, else ratio of the medians."""
        if not self.values or not self.ref_values:
            return None
        if len(self.values) == len(self.ref_values) and all(self.ref_values):
            return statistics.median(
                a / r for a, r in zip(self.values, self.ref_values, strict=True)
            )
        ref = statistics.median(self.ref_values)
        return statistics.median(self.values) / ref if ref else None

    def verdict(self) -> bool | None:
        median = self.median
        if self.goal is None or median is None:
            return None
        return self.goal.met(median, self.ratio)


def fmt(value: float, unit: Unit) -> str:
    if unit == "s":
        ms = value * 1000
        return f"{ms:.1f} ms" if ms < 10 else f"{ms:,.0f} ms"
    if unit == "B":
        return f"{value:,.0f} B" if value < 1000 else f"{value / 1000:,.1f} KB"
    if unit == "instr":
        return f"{value / 1e6:,.0f} M instr."
    return f"{value / 1024:,.1f} MiB"


def summary(values: Sequence[float], unit: Unit) -> str:
    """Median [min-max] over the runs."""
    if not values:
        return "—"
    median = fmt(statistics.median(values), unit)
    if len(values) == 1:
        return f"{median} (1 run)"
    low, high = fmt(min(values), unit), fmt(max(values), unit)
    if low == high:
        return f"{median} [±0]"
    return f"{median} [{_strip_unit(low)}–{high}]"


def _strip_unit(text: str) -> str:
    return text.rsplit(" ", 1)[0]


def render(rows: Sequence[Row]) -> str:
    headers = ("figure", "median [min–max]", "reference", "median [min–max]", "ratio", "goal")
    body: list[tuple[str, ...] | str] = []
    section = None
    for row in rows:
        if row.section != section:
            section = row.section
            body.append(section)
        ratio = row.ratio
        goal = ""
        if row.goal is not None:
            verdict = row.verdict()
            mark = "?" if verdict is None else "✓" if verdict else "✗"
            goal = f"{row.goal.text(row.unit)} {mark}"
        body.append(
            (
                f"  {row.label}",
                summary(row.values, row.unit),
                row.ref_label,
                summary(row.ref_values, row.unit) if row.ref_label else "",
                f"{ratio:.2f}×" if ratio is not None else "",
                goal,
            )
        )
    cells = [r for r in body if isinstance(r, tuple)]
    widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(headers)]

    def line(parts: Sequence[str]) -> str:
        return "  ".join(p.ljust(w) for p, w in zip(parts, widths, strict=True)).rstrip()

    out = [line(headers), line(["-" * w for w in widths])]
    for entry in body:
        out.append(entry if isinstance(entry, str) else line(entry))
    notes = [f"  {row.label}: {row.note}" for row in rows if row.note]
    if notes:
        out += ["", "notes:", *notes]
    return "\n".join(out)
