"""dlroadmap benchmarks: one command, one table.

    python benchmarks/run.py                 # everything, ~5 minutes on 2 cores
    python benchmarks/run.py --quick         # fewer runs, no 50k roadmap: well under a minute
    python benchmarks/run.py --only bundled --runs 9 --show-screens

Every figure is measured next to its reference in the same run, interleaved
(A, ref, A, ref...), after a warm-up run that is thrown away; the table gives
the median and [min-max] over the runs and the ratio, i.e. the median of the
per-run ratios A/ref. Each app run gets fresh XDG folders (see sandbox.py).

Groups (--only):
  bundled   1. first paint (and its work), 2. bytes per key, 3. peak RSS - bundled plan
  commands  4. wall time of short commands (TIMED_COMMANDS in this file)
  large     6. parse, first paint (first open too), key latency, save, RSS on generated roadmaps
            (--sizes, default 10000 and 50000; `10k` / `50k` select one size),
            made by generate.py (figure 5)

Definitions (see pty_harness.py for how the pty and terminal emulator are run):
  first paint     spawn -> end of the first frame showing the roadmap's title and
                  its first phase's text, in a 120x36 pty, as pyte emulates it
  bytes ...       bytes the app wrote to the terminal until then
  work to first frame
                  instructions (valgrind) from the interpreter's start to the first
                  frame made, headless, by first_frame_work.py: noise-free
  key → frame     key written to the pty -> end of the first frame written after it
  key → quiet     key written -> last byte before 150 ms without output
  bytes per key   everything written for the key until that quiet
  peak RSS        VmHWM of the app process, read after the keys, before quitting
"""

from __future__ import annotations

import argparse
import gc
import json
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import mistune
from bare_app import EDITING
from first_frame_work import FRAME_MADE
from generate import Generated, generate
from pty_harness import KEYS, HarnessError, KeyResult, Paint, PtySession, lacks, shows
from sandbox import Sandbox
from shelf import SHELF_SIZE, make_shelf
from table import Goal, Row, Unit, render

from dlroadmap.common.files import write_atomically
from dlroadmap.progress.state import dump_state
from dlroadmap.progress.store import Store
from dlroadmap.roadmap.model import Status
from dlroadmap.roadmap.source import bundled_roadmap_path, load_roadmap

HERE = Path(__file__).resolve().parent
BARE_APP = HERE / "bare_app.py"
FIRST_FRAME_WORK = HERE / "first_frame_work.py"
PYTHON = sys.executable

QUIET = 0.15  # a key's output is over after this long without a byte
SETTLE = 0.3  # start-up is over after this long without a byte
FIRST_PAINT_TIMEOUT = 180.0
KEY_TIMEOUT = 30.0  # longest wait for a key's first byte (50k saves are slow)
NEEDLE_LENGTH = 24  # characters of a title looked for on screen (labels get cut)

BUNDLED_KEYS = ("space", "n", "escape", *("down",) * 10)
LARGE_KEYS = ("space", *("down",) * 5, "space")
# dlroadmap's hint line while a note is being edited (dlroadmap/app/widgets/detail.py).
APP_EDITING = "escape done editing"


def dlroadmap_argv() -> list[str]:
    script = shutil.which("dlroadmap", path=str(Path(PYTHON).parent))
    return [script] if script else [PYTHON, "-m", "dlroadmap"]


@dataclass(frozen=True, slots=True)
class TimedCommand:
    """A short command timed from spawn to exit.

    With `probe`, it is skipped unless the probe exits 0 printing `expect`.
    """

    label: str
    argv: tuple[str, ...]
    probe: tuple[str, ...] | None = None
    expect: str = ""
    shelf: bool = False  # run with SHELF_SIZE roadmaps on the shelf (see shelf.py)


def subcommand(name: str, *args: str, shelf: bool = False) -> TimedCommand:
    """`dlroadmap NAME ARGS`, timed once `dlroadmap NAME --help` shows its own usage.

    (Before the subcommand exists, `dlroadmap NAME --help` still exits 0: NAME is
    taken for the ROADMAP.md argument and the main help is printed.)
    """
    base = dlroadmap_argv()
    return TimedCommand(
        f"dlroadmap {' '.join((name, *args))}" + (f" ({SHELF_SIZE} roadmaps)" if shelf else ""),
        (*base, name, *args),
        (*base, name, "--help"),
        f"usage: dlroadmap {name}",
        shelf,
    )


