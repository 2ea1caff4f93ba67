"""The part of the one table of commands (commands.py) that the screens over the tree
bind: Today, Roadmaps, Notes, a one-line question and Help. Kept apart only for size."""

from __future__ import annotations

from dlroadmap.app.command import Command, Scope

SCREEN_COMMANDS: tuple[Command, ...] = (
    Command(
        "today.back",
        "escape,r",
        "dismiss(None)",
        "Back",
        "Back to the tree",
        Scope.TODAY,
        footer=True,
    ),
    Command(
        "today.jump", "enter", "jump", "Go to item", "Show it in the tree", Scope.TODAY, footer=True
    ),
    Command("today.again", "1", "rate(1)", "Again", "Revisit: forgot it", Scope.TODAY, footer=True),
    Command(
        "today.hard", "2", "rate(2)", "Hard", "Revisit: hard to recall", Scope.TODAY, footer=True
    ),
    Command("today.good", "3", "rate(3)", "Good", "Revisit: recalled it", Scope.TODAY, footer=True),
    Command("today.easy", "4", "rate(4)", "Easy", "Revisit: easy", Scope.TODAY, footer=True),
    Command("roadmaps.back", "escape", "back", "Back", "Back to the tree", Scope.ROADMAPS, True),
    Command("roadmaps.open", "enter", "open", "Open", "Switch to it", Scope.ROADMAPS, True),
    Command(
        "roadmaps.remove",
        "d,delete",
        "remove",
        "Remove",
        "Take it off the shelf (press twice; its file is kept)",
        Scope.ROADMAPS,
        True,
    ),
    Command(
        "roadmaps.locate",
        "m",
        "locate",
        "Moved",
        "Say where its markdown is now",
        Scope.ROADMAPS,
        True,
    ),
    Command(
        "notes.jump", "enter", "jump", "Go to", "Show it in the tree", Scope.NOTES, footer=True
    ),
    Command(
        "notes.attach",
        "a",
        "attach",
        "Attach",
        "Unmatched: attach it to a topic",
        Scope.NOTES,
        footer=True,
    ),
    Command(
        "notes.delete", "d", "delete", "Delete", "Unmatched: delete it", Scope.NOTES, footer=True
    ),
    Command(
        "notes.back",
        "escape,ctrl+n",
        "dismiss(None)",
        "Back",
        "Back to the tree",
        Scope.NOTES,
        footer=True,
    ),
    Command("confirm.yes", "y,enter", "confirm", "Yes", "Yes (any other key: no)", Scope.CONFIRM),
    Command(
        "help.close", "escape,question_mark,q", "dismiss", "Close", "Close", Scope.HELP, footer=True
    ),
)
