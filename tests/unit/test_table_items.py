"""Tables: a table that stands in for a list gives one item per row; a data table none."""

from __future__ import annotations

from dlroadmap.roadmap.model import Node, Roadmap, Span, plain
from dlroadmap.roadmap.parser import parse_roadmap


def parse(text: str) -> Roadmap:
    return parse_roadmap(text, "fallback")


def section(text: str) -> Node:
    """The only section of a one-section roadmap."""
    roadmap = parse(text)
    (phase,) = roadmap.phases
    return phase


def item_titles(node: Node) -> list[str]:
    return [child.text for child in node.children if child.is_topic]


def table(header: str, *rows: str) -> str:
    """A table with the given header row and body rows, and a delimiter row between."""
    delimiter = "|" + "---|" * (header.count("|") - 1)
    return "\n".join([header, delimiter, *rows]) + "\n"


def fields(node: Node) -> dict[str, str]:
    return {name: plain(value) for name, value in node.fields}


COURSES = """\
# Curriculum
## Core programming

Take the courses in order.

Courses | Duration | Effort | Prerequisites
:-- | :--: | :--: | :--:
[Systematic Program Design](https://example.com/spd) | 13 weeks | 8-10 hours/week | none
[Class-based Program Design](https://example.com/cpd) | 13 weeks | 5-10 hours/week | [SPD][spd]
Programming Languages, Part A | 5 weeks | 4-8 hours/week | recursion

[spd]: https://example.com/spd
"""


def test_each_row_of_a_course_table_is_an_item_with_its_other_cells_as_fields() -> None:
    core = section(COURSES)
    assert not core.trackable  # the heading now holds the courses
    assert item_titles(core) == [
        "Systematic Program Design",
        "Class-based Program Design",
        "Programming Languages, Part A",
    ]
    spd, cpd, pl = core.children
    assert spd.title == (Span("Systematic Program Design", link="https://example.com/spd"),)
    assert fields(spd) == {
        "Duration": "13 weeks",
        "Effort": "8-10 hours/week",
        "Prerequisites": "none",
    }
    # A link in a field is kept as a link, so the item's URLs include it.
    assert cpd.urls == ("https://example.com/cpd", "https://example.com/spd")
    assert pl.urls == ()
    assert spd.id == "core-programming/systematic-program-design"


def test_a_number_column_before_the_names_is_passed_to_the_names() -> None:
    text = """\
# Plan
## Exercises
| # | Exercise | Video |
|---|----------|-------|
|00|[Syntax and variables](./00/ex.md)|[▶️](https://youtu.be/a)
|01|[Operators](./01/ex.md)|[▶️](https://youtu.be/b)|
|02|[Functions](./02/ex.md)|
"""
    exercises = section(text)
    assert item_titles(exercises) == ["Syntax and variables", "Operators", "Functions"]
    first, _, last = exercises.children
    assert fields(first) == {"#": "00", "Video": "▶️"}
    assert first.urls == ("./00/ex.md", "https://youtu.be/a")
    assert fields(last) == {"#": "02"}  # a short row is padded, not dropped


def test_a_row_with_an_empty_title_cell_is_titled_by_its_first_naming_cell() -> None:
    text = """\
# Plan
## Weeks
| Topic | Notes |
|---|---|
| Linear algebra | vectors |
| Calculus | limits |
| Statistics | tests |
| | Probability refresher |
| | |
"""
    weeks = section(text)
    assert item_titles(weeks) == [
        "Linear algebra",
        "Calculus",
        "Statistics",
        "Probability refresher",
    ]
    assert weeks.children[-1].fields == ()


def test_a_category_column_before_the_names_is_a_field_not_the_title() -> None:
    text = "# Plan\n## Courses\n" + table(
        "| Level | Course |",
        "| Beginner | Python for Everybody |",
        "| Beginner | CS50 |",
        "| Advanced | Compilers |",
        "| Advanced | Operating Systems |",
    )
    courses = section(text)
    assert item_titles(courses) == [
        "Python for Everybody",
        "CS50",
        "Compilers",
        "Operating Systems",
    ]
    assert fields(courses.children[0]) == {"Level": "Beginner"}
    same_names = "# Plan\n## S\n\nProse.\n\n" + table(
        "| Level |", "| Beginner |", "| Beginner |", "| Beginner |"
    )
    assert section(same_names).trackable


def test_a_one_row_table_is_an_item_where_longer_tables_of_items_share_its_header() -> None:
    text = "# Curriculum\n## Intro CS\n" + table(
        "| Courses | Duration |", "| [Intro to CS](https://cs.example) | 9 weeks |"
    )
    text += "\n- a list item after it\n\n## Core math\n" + table(
        "| Courses | Duration |", "| Calculus 1A | 13 weeks |", "| Calculus 1B | 13 weeks |"
    )
    text += "\n## Tools\n" + table("| Tool | Why |", "| Git | history |")
    intro, math, tools = parse(text).phases
    assert [child.text for child in intro.children] == ["Intro to CS", "a list item after it"]
    assert fields(intro.children[0]) == {"Duration": "9 weeks"}
    assert item_titles(math) == ["Calculus 1A", "Calculus 1B"]
    assert tools.trackable and not tools.children  # no longer table under "Tool"