# Figure 4. Add a command here to time it.
TIMED_COMMANDS = (
    TimedCommand("python -c pass", (PYTHON, "-c", "pass")),
    TimedCommand("import textual.app", (PYTHON, "-c", "import textual.app")),
    subcommand("where"),
    subcommand("review"),
    subcommand("list", shelf=True),
    subcommand("review", shelf=True),
)
COMMAND_REF = "import textual.app"
COMMAND_GOALS = {
    "dlroadmap review": Goal(0.5, "ratio"),
    f"dlroadmap list ({SHELF_SIZE} roadmaps)": Goal(0.3, "value"),
    f"dlroadmap review ({SHELF_SIZE} roadmaps)": Goal(0.5, "ratio"),
}


@dataclass(frozen=True, slots=True)
class AppCommand:
    """A full-screen command run in the pty until `needles` are all on screen."""

    label: str
    argv: tuple[str, ...]
    needles: tuple[str, ...]
    keys: tuple[str, ...] = ()
    state_files: tuple[Path, ...] = ()
    editing: str = ""  # text on screen exactly while the note editor is open


@dataclass(slots=True)
class Session:
    paint: Paint
    settled_bytes: int
    rss_kib: int
    keys: dict[str, list[KeyResult]] = field(default_factory=dict)


@dataclass(slots=True)
class Options:
    runs: int
    large_runs: int
    warmup: int
    groups: set[str]
    sizes: list[int]
    stock: bool
    show_screens: bool
    quick: bool


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def needle(text: str) -> str:
    """The first characters of a title from its first letter or digit (emoji skipped)."""
    start = next((i for i, ch in enumerate(text) if ch.isalnum()), 0)
    return text[start : start + NEEDLE_LENGTH].rstrip()


# -- pty sessions --------------------------------------------------------------------


def run_session(command: AppCommand, sandbox: Sandbox, tag: str) -> Session:
    env = sandbox.env(tag, command.state_files)
    with PtySession(command.argv, env) as pty:
        paint = pty.wait_for(shows(*command.needles), FIRST_PAINT_TIMEOUT)
        pty.wait_quiet(SETTLE)
        settled = pty.total_bytes
        keys: dict[str, list[KeyResult]] = {}
        for key in command.keys:
            until = None
            if key == "n":
                until = shows(command.editing)
            elif key == "escape":
                until = lacks(command.editing)
                # The editor's cursor blinks every 0.5 s: wait for a blink so that the
                # escape (held 100-200 ms by Textual, see ESCDELAY) lands between two.
                pty.wait_quiet(0.03, first_timeout=1.0)
            result = pty.press(KEYS[key], QUIET, first_timeout=KEY_TIMEOUT, until=until)
            if result.first_byte is None:
                raise HarnessError(f"{command.label}: {key!r} drew nothing; screen:\n{pty.text()}")
            keys.setdefault(key, []).append(result)
        rss = pty.peak_rss_kib()
    return Session(paint, settled, rss, keys)


def interleave(
    name: str,
    commands: Sequence[AppCommand],
    runs: int,
    warmup: int,
    sandbox: Sandbox,
    opts: Options,
    warmup_commands: Sequence[AppCommand] | None = None,
) -> dict[str, list[Session]]:
    """Run every command once per round, in order, for warm-up + measured rounds."""
    results: dict[str, list[Session]] = {c.label: [] for c in commands}
    for round_ in range(warmup):
        for command in warmup_commands or commands:
            if round_ == 0 and command.label in sandbox.warmed:
                continue  # warmed up by an earlier group, keys and all
            log(f"[{name}] warm-up {round_ + 1}/{warmup}: {command.label}")
            run_session(command, sandbox, "warmup")
            sandbox.warmed.add(command.label)
    for round_ in range(runs):
        for command in commands:
            started = time.perf_counter()
            session = run_session(command, sandbox, command.label.split()[0])
            results[command.label].append(session)
            log(
                f"[{name}] run {round_ + 1}/{runs}: {command.label}: first paint "
                f"{session.paint.seconds * 1000:.0f} ms ({time.perf_counter() - started:.1f} s)"
            )
            if opts.show_screens and round_ == 0:
                log(f"--- {command.label}: screen at first paint ---\n{session.paint.screen}")
    return results


