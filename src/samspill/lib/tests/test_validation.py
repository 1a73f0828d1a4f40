"""Organisation numbers: what users type, and the Norwegian messages they get back."""

from __future__ import annotations

import pytest

from samspill.lib.validation import (
    InvalidValue,
    format_org_number,
    normalize_org_number,
    org_number_from_base,
)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("974760673", "974760673"),  # Brønnøysundregistrene
        ("974 760 673", "974760673"),  # the way Enhetsregisteret writes it
        ("  974760673 ", "974760673"),
        ("923609016", "923609016"),  # Equinor
        ("988588261", "988588261"),
    ],
)
def test_valid_numbers_are_compacted(typed: str, expected: str) -> None:
    assert normalize_org_number(typed) == expected


@pytest.mark.parametrize("typed", ["974760674", "974 760 670", "923609017"])
def test_wrong_check_digit_is_refused_with_a_message_about_it(typed: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        normalize_org_number(typed)
    message = str(caught.value)
    assert "kontrollsifferet" in message
    assert "Enhetsregisteret" in message


@pytest.mark.parametrize(("typed", "length"), [("97476067", 8), ("9747606733", 10), ("1", 1)])
def test_wrong_length_says_nine_digits_and_what_was_typed(typed: str, length: int) -> None:
    with pytest.raises(InvalidValue) as caught:
        normalize_org_number(typed)
    message = str(caught.value)
    assert "ni siffer" in message
    assert f"du skrev {length}" in message


@pytest.mark.parametrize("typed", ["97476067A", "abc def ghi", "974-760-673", "974.760.673"])
def test_letters_and_punctuation_are_refused(typed: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        normalize_org_number(typed)
    assert "bare inneholde siffer" in str(caught.value)


@pytest.mark.parametrize("typed", ["", "   "])
def test_empty_input_asks_for_the_number(typed: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        normalize_org_number(typed)
    message = str(caught.value)
    assert message.startswith("Skriv inn organisasjonsnummeret")
    assert "ni siffer" in message


def test_invalid_value_is_a_value_error() -> None:
    """Callers that only know ``ValueError`` still catch bad input."""
    with pytest.raises(ValueError, match="kontrollsifferet"):
        normalize_org_number("974760674")


def test_format_groups_digits_in_threes() -> None:
    assert format_org_number("974760673") == "974 760 673"


def test_from_base_adds_the_check_digit() -> None:
    assert org_number_from_base("97476067") == "974760673"
    assert org_number_from_base("92360901") == "923609016"


def test_from_base_returns_none_when_no_check_digit_exists() -> None:
    # 1·3 + 1·3 + 3·2 = 12, remainder 1: the check digit would have to be 10.
    assert org_number_from_base("10000013") is None


def test_from_base_gives_check_digit_zero_when_remainder_is_zero() -> None:
    # 1·3 + 4·2 = 11, remainder 0: the check digit is 0, not 11.
    assert org_number_from_base("10000004") == "100000040"
    assert normalize_org_number("100000040") == "100000040"


def test_every_completed_base_is_accepted_by_the_validator() -> None:
    completed = [
        number
        for base in range(91_000_000, 91_000_200)
        if (number := org_number_from_base(str(base))) is not None
    ]
    assert len(completed) > 150  # about one base in eleven has no check digit
    for number in completed:
        assert normalize_org_number(number) == number


def test_every_other_last_digit_is_refused() -> None:
    number = org_number_from_base("97476067")
    assert number is not None
    for digit in "0123456789":
        if digit != number[-1]:
            with pytest.raises(InvalidValue, match="kontrollsifferet"):
                normalize_org_number(number[:-1] + digit)


@pytest.mark.parametrize("base", ["1234567", "123456789", "1234567a", ""])
def test_from_base_needs_eight_digits(base: str) -> None:
    with pytest.raises(ValueError, match="eight digits"):
        org_number_from_base(base)