def test_data_tables_are_passed_over() -> None:
    data_tables = {
        "one row": "| Course | Weeks |\n|---|---|\n| Algorithms | 6 |\n",
        "numbers only": "| Epoch | Loss |\n|---|---|\n| 1 | 0.93 |\n| 2 | 0.71 |\n",
        "emoji legend": "| | |\n|---|---|\n| ⭐ | essential |\n| 📖 | reading |\n",
        "symbol legend": "| Symbol | Meaning |\n|---|---|\n| ★ | must read |\n| ☆ | optional |\n",
        "key and value": "| Key | Value |\n|---|---|\n| Level | beginner |\n| Pace | slow |\n",
        "glossary": "| Term | Definition |\n|---|---|\n| SGD | a descent |\n| MLP | a net |\n",
        "mark grid": (
            "| Feature | Python | R |\n|---|:-:|:-:|\n| Typing | ✓ | ✗ |\n"
            "| Notebooks | ✓ | ✓ |\n| Speed | Y | - |\n"
        ),
        "empty corner": (
            "| | Python | R |\n|---|---|---|\n| Typing | dynamic | dynamic |\n"
            "| Plots | matplotlib | ggplot |\n"
        ),
        "summary of this file": (
            "| Subject | Why |\n|---|---|\n| [Programming](#programming) | basics |\n"
            "| [Networks](#networks) | the internet |\n"
        ),
        "pictures": "| Cover |\n|---|\n| ![Book one](a.png) |\n| ![Book two](b.png) |\n",
    }
    for name, markdown in data_tables.items():
        topic = section(f"# Plan\n## Section\n\nSome prose.\n\n{markdown}")
        assert topic.trackable and not topic.children, name


def test_tables_that_look_like_data_on_one_side_are_still_lists_on_the_other() -> None:
    # The near misses of the data rules: names with hours, a two-column list with
    # ordinary headers, names linking elsewhere, short numbers that are not marks.
    lists = {
        "hours": table("| Topic | Hours |", "| Python | 10 |", "| NumPy | 4 |"),
        "two columns": table("| Name | Description |", "| Kaggle | a site |", "| Colab | labs |"),
        "outside links": table(
            "| Paper | Year |", "| [Adam](https://a.org) | 2014 |", "| [BN](https://b.org) | 2015 |"
        ),
        "headerless": table("| | |", "| Week one reading | ch 1 |", "| Week two reading | ch 2 |"),
        "week numbers": table("| Week | Topic |", "| 1 | Tensors |", "| 2 | Autograd |"),
    }
    for name, markdown in lists.items():
        topic = section(f"# Plan\n## Section\n\n{markdown}")
        assert not topic.trackable and len(item_titles(topic)) == 2, name


def test_table_rows_and_list_items_keep_document_order_and_older_ids() -> None:
    before = parse("# Plan\n## Books\n- Deep Learning\n- Dive into Deep Learning\n")
    text = """\
# Plan
## Books
| Book | Pages |
|---|---|
| Deep Learning | 800 |
| Pattern Recognition | 700 |

- Deep Learning
- Dive into Deep Learning
"""
    books = section(text)
    assert [child.text for child in books.children] == [
        "Deep Learning",
        "Pattern Recognition",
        "Deep Learning",
        "Dive into Deep Learning",
    ]
    # The list items keep the ids they had before the table was read; the row that
    # repeats a list item's name takes the numbered slug instead.
    assert [child.id for child in books.children[2:]] == [
        node.id for node in before.phases[0].children
    ]
    assert books.children[0].id == "books/deep-learning-2"


def test_a_status_written_after_a_row_title_is_read() -> None:
    text = "# Plan\n## S\n" + table(
        "| Course | Weeks |", "| Algorithms (done) | 6 |", "| Compilers | 8 |"
    )
    algorithms, compilers = section(text).children
    assert algorithms.text == "Algorithms"
    assert algorithms.initial_status.value == "done"
    assert compilers.initial_status.value == "todo"


# -- reading the table itself as GitHub does ------------------------------------------


def test_rows_without_outer_pipes_escaped_pipes_and_long_rows() -> None:
    text = """\
# Plan
## S
Course | Notes
--- | ---
Shells \\| pipes | first
Make | second | an extra cell GitHub drops
- not a row: a list starts here
"""
    node = section(text)
    assert [child.text for child in node.children] == [
        "Shells | pipes",
        "Make",
        "not a row: a list starts here",
    ]
    assert fields(node.children[1]) == {"Notes": "second"}


def test_a_table_ends_at_a_blank_line_or_a_heading() -> None:
    text = """\
# Plan
## A
| Course | Weeks |
|---|---|
| One | 1 |
| Two | 2 |
## B
| Course | Weeks |
|---|---|
| Three | 3 |
| Four | 4 |

Five | 5
"""
    a, b = parse(text).phases
    assert item_titles(a) == ["One", "Two"]
    assert item_titles(b) == ["Three", "Four"]


def test_a_line_with_a_pipe_and_no_delimiter_row_is_text() -> None:
    node = section("# Plan\n## S\na | b\nc | d\n\n- item\n")
    assert item_titles(node) == ["item"]