def key_values(sessions: Sequence[Session], key: str, what: str) -> list[float]:
    """One figure per session: the median over that session's presses of `key`."""
    values: list[float] = []
    for session in sessions:
        presses = session.keys.get(key, [])
        picked = [getattr(p, what) for p in presses]
        picked = [float(v) for v in picked if v is not None]
        if picked:
            values.append(statistics.median(picked))
    return values


def key_row(
    section: str,
    label: str,
    unit: Unit,
    what: str,
    key: str,
    sessions: Sequence[Session],
    ref: tuple[str, Sequence[Session]],
    goal: Goal | None = None,
    note: str = "",
) -> Row:
    """A per-key figure (`what` of each press of `key`) beside the reference app's."""
    ref_label, ref_sessions = ref
    return Row(
        section,
        label,
        unit,
        key_values(sessions, key, what),
        ref_label,
        key_values(ref_sessions, key, what),
        goal,
        note,
    )


# -- groups ----------------------------------------------------------------------------


def app_commands(
    markdown: Path | None, keys: tuple[str, ...], state_files: tuple[Path, ...] = ()
) -> tuple[AppCommand, AppCommand, AppCommand]:
    """dlroadmap, the bare Static app and the stock Tree app on one roadmap (None: bundled)."""
    path = markdown or bundled_roadmap_path()
    roadmap = load_roadmap(path)
    title, phase = roadmap.text, roadmap.phases[0].text
    needles = (needle(title), needle(phase))
    where = (str(markdown),) if markdown else ()
    app = AppCommand(
        "dlroadmap", (*dlroadmap_argv(), *where), needles, keys, state_files, APP_EDITING
    )
    bare = AppCommand(
        "bare Static app", (PYTHON, str(BARE_APP), "static", f"dlroadmap — {title}", phase), needles
    )
    stock = AppCommand(
        "stock Tree app", (PYTHON, str(BARE_APP), "tree", str(path)), needles, keys, (), EDITING
    )
    return app, bare, stock


def bench_bundled(opts: Options, sandbox: Sandbox) -> list[Row]:
    app, bare, stock = app_commands(None, BUNDLED_KEYS)
    commands = [app, bare, stock] if opts.stock else [app, bare]
    got = interleave("bundled", commands, opts.runs, opts.warmup, sandbox, opts)
    a, b = got[app.label], got[bare.label]
    s = got.get(stock.label, [])
    sec1 = "1. first paint, bundled plan (120x36 pty)"
    rows = [
        Row(sec1, "first paint", "s", _paint(a), bare.label, _paint(b), Goal(1.3, "ratio")),
    ]
    if s:
        rows.append(Row(sec1, "first paint", "s", _paint(a), stock.label, _paint(s)))
    rows += [
        Row(sec1, "bytes until first paint", "B", _paint_bytes(a), bare.label, _paint_bytes(b)),
        Row(
            sec1,
            "bytes until start-up settled",
            "B",
            [x.settled_bytes for x in a],
            bare.label,
            [x.settled_bytes for x in b],
        ),
    ]
    sec2 = "2. per key, bundled plan (after start-up settled)"
    ref_label = stock.label if s else ""
    for key in ("down", "space", "n", "escape"):
        goal = Goal(2000, "value") if key == "down" else None
        label = f"bytes per {key}" + (" (median of 10)" if key == "down" else "")
        rows.append(key_row(sec2, label, "B", "nbytes", key, a, (ref_label, s), goal))
    for key in ("down", "space", "n", "escape"):
        note = "includes Textual's ESCDELAY (100 ms) and its 100 ms input tick"
        rows.append(
            key_row(
                sec2, f"{key} → frame", "s", "first_frame", key, a, (ref_label, s),
                note=note if key == "escape" else "",
            )
        )  # fmt: skip
    sec3 = "3. peak RSS, bundled plan (after first paint and the keys above)"
    rows.append(Row(sec3, "peak RSS", "KiB", _rss(a), bare.label, _rss(b), Goal(1.5, "ratio")))
    if s:
        rows.append(Row(sec3, "peak RSS", "KiB", _rss(a), stock.label, _rss(s)))
    return [*rows[:1], first_frame_work(sec1, bare, sandbox), *rows[1:]]


