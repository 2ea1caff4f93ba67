"""A node's links: which are followed, how the detail pane writes them, where `o` sends one."""

from __future__ import annotations

from rich.style import Style

from dlroadmap.app import open_link
from dlroadmap.app.about_text import about_text
from dlroadmap.app.detail_views import Link, about, links_of
from dlroadmap.app.open_link import system_browser
from dlroadmap.common.weblinks import openable
from dlroadmap.roadmap.model import Node, Span

HOSTILE = "https://x.example/[bold]red[/bold]\x1b]8;;https://evil.example\x1b\\"


def course() -> Node:
    return Node(
        "c",
        (
            Span("Deep ", link="https://a.example"),
            Span("Learning", bold=True, link="https://a.example"),
        ),
        trackable=True,
        description=(Span("Read "), Span("the notes", link="https://b.example"), Span(" first.")),
        fields=(
            ("Duration", (Span("13 weeks"),)),
            ("Prerequisites", (Span("[bold]Calculus", link="mailto:prof@uni.example"),)),
        ),
        resources=(
            (Span("Slides", link="slides.pdf"),),
            (Span("Video", link="https://a.example"),),
        ),
    )


def test_links_are_each_once_in_document_order_with_their_whole_text() -> None:
    assert links_of(course()) == (
        Link("Deep Learning", "https://a.example"),
        Link("the notes", "https://b.example"),
        Link("[bold]Calculus", "mailto:prof@uni.example"),
        Link("Slides", "slides.pdf"),
    )


def test_only_web_and_mail_links_that_are_plain_text_are_followed() -> None:
    assert openable("https://a.example/x?y=1") and openable("mailto:a@b.example")
    assert openable("HTTP://A.EXAMPLE")
    for url in ("javascript:alert(1)", "file:///etc/passwd", "slides.pdf", "#arrays", "https:"):
        assert not openable(url), url
    assert not openable(HOSTILE)  # an escape could end the hyperlink sequence early
    assert not openable("https://a.example/a b")


def test_the_pane_shows_fields_on_one_line_and_every_link() -> None:
    text = about_text(about(course()), Style())
    lines = text.plain.splitlines()
    assert "Read the notes first." in lines
    assert "Duration 13 weeks · Prerequisites [bold]Calculus" in lines
    assert lines[lines.index("Resources") + 1 :][:2] == ["• Slides", "• Video"]
    assert lines[lines.index("Links") + 1 :][:3] == [
        "1 Deep Learning",
        "  https://a.example",
        "2 the notes",
    ]


def test_only_the_headings_are_bold() -> None:
    text = about_text(about(course()), Style())
    for words, bold in (("Resources", True), ("Slides", False), ("Links", True), ("1 ", False)):
        at = text.plain.index(words)
        styles = [s.style for s in text.spans if s.start <= at < s.end]
        assert any(isinstance(s, Style) and s.bold for s in styles) is bold, words


def test_followed_links_are_hyperlinks_and_the_rest_plain_text() -> None:
    text = about_text(about(course()), Style())
    spans = {text.plain[s.start : s.end]: s.style for s in text.spans if isinstance(s.style, Style)}
    linked = {shown: style.link for shown, style in spans.items() if style.link}
    assert linked["the notes"] == "https://b.example"
    assert linked["[bold]Calculus"] == "mailto:prof@uni.example"
    assert "Slides" not in linked  # a relative link is shown, not followed


def test_a_hostile_url_is_shown_as_symbols_and_never_a_hyperlink() -> None:
    node = Node("h", (Span("Evil", link=HOSTILE),), trackable=True)
    text = about_text(about(node), Style())
    assert "\x1b" not in text.plain
    assert "https://x.example/[bold]red[/bold]␛]8;;https://evil.example␛\\" in text.plain
    assert not any(isinstance(s.style, Style) and s.style.link for s in text.spans)


def test_a_browser_is_used_only_where_one_can_be_seen() -> None:
    launch_browser = open_link.launch_browser  # (a stand-in here: tests start no browser)
    linux = {"DISPLAY": ":0"}
    assert system_browser(linux, "linux") is launch_browser
    assert system_browser({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is launch_browser
    assert system_browser({}, "linux") is None  # a console
    assert system_browser({**linux, "SSH_CONNECTION": "1.2.3.4 5 6.7.8.9 22"}, "linux") is None
    assert system_browser({"SSH_TTY": "/dev/pts/1"}, "darwin") is None
    assert system_browser({}, "darwin") is launch_browser
