"""Fetching a roadmap: the addresses tried for a repository or file page, and what is
refused (other schemes, redirects away from http(s), oversize answers, silence)."""

from __future__ import annotations

import time

import pytest

from dlroadmap.common.weblinks import absolute
from dlroadmap.fetch.get import FetchError, fetch
from dlroadmap.fetch.hosts import markdown_urls, page_of
from dlroadmap.roadmap.source import MAX_BYTES
from tests.served import Page, serving

PLAN = "# Served Plan\n\n## One\n\n- first\n- second\n"


@pytest.mark.parametrize(
    ("page", "first"),
    [
        (
            "https://github.com/ossu/computer-science",
            "https://raw.githubusercontent.com/ossu/computer-science/HEAD/README.md",
        ),
        ("https://github.com/a/b/", "https://raw.githubusercontent.com/a/b/HEAD/README.md"),
        (
            "https://github.com/a/b/blob/main/docs/x.md",
            "https://raw.githubusercontent.com/a/b/main/docs/x.md",
        ),
        (
            "https://github.com/a/b/tree/dev/sub",
            "https://raw.githubusercontent.com/a/b/dev/sub/README.md",
        ),
        (
            "https://gitlab.com/group/sub/proj",
            "https://gitlab.com/group/sub/proj/-/raw/HEAD/README.md",
        ),
        ("https://gitlab.com/g/p/-/blob/main/R.md", "https://gitlab.com/g/p/-/raw/main/R.md"),
        ("https://codeberg.org/o/r", "https://codeberg.org/o/r/raw/branch/main/README.md"),
        (
            "https://codeberg.org/o/r/src/branch/main/x.md",
            "https://codeberg.org/o/r/raw/branch/main/x.md",
        ),
        ("https://example.org/plan.md", "https://example.org/plan.md"),
        ("https://github.com/ossu", "https://github.com/ossu"),
    ],
)
def test_a_page_is_read_where_its_host_serves_the_markdown(page: str, first: str) -> None:
    assert markdown_urls(page)[0] == first


def test_a_readme_is_looked_for_under_its_other_names() -> None:
    tried = markdown_urls("https://github.com/a/b")
    assert "https://raw.githubusercontent.com/a/b/HEAD/readme.md" in tried
    master = "https://codeberg.org/o/r/raw/branch/master/README.md"
    assert master in markdown_urls("https://codeberg.org/o/r")


def test_a_served_file_is_fetched_following_http_redirects() -> None:
    with serving() as served:
        url = served.put("/plan.md", PLAN)
        served.pages["/moved"] = Page(status=302, location=url)
        fetched = fetch(served.url("/moved"))
    assert fetched.text == PLAN
    assert served.asked == ["/moved", "/plan.md"]


@pytest.mark.parametrize("target", ["file:///etc/passwd", "ftp://127.0.0.1/plan.md"])
def test_a_redirect_away_from_http_is_refused(target: str) -> None:
    with serving() as served:
        served.pages["/away"] = Page(status=301, location=target)
        with pytest.raises(FetchError, match="which is not http"):
            fetch(served.url("/away"))


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/x.md", "data:,x"])
def test_only_http_and_https_are_fetched(url: str) -> None:
    with pytest.raises(FetchError, match="only http and https"):
        fetch(url)


def test_an_answer_over_8_mib_is_refused() -> None:
    with serving() as served:
        served.pages["/big.md"] = Page(b"- x\n" * (MAX_BYTES // 4 + 1))
        with pytest.raises(FetchError, match="larger than 8 MiB"):
            fetch(served.url("/big.md"))


def test_a_server_that_does_not_answer_is_given_up_on_clearly() -> None:
    with serving() as served:
        served.pages["/slow.md"] = Page(PLAN.encode(), delay=3)
        started = time.monotonic()
        with pytest.raises(FetchError, match=r"no answer within 0\.5 s"):
            fetch(served.url("/slow.md"), timeout=0.5)
    assert time.monotonic() - started < 3


def test_a_server_error_and_binary_answers_are_clear() -> None:
    with serving() as served:
        served.pages["/broken"] = Page(b"oops", 500)
        served.pages["/binary.md"] = Page(b"\x00\x01")
        with pytest.raises(FetchError, match="answered 500"):
            fetch(served.url("/broken"))
        with pytest.raises(FetchError, match="binary"):
            fetch(served.url("/binary.md"))


@pytest.mark.parametrize(
    ("added_from", "page"),
    [
        # A repository: its README's page, on the default branch.
        ("https://github.com/o/r", "https://github.com/o/r/blob/HEAD/README.md"),
        (
            "https://github.com/o/r/tree/main/docs",
            "https://github.com/o/r/blob/main/docs/README.md",
        ),
        ("https://github.com/o/r/blob/main/plan.md", "https://github.com/o/r/blob/main/plan.md"),
        (
            "https://raw.githubusercontent.com/o/r/v2/a/b.md",
            "https://github.com/o/r/blob/v2/a/b.md",
        ),
        ("https://gitlab.com/g/sub/p", "https://gitlab.com/g/sub/p/-/blob/HEAD/README.md"),
        ("https://gitlab.com/g/p/-/raw/main/x.md", "https://gitlab.com/g/p/-/blob/main/x.md"),
        (
            "https://codeberg.org/o/r/src/branch/main/x.md",
            "https://codeberg.org/o/r/src/branch/main/x.md",
        ),
        ("https://example.org/plans/ml.md", "https://example.org/plans/ml.md"),
        ("https://me:secret@example.org:8443/ml.md", "https://example.org:8443/ml.md"),
    ],
)
def test_the_page_relative_links_are_followed_from(added_from: str, page: str) -> None:
    assert page_of(added_from) == page


@pytest.mark.parametrize(
    ("link", "followed"),
    [
        ("./week 1/notes.md", "https://github.com/o/r/blob/HEAD/docs/week%201/notes.md"),
        ("../LICENSE", "https://github.com/o/r/blob/HEAD/LICENSE"),
        ("https://cs50.harvard.edu/x", "https://cs50.harvard.edu/x"),  # already a web link
        ("#top", "#top"),  # a heading of the same document
        ("/about", "/about"),  # from a site's root: not the repository's
        ("mailto:a@example.org", "mailto:a@example.org"),
    ],
)
def test_a_relative_link_is_made_absolute_from_its_page(link: str, followed: str) -> None:
    assert absolute(link, "https://github.com/o/r/blob/HEAD/docs/README.md") == followed
    assert absolute(link, None) == link  # no page: left as written
