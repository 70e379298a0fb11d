"""Choosing the server (`_servers.py`): the index, variables, their defaults and allowed values."""

from __future__ import annotations

import pytest

from generator.runtime._servers import ServerVariable, expand_server, select_server

SERVERS = ("https://{region}.example.com/{version}", "http://localhost:{port}")
VARIABLES = (
    {"region": ServerVariable("eu", ("eu", "us")), "version": ServerVariable("v1")},
    {"port": ServerVariable("8080")},
)


def test_defaults_fill_the_first_server() -> None:
    assert select_server(SERVERS, 0, VARIABLES) == "https://eu.example.com/v1"


def test_index_and_values_choose_the_server() -> None:
    assert select_server(SERVERS, 0, VARIABLES, {"region": "us", "version": None}) == "https://us.example.com/v1"
    assert select_server(SERVERS, 1, VARIABLES, {"port": "9000", "region": None}) == "http://localhost:9000"


def test_values_are_percent_encoded() -> None:
    assert expand_server("https://h/{v}", {"v": ServerVariable("x")}, {"v": "a b/c"}) == "https://h/a%20b%2Fc"


def test_a_value_an_enum_does_not_allow_names_the_allowed_ones() -> None:
    with pytest.raises(ValueError, match=r"'region' must be one of 'eu', 'us', not 'mars'"):
        select_server(SERVERS, 0, VARIABLES, {"region": "mars"})


@pytest.mark.parametrize("index", [-1, 2, True])
def test_an_index_out_of_range_says_which_exist(index: int) -> None:
    with pytest.raises(ValueError, match=r"server_idx must be between 0 and 1"):
        select_server(SERVERS, index, VARIABLES)


def test_no_server_in_the_spec_asks_for_server_url() -> None:
    with pytest.raises(ValueError, match="pass server_url="):
        select_server((), 0)
