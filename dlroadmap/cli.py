"""The `dlroadmap` command: parse arguments, open the roadmap and its state, run the app."""

from __future__ import annotations

import gc
import os
import shutil
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from dlroadmap import __version__, cli_shelf
from dlroadmap.cli_shelf import source_of
from dlroadmap.cli_store import open_store, read_only_store
from dlroadmap.command import EXIT_USAGE, Command
from dlroadmap.common.printable import printable, printable_path
from dlroadmap.config import SettingsSaver, config_path, load_config
from dlroadmap.errors import DlroadmapError, RoadmapError
from dlroadmap.locations import roadmap_cache_dir, state_dir, style_cache_dir
from dlroadmap.progress.locate import state_path_for
from dlroadmap.roadmap.model import Roadmap
from dlroadmap.roadmap.source import bundled_roadmap_path, load_roadmap
from dlroadmap.shelf.access import ShelfAccess
from dlroadmap.shelf.recent import remember_opened

if TYPE_CHECKING:
    import argparse


def _roadmap_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "roadmap",
        nargs="?",
        metavar="ROADMAP",
        help="a roadmap: the path of its markdown, the URL it was added from, or its title "
        "on your shelf (the start of it will do); default: the one opened last (on a fresh "
        "machine, the bundled deep-learning study plan)",
    )


def _app_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--version", action="version", version=f"dlroadmap {__version__}")
    parser.add_argument(
        "--bundled", action="store_true", help="open the bundled deep-learning study plan"
    )
    parser.add_argument(
        "--ascii",
        action="store_true",
        help="status marks, tree and borders in ASCII only (x ~ o -)",
    )
    parser.add_argument(
        "--no-mouse",
        action="store_true",
        help="leave the mouse to the terminal, so its own selection copies text "
        "(or set mouse = false in the settings file)",
    )


def _review_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print the review as JSON")
    parser.add_argument("--ascii", action="store_true", help="ASCII only, no block characters")


def _serve_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=int, default=8000, help="the port (default 8000)")


def _serve(args: argparse.Namespace) -> int:
    source, _roadmap = _open(args.roadmap)  # a bad file is reported now, not in the browser
    try:
        from dlroadmap.app.serve import PrivateServer
    except ImportError:
        print(
            "dlroadmap: serving in a browser needs textual-serve: pip install 'dlroadmap[web]'.",
            file=sys.stderr,
        )
        return EXIT_USAGE
    import shlex

    command = shlex.join([sys.executable, "-m", "dlroadmap", str(source.resolve())])
    PrivateServer(command, port=args.port, title="dlroadmap").serve()
    return 0


def _source(argument: str | None) -> Path:
    return source_of(argument)


def _open(argument: str | None) -> tuple[Path, Roadmap]:
    source = _source(argument)
    return source, load_roadmap(source, cache=roadmap_cache_dir())


def _where(args: argparse.Namespace) -> int:
    source, roadmap = _open(args.roadmap)
    path = state_path_for(roadmap, source.resolve(), state_dir()).resolve()
    if sys.stdout.isatty():
        print(printable_path(path))
    else:
        # The path's very bytes, for `"$(dlroadmap where)"` to name the file whatever its name.
        sys.stdout.flush()
        sys.stdout.buffer.write(os.fsencode(path) + b"\n")
    return 0


def _review(args: argparse.Namespace) -> int:
    source, roadmap = _open(args.roadmap)
    store = read_only_store(roadmap, source)
    # Imported here: the app's commands never pay for them, nor this one for Textual.
    from dlroadmap.review.build import build_review, to_json
    from dlroadmap.shelf.others import Shelved

    today = date.today()
    state, rest = store.state, Shelved((), ())
    if args.roadmap is None:
        # Without a roadmap named: the others on the shelf too, and a streak kept by any.
        state, rest = cli_shelf.with_others(store, today)
    config, problem = load_config(config_path())
    # The store's roadmap: what the learner brought back into the plan counts too.
    review = build_review(store.roadmap, state, store.status, today, weekly_goal=config.weekly_goal)
    # On stderr: the review itself stays the output.
    if problem is not None:  # the weekly goal is read from there: say why it is not used
        print(f"dlroadmap: {problem}", file=sys.stderr)
    for warning in roadmap.warnings:
        print(f"dlroadmap: {printable_path(source)}: {printable(warning)}", file=sys.stderr)
    if args.json:
        import json  # only --json pays for it

        from dlroadmap.shelf.others import others_json

        data = to_json(review)
        if args.roadmap is None:
            data["others"] = others_json(rest.others)
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    from dlroadmap.review.text import render
    from dlroadmap.shelf.others import other_lines

    color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    width = min(shutil.get_terminal_size((80, 24)).columns, 80)
    print(render(review, roadmap.text, width=width, color=color, ascii_only=args.ascii))
    below = other_lines(rest.others, width=width, color=color, ascii_only=args.ascii)
    if below:
        print(f"\n{below}")
    return 0


