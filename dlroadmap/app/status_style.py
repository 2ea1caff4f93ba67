"""Status colours from the theme, shared by every widget that draws a status glyph.

A widget that uses these declares `COMPONENT_CLASSES = STATUS_COMPONENT_CLASSES`
(Textual collects component classes along the first base only, so no mixin) and
app.tcss colours them.
"""

from rich.color import Color as RichColor
from rich.style import Style
from textual.widget import Widget

from dlroadmap.common.contrast import readable
from dlroadmap.roadmap.model import Status

STATUS_CLASSES = {
    Status.DONE: "status--done",
    Status.IN_PROGRESS: "status--in-progress",
    Status.TODO: "status--todo",
    Status.SKIPPED: "status--skipped",
}
MUTED_CLASS = "status--muted"
STATUS_COMPONENT_CLASSES = {*STATUS_CLASSES.values(), MUTED_CLASS}


def status_style(widget: Widget, status: Status) -> Style:
    return _solid(widget, STATUS_CLASSES[status])


def muted_style(widget: Widget) -> Style:
    return _solid(widget, MUTED_CLASS)


def _solid(widget: Widget, name: str) -> Style:
    """The component's style, its colour made solid over the widget's background.

    A Rich style has no transparency: a theme colour given with some (`$text-muted` is
    `auto 60%`, a contrasting colour at 60%) would be drawn at full strength, white on a
    light theme. Blended here as Textual blends the widget's own text.
    """
    style = widget.get_component_rich_style(name, partial=True)
    styles = widget.get_component_styles(name)
    if not styles.has_rule("color") or styles.color.ansi is not None:
        return style  # none, or the terminal's own colour (ANSI themes): left to it
    _, background = widget.background_colors
    color = background.get_contrast_text(styles.color.a) if styles.auto_color else styles.color
    # Some themes' success and warning colours are too faint on their own background.
    solid = readable((background + color).rgb, background.rgb)
    return style + Style(color=RichColor.from_rgb(*solid))