def first_frame_work(section: str, bare: AppCommand, sandbox: Sandbox) -> Row:
    """Instructions executed up to the first frame, dlroadmap and the bare app, counted
    by valgrind: one run each, as the count does not vary (machine noise does not
    reach it). After the timed runs: dlroadmap finds its caches as a user's start does."""
    row = Row(section, "work to first frame", "instr", ref_label=bare.label)
    if shutil.which("valgrind") is None:
        row.note = "skipped: valgrind is not installed (Debian: apt install valgrind)"
        return row
    bare_lines = bare.argv[bare.argv.index("static") + 1 :]
    for bucket, args in ((row.values, ["dlroadmap"]), (row.ref_values, ["static", *bare_lines])):
        valgrind = (
            "valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"
        )  # fmt: skip
        done = subprocess.run(
            [*valgrind, PYTHON, str(FIRST_FRAME_WORK), *args],
            env=sandbox.env("work"),
            capture_output=True,
            text=True,
            check=False,
        )
        counted = [line for line in done.stderr.splitlines() if "I   refs:" in line]
        if done.returncode != FRAME_MADE or not counted:
            raise HarnessError(f"first_frame_work.py {args[0]} made no frame:\n{done.stderr}")
        bucket.append(float(counted[0].split(":")[1].replace(",", "")))
        log(f"[bundled] work to first frame: {args[0]}: {bucket[0] / 1e6:,.0f} M instructions")
    return row


def _paint(sessions: Sequence[Session]) -> list[float]:
    return [x.paint.seconds for x in sessions]


def _paint_bytes(sessions: Sequence[Session]) -> list[float]:
    return [x.paint.nbytes for x in sessions]


def _rss(sessions: Sequence[Session]) -> list[float]:
    return [x.rss_kib for x in sessions]


def bench_commands(opts: Options, sandbox: Sandbox) -> list[Row]:
    section = "4. wall time of short commands (spawn to exit)"
    commands: list[TimedCommand] = []
    skipped: list[str] = []
    for command in TIMED_COMMANDS:
        if command.probe is not None and not _succeeds(command.probe, command.expect, sandbox):
            skipped.append(command.label)
        else:
            commands.append(command)
    times: dict[str, list[float]] = {c.label: [] for c in commands}
    runs = opts.runs * 2  # cheap, and noisier than the rest
    shelf = make_shelf(sandbox.path("shelf")) if any(c.shelf for c in commands) else ()
    for round_ in range(opts.warmup + runs):
        for command in commands:
            env = sandbox.env("cmd", shelf if command.shelf else ())
            started = time.perf_counter()
            subprocess.run(
                command.argv,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                check=True,
                timeout=60,
            )
            if round_ >= opts.warmup:
                times[command.label].append(time.perf_counter() - started)
        log(f"[commands] round {round_ + 1}/{opts.warmup + runs}")
    rows: list[Row] = []
    ref = times.get(COMMAND_REF, [])
    for command in commands:
        if command.label == COMMAND_REF:
            continue
        rows.append(
            Row(
                section,
                command.label,
                "s",
                times[command.label],
                COMMAND_REF,
                ref,
                COMMAND_GOALS.get(command.label),
            )
        )
    for label in skipped:
        rows.append(
            Row(
                section,
                label,
                "s",
                goal=COMMAND_GOALS.get(label),
                note="skipped: no such subcommand yet (its --help shows no usage of its own)",
            )
        )
    return rows


