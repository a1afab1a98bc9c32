"""The strict parameter reader: what it accepts, what it refuses, and what it falls back to."""

import pytest
from django.http import QueryDict

import params


def q(query_string):
    return QueryDict(query_string)


# Numbers


@pytest.mark.parametrize(
    ("query_string", "expected"),
    [
        ("page=3", 3),
        ("page=0003", 3),
        ("page=%203%20", 3),  # surrounding spaces, as a pasted link may carry
        ("page=2147483647", 2147483647),
    ],
)
def test_integer_reads_ascii_digits(query_string, expected):
    assert params.integer(q(query_string), "page") == expected


@pytest.mark.parametrize(
    "value",
    [
        "²",  # superscript two: str.isdigit() is true, int() fails
        "١٢",  # Arabic-Indic digits: int() would parse them
        "３",  # fullwidth three
        "-1",
        "+1",
        "1e9",
        "1.0",
        "0x10",
        "1_000",
        "2147483648",  # one more than PostgreSQL's integer holds
        "9" * 5000,  # beyond Python's int() digit limit
        "",
        " ",
        "\x00",
        "1\x00",
        "\t1",
        "1\n",
        "%ff",
        "\ufffd",
    ],
)
def test_integer_refuses_anything_else_with_the_default(value):
    query = QueryDict(mutable=True)
    query["page"] = value

    assert params.integer(query, "page", default=1) == 1


def test_integer_respects_bounds():
    assert params.integer(q("page=0"), "page", default=1, minimum=1) == 1
    assert params.integer(q("page=51"), "page", default=7, maximum=50) == 7
    assert params.integer(q("page=50"), "page", default=7, maximum=50) == 50


def test_integer_absent_is_the_default():
    assert params.integer(q(""), "page") is None
    assert params.integer(q("other=2"), "page", default=1) == 1


def test_a_repeated_single_value_reads_the_last_like_a_django_form():
    assert params.integer(q("page=2&page=5"), "page") == 5
    assert params.text(q("tag=a&tag=b"), "tag") == "b"
    # The last one decides, even when it is bad: no hunting for a usable one.
    assert params.integer(q("page=2&page=x"), "page", default=1) == 1


def test_a_non_utf8_percent_escape_is_never_a_number():
    # Django decodes %ff to U+FFFD (the replacement character).
    assert params.integer(q("page=%ff"), "page", default=1) == 1
    assert params.text(q("tag=%ff"), "tag") == "\ufffd"


# Text


@pytest.mark.parametrize("value", ["\x00", "a\x00b", "a\x07", "a\x7f", "a\x85", "a\nb", "a\tb"])
def test_text_with_a_control_character_is_refused(value):
    query = QueryDict(mutable=True)
    query["tag"] = value

    assert params.text(query, "tag", default="none") == "none"


def test_text_is_trimmed_and_bounded():
    assert params.text(q("tag=%20lua%20gao%20"), "tag") == "lua gao"
    assert params.text(q("tag=" + "a" * 200), "tag") == "a" * 200
    assert params.text(q("tag=" + "a" * 201), "tag") == ""
    assert params.text(q("tag=" + "a" * 11), "tag", max_length=10) == ""


def test_text_keeps_vietnamese_and_emoji():
    assert params.text(q("q=b%C3%A1nh%20tr%C3%A1ng%20%F0%9F%98%80"), "q") == "bánh tráng 😀"


def test_plain_dicts_are_read_too():
    assert params.integer({"page": "4"}, "page") == 4
    assert params.text({"tag": ["a", "b"]}, "tag") == "b"
    assert params.integer({"page": 4}, "page", default=1) == 1  # only strings are parameters


# Choices


def test_choice_is_one_of_the_allowed_values():
    allowed = {"dn", "htx"}

    assert params.choice(q("kind=htx"), "kind", allowed) == "htx"
    assert params.choice(q("kind=%20htx%20"), "kind", allowed) == "htx"
    assert params.choice(q("kind=HTX"), "kind", allowed) == ""
    assert params.choice(q("kind=htx%00"), "kind", allowed, default="dn") == "dn"
    assert params.choice(q("kind=htx&kind=xyz"), "kind", allowed) == ""


def test_choices_keep_allowed_values_once_in_the_order_sent():
    allowed = {"3", "4", "5"}

    assert params.choices(q("s=5&s=9&s=3&s=5&s=%00&s=4"), "s", allowed) == ["5", "3", "4"]


def test_choices_look_at_a_bounded_number_of_values():
    query = q("&".join(["s=x"] * 30 + ["s=5"]))

    assert params.choices(query, "s", {"5"}) == []
    assert params.choices(query, "s", {"5"}, limit=31) == ["5"]
    assert params.count(query, "s") == 31


def test_present_says_whether_a_parameter_was_sent():
    assert params.present(q("page="), "page")
    assert not params.present(q("pages=1"), "page")


def test_integers_keep_the_whole_numbers_once_in_the_order_sent():
    query = q("id=3&id=%C2%B2&id=1&id=3&id=-2&id=%00&id=99999999999999999999&id=2")

    assert params.integers(query, "id") == [3, 1, 2]
    assert params.integers(query, "id", limit=3) == [3, 1]
    assert params.count(query, "id") == 8