def _export_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="write to FILE (replaced atomically) instead of standard output; a FILE that "
        "exists must be an earlier export, unchanged since (or see --force)",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace FILE even if dlroadmap did not write it (a progress file never is)",
    )
    parser.add_argument(
        "--format", choices=("markdown", "json"), default="markdown", help="default: markdown"
    )


def _export(args: argparse.Namespace) -> int:
    # Imported here, like the review: no command pays for another's modules.
    from dlroadmap.export.data import to_json
    from dlroadmap.export.files import same_file, write_export
    from dlroadmap.export.markdown import to_markdown

    source, roadmap = _open(args.roadmap)
    output: Path | None = args.output.expanduser() if args.output else None
    if output is not None and str(output) == "-":
        output = None
    if output is not None and same_file(output, source):
        raise DlroadmapError(
            output,
            "that is the roadmap being exported, and dlroadmap never writes over a roadmap. "
            "Choose another file for -o, or leave -o out to print the export.",
        )
    store = read_only_store(roadmap, source)
    if args.format == "json":
        import json

        data = to_json(store.roadmap, store.status, store.item, store.unmatched())
        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    else:
        unmatched = [(saved.text, saved.note) for _, saved in store.unmatched()]
        text = to_markdown(store.roadmap, store.status, store.note, unmatched)
    if output is None:
        sys.stdout.write(text)
    else:
        write_export(output, text, force=args.force)
    return 0


def _run_app(
    argument: str | None,
    *,
    bundled: bool = False,
    ascii_glyphs: bool = False,
    no_mouse: bool = False,
) -> int:
    source = bundled_roadmap_path() if bundled else source_of(argument, fetch_new=True)
    roadmap = load_roadmap(source, cache=roadmap_cache_dir())
    store = open_store(roadmap, source)
    remember_opened(source)
    config, problem = load_config(config_path())
    # Imported here so that `where` (and other quick commands) never pay for Textual.
    from dlroadmap.app.app import RoadmapApp, Settings
    from dlroadmap.app.textual_internals.style_cache import StyleCache

    settings = Settings(config, SettingsSaver(config_path()), problem)
    app = RoadmapApp(
        roadmap,
        store,
        ascii_glyphs=ascii_glyphs,
        settings=settings,
        source=source,
        shelf=ShelfAccess.of_user(),
        style_cache=StyleCache(style_cache_dir()),
    )
    # What was loaded lives as long as the app: kept out of the collector's later passes.
    # The app turns the collector back on once its first frame is out.
    gc.freeze()
    app.run(mouse=config.mouse and not no_mouse)
    # After the terminal is given back: the next start reads this session's saves quickly.
    store.keep_in_cache()
    # Non-zero when the app ended on an error (Textual has printed its traceback by now),
    # or when changes could not be saved nor kept (the app said which, on stderr).
    return app.return_code or 0


def _sync_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--remote",
        metavar="URL",
        help="sync with this git remote from now on (once; any URL git knows: "
        "git@host:me/progress.git, https://..., /media/usb/progress.git)",
    )


def _sync(args: argparse.Namespace) -> int:
    from dlroadmap.sync.run import run_command  # only a sync pays for it

    return run_command(args.remote)