def _succeeds(argv: Sequence[str], expect: str, sandbox: Sandbox) -> bool:
    completed = subprocess.run(
        argv,
        env=sandbox.env("probe"),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    return completed.returncode == 0 and expect in completed.stdout


def bench_large(opts: Options, sandbox: Sandbox, size: int) -> list[Row]:
    started = time.perf_counter()
    made = generate(size, sandbox.path("roadmaps"), sandbox.path(f"state-{size}"))
    log(f"[{size}] generated {made.markdown.name} in {time.perf_counter() - started:.1f} s")
    runs = 1 if opts.quick else opts.runs if size <= 10_000 else opts.large_runs
    is_goal_size = size == 10_000
    section = (
        f"6. {size:,} items, {made.notes:,} notes (markdown {made.markdown.stat().st_size:,} B,"
        f" state file {made.state.stat().st_size:,} B)"
    )
    rows = _in_process(opts, made, runs, section, is_goal_size)

    app, bare, stock = app_commands(made.markdown, LARGE_KEYS, (made.state,))
    commands = [app, bare, stock] if opts.stock and size <= 10_000 else [app, bare]
    # The warm-up is on the bundled plan: it warms the same code and the bytecode
    # cache at a fraction of the cost of a large start-up.
    labels = {c.label for c in commands}
    warm = [c for c in app_commands(None, BUNDLED_KEYS) if c.label in labels]
    interleave(f"{size}", commands, 0, opts.warmup, sandbox, opts, warm)
    # The first open of this roadmap finds nothing cached (as after it or its state file
    # changed elsewhere); it fills the caches every later start reads, as a user's do.
    cold = run_session(app, sandbox, "cold")
    log(f"[{size}] first open, nothing cached: first paint {cold.paint.seconds * 1000:.0f} ms")
    got = interleave(f"{size}", commands, runs, 0, sandbox, opts)
    a, b = got[app.label], got[bare.label]
    s = got.get(stock.label, [])
    ref_label = stock.label if s else ""
    rows.append(
        Row(
            section,
            "first paint",
            "s",
            _paint(a),
            bare.label,
            _paint(b),
            Goal(2.0, "ratio") if is_goal_size else None,
        )
    )
    rows.append(
        Row(section, "first paint, first open", "s", [cold.paint.seconds], bare.label, _paint(b))
    )
    if s:
        rows.append(Row(section, "first paint", "s", _paint(a), stock.label, _paint(s)))
    for key in ("down", "space"):
        latency_goal = Goal(0.050, "value") if is_goal_size else None
        ref = (ref_label, s)
        rows += [
            key_row(section, f"{key} → frame", "s", "first_frame", key, a, ref, latency_goal),
            key_row(section, f"{key} → quiet", "s", "settled", key, a, ref),
            key_row(section, f"bytes per {key}", "B", "nbytes", key, a, ref),
        ]
    rows.append(Row(section, "peak RSS", "KiB", _rss(a), bare.label, _rss(b)))
    return rows


def _in_process(
    opts: Options, made: Generated, runs: int, section: str, is_goal_size: bool
) -> list[Row]:
    """Parse and save, timed in this process, each beside its reference."""
    markdown = mistune.create_markdown(
        renderer="ast", plugins=["table", "task_lists", "strikethrough"]
    )

    def parse() -> None:
        load_roadmap(made.markdown)

    def mistune_only() -> None:
        text = made.markdown.read_text(encoding="utf-8")
        gc.disable()  # as dlroadmap.roadmap.parser does while parsing
        try:
            markdown(text)
        finally:
            gc.enable()

    folder = Path(made.state.parent.parent / f"save-{made.items}")
    folder.mkdir(exist_ok=True)
    shutil.copy2(made.state, folder / made.state.name)
    roadmap = load_roadmap(made.markdown)
    store = Store.open(roadmap, made.markdown, folder)
    if store.path != folder / made.state.name:
        raise HarnessError(f"the store opened {store.path}, not the generated state file")
    node = next(roadmap.items())
    ref_path = folder / "reference.toml"

    def save() -> None:
        target = Status.TODO if store.status(node) == Status.DONE else Status.DONE
        if not store.set_status(node, target):
            raise HarnessError("set_status changed nothing")

    def write_prepared() -> None:
        write_atomically(ref_path, prepared)

    prepared = dump_state(store.state)
    pairs: list[tuple[str, Callable[[], None], str, Callable[[], None], Goal | None]] = [
        ("parse (load_roadmap)", parse, "mistune AST only", mistune_only, None),
        (
            "save after one change",
            save,
            "write_atomically, same bytes",
            write_prepared,
            Goal(0.050, "value") if is_goal_size else None,
        ),
    ]
    rows: list[Row] = []
    for label, measured, ref_label, reference, goal in pairs:
        row = Row(section, label, "s", ref_label=ref_label, goal=goal)
        # generate() has just parsed this file with this code: that was the parse's warm-up.
        warmup = 0 if measured is parse else opts.warmup
        for round_ in range(warmup + runs):
            for fn, bucket in ((measured, row.values), (reference, row.ref_values)):
                gc.collect()
                started = time.perf_counter()
                fn()
                elapsed = time.perf_counter() - started
                if round_ >= warmup:
                    bucket.append(elapsed)
        log(f"[{made.items}] {label}: {statistics.median(row.values) * 1000:.0f} ms")
        rows.append(row)
    return rows


# -- main ------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> tuple[Options, argparse.Namespace]:
    parser = argparse.ArgumentParser(
        description=(__doc__ or "").splitlines()[0],
        epilog="\n".join((__doc__ or "").splitlines()[2:]),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--runs", type=int, default=5, help="measured runs per figure (5)")
    parser.add_argument(
        "--large-runs", type=int, default=3, help="measured runs above 10,000 items (3)"
    )
    parser.add_argument("--warmup", type=int, default=1, help="warm-up runs, thrown away (1)")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="2 runs (1 on the 10k roadmap), no 50k roadmap, no stock Tree app",
    )
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="GROUP",
        help="bundled, commands, large, or a size (10k, 50k...); repeatable",
    )
    parser.add_argument(
        "--sizes", default="10000,50000", help="item counts for the large group (10000,50000)"
    )
    parser.add_argument(
        "--no-stock", action="store_true", help="skip the stock Textual Tree reference app"
    )
    parser.add_argument(
        "--show-screens", action="store_true", help="print each app's screen at first paint"
    )
    parser.add_argument("--json", type=Path, help="also write every sample to this file")
    parser.add_argument("--keep", action="store_true", help="keep the temp folder")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    groups: set[str] = set()
    picked_sizes: list[int] = []
    for item in ",".join(args.only).split(","):
        item = item.strip().lower()
        if not item:
            continue
        if item.endswith("k") and item[:-1].isdigit():
            groups.add("large")
            picked_sizes.append(int(item[:-1]) * 1000)
        elif item in ("bundled", "startup", "keys", "memory"):
            groups.add("bundled")
        elif item in ("commands", "large"):
            groups.add(item)
        else:
            parser.error(f"unknown group {item!r}")
    groups = groups or {"bundled", "commands", "large"}
    if picked_sizes and "large" not in ",".join(args.only):
        sizes = picked_sizes
    runs, large_runs, stock = args.runs, args.large_runs, not args.no_stock
    if args.quick:
        runs, large_runs, stock = 2, 1, False
        if not args.only:
            sizes = [s for s in sizes if s <= 10_000] or sizes[:1]
    return Options(
        runs=runs,
        large_runs=large_runs,
        warmup=args.warmup,
        groups=groups,
        sizes=sizes,
        stock=stock,
        show_screens=args.show_screens,
        quick=args.quick,
    ), args


def main(argv: Sequence[str] | None = None) -> int:
    opts, args = parse_args(argv)
    started = time.perf_counter()
    rows: list[Row] = []
    with Sandbox(keep=args.keep) as sandbox:
        if "bundled" in opts.groups:
            rows += bench_bundled(opts, sandbox)
        if "commands" in opts.groups:
            rows += bench_commands(opts, sandbox)
        if "large" in opts.groups:
            for size in opts.sizes:
                rows += bench_large(opts, sandbox, size)
    elapsed = time.perf_counter() - started
    print()
    print(render(rows))
    large = "1" if opts.quick else f"{opts.runs} at 10k, {opts.large_runs} above"
    print(
        f"\nruns: {opts.runs} (commands: {opts.runs * 2}; generated roadmaps: {large}), each "
        f"after {opts.warmup} warm-up; ratio = median of the per-run ratios A/ref; "
        f"{elapsed:.0f} s in all"
    )
    if args.json:
        args.json.write_text(json.dumps([asdict(row) for row in rows], indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
