"""Making a theme colour readable on its background, its hue kept as far as it can be."""

from __future__ import annotations

import pytest

from dlroadmap.common.contrast import READABLE, contrast, readable

WHITE, BLACK = (255, 255, 255), (0, 0, 0)


def test_black_on_white_is_the_greatest_contrast() -> None:
    assert contrast(BLACK, WHITE) == pytest.approx(21.0)
    assert contrast(WHITE, WHITE) == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("color", "background"),
    [
        ((80, 160, 80), (250, 250, 250)),  # a light theme's green
        ((229, 192, 123), (255, 255, 255)),  # a light theme's amber
        ((40, 60, 90), (30, 30, 46)),  # a dark theme's navy on its panel
    ],
)
def test_a_faint_colour_is_moved_just_far_enough(
    color: tuple[int, int, int], background: tuple[int, int, int]
) -> None:
    assert contrast(color, background) < READABLE
    made = readable(color, background)
    assert contrast(made, background) >= READABLE
    # Its hue kept: not simply replaced by black or white.
    assert made not in (BLACK, WHITE)


def test_a_readable_colour_is_left_as_it_is() -> None:
    assert readable((20, 90, 20), WHITE) == (20, 90, 20)