# Every subcommand, in the order `dlroadmap --help` lists them. Any other first argument
# is the roadmap to open in the app (a path, a URL or a title: see cli_shelf.py).
COMMANDS = {
    command.name: command
    for command in (
        Command(
            "review",
            "print today's review and exit",
            "Print where you stand and what to study next, then exit: progress per phase, "
            "what is in progress, what comes next, topics due for a revisit, what you did "
            "today, yesterday and this week, your streak and a 13-week activity calendar. "
            "Colour on a terminal; plain text when piped or with NO_COLOR set. Without a "
            "ROADMAP, the one opened last, then a line for each other roadmap studied in the "
            "last four weeks; the streak counts a day studied on any. Writes nothing but "
            "parsed roadmaps to the parse cache (~/.cache/dlroadmap/roadmaps/), when they "
            "were not there: never a progress file.",
            _review_options,
            _review,
        ),
        *cli_shelf.COMMANDS,
        Command(
            "export",
            "write the roadmap with progress and notes",
            "Write the roadmap with your progress and notes, as markdown (a GitHub task list: "
            "[x] done, [ ] to do, in progress and skipped marked after the topic, notes quoted "
            "under it) or as JSON. Opening the markdown in dlroadmap gives the same topics with "
            "the same statuses. The roadmap file itself is never changed.",
            _export_options,
            _export,
        ),
        Command(
            "where",
            "print the path of the file holding that roadmap's progress and notes",
            "Print the absolute path of the state file the roadmap uses.",
            lambda parser: None,
            _where,
        ),
        Command(
            "serve",
            "serve the app in a browser (127.0.0.1)",
            "Serve the app in a web browser on this machine (127.0.0.1 only), with "
            "textual-serve: pip install 'dlroadmap[web]'. Open the address it prints: its "
            "secret token, new each run, keeps other web pages and users out. Each browser "
            "tab runs its own session.",
            _serve_options,
            _serve,
        ),
        Command(
            "sync",
            "sync progress and notes with your other machines through git",
            "Sync progress and notes with a git remote: commit what changed here, fetch, "
            "merge (dlroadmap's own merge: nothing is lost, a note rewritten on two machines "
            "keeps both texts), push. Run it once with --remote URL; after that, plain "
            '`dlroadmap sync` (or sync = "auto" in the settings). Settings are not synced.',
            _sync_options,
            _sync,
            takes_roadmap=False,
        ),
    )
}


def _command_parser(command: Command) -> argparse.ArgumentParser:
    """The parser of `dlroadmap COMMAND [ROADMAP.md] [options]`."""
    import argparse  # here: `dlroadmap` alone parses nothing (see main)

    parser = argparse.ArgumentParser(
        prog=f"dlroadmap {command.name}", description=command.description
    )
    if command.takes_roadmap:
        _roadmap_argument(parser)
    command.options(parser)
    return parser


def _commands_help() -> str:
    """The list of commands under `dlroadmap --help`, with each one's usage from its parser."""
    lines = ["commands (dlroadmap COMMAND --help for more):"]
    for command in COMMANDS.values():
        usage = " ".join(_command_parser(command).format_usage().split()[1:])
        lines += [f"  {usage.replace(' [-h]', '')}", f"      {command.summary}"]
    return "\n".join(lines)


def _parser() -> argparse.ArgumentParser:
    """The parser of `dlroadmap [options] [ROADMAP.md]`: the app on a roadmap."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="dlroadmap",
        description="Track your way through a learning roadmap written in markdown.",
        epilog=_commands_help() + "\n\nProgress is kept under $XDG_DATA_HOME/dlroadmap "
        "(default ~/.local/share/dlroadmap).",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _app_options(parser)
    _roadmap_argument(parser)
    return parser


# A command whose reader went away (`dlroadmap review | head -2`) ends as a C tool killed
# by SIGPIPE would (128 + 13): quietly, and a script can tell it from a failure (1, 2).
EXIT_BROKEN_PIPE = 141


def _printing(run: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    """Run a command that prints; a closed standard output ends it quietly."""
    try:
        status = run(args)
        sys.stdout.flush()  # here, not at exit, where a closed pipe could not be caught
    except BrokenPipeError:
        # Whatever is still buffered goes nowhere, instead of failing again at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        return EXIT_BROKEN_PIPE
    return status


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    # Loading makes the whole roadmap and state at once: the collector's passes over
    # them free nothing and cost a third of the loading (see _run_app for the rest).
    gc.disable()
    try:
        command = COMMANDS.get(arguments[0]) if arguments else None
        if command is not None:
            return _printing(command.run, _command_parser(command).parse_args(arguments[1:]))
        if not arguments:
            # The everyday start, with nothing to parse: argparse is not even loaded.
            return _run_app(None)
        args = _parser().parse_args(arguments)
        return _run_app(
            args.roadmap, bundled=args.bundled, ascii_glyphs=args.ascii, no_mouse=args.no_mouse
        )
    except DlroadmapError as error:
        print(f"dlroadmap: {error}{_did_you_mean(arguments, error)}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        gc.enable()


def _did_you_mean(arguments: list[str], error: DlroadmapError) -> str:
    """A first argument that is no file, but close to a command's name: that command,
    misspelt (`dlroadmap revew`)."""
    if not (isinstance(error, RoadmapError) and arguments and error.path == Path(arguments[0])):
        return ""
    if error.path.exists():
        return ""
    import difflib  # only on this error

    close = difflib.get_close_matches(arguments[0], COMMANDS, n=1)
    return f" Did you mean `dlroadmap {close[0]}`?" if close else ""
