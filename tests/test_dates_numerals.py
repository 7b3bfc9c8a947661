"""Numbers in words (claimx.pipeline.dates.numerals)."""

import pytest

from claimx.pipeline.dates import parse_number, spoken_year


@pytest.mark.parametrize(
    ("words", "number"),
    [("twenty four", 24), ("a hundred", 100), ("2 1/2", 2.5), ("a couple of", 2), ("half a", 0.5),
     ("1,000", 1000), ("two thousand", 2000), ("blue", None), ("", None)],
)
def test_parse_number(words, number):
    assert parse_number(words) == number


@pytest.mark.parametrize(
    ("words", "year"),
    [("nineteen ninety-six", 1996), ("two thousand and four", 2004), ("two thousand", 2000),
     ("twenty twenty", 2020), ("nineteen", None), ("hello world", None)],
)
def test_spoken_year(words, year):
    assert spoken_year(words) == year
