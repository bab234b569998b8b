"""Young people's email addresses and mobile numbers: checked by email-validator and
phonenumbers (no network), kept normalised, and masked for staff."""

import pytest

from app.notifications.addresses import email_address, mask, mobile_number, national_number


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("sam@example.org", "sam@example.org"),
        ("  Sam.Jones@Example.ORG ", "Sam.Jones@example.org"),  # the domain is case-folded
        ("sam+news@mail.example.co.uk", "sam+news@mail.example.co.uk"),
    ],
)
def test_good_email_addresses_are_kept_normalised(typed: str, kept: str) -> None:
    assert email_address(typed) == kept


@pytest.mark.parametrize(
    "typed",
    [
        "sam",
        "sam@",
        "@example.org",
        "sam@@example.org",
        "sam@example",
        "sam example@x.org",
        "sam@localhost",
        "a" * 250 + "@example.org",
    ],
)
def test_bad_email_addresses_get_a_plain_message(typed: str) -> None:
    with pytest.raises(ValueError, match=r"does not look right|too long"):
        email_address(typed)


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("07911 123456", "+447911123456"),
        ("07911123456", "+447911123456"),
        ("+44 7911 123456", "+447911123456"),
        ("(07911) 123-456", "+447911123456"),
        ("+33 6 12 34 56 78", "+33612345678"),  # a French mobile
    ],
)
def test_mobile_numbers_in_any_layout_are_kept_in_e164(typed: str, kept: str) -> None:
    assert mobile_number(typed) == kept


@pytest.mark.parametrize(
    "typed",
    [
        "020 7946 0000",  # a landline cannot get texts
        "0800 1111",  # Childline: not a mobile
        "07911 12345",  # one digit short
        "call me",
        "",
        "0" * 41,
    ],
)
def test_numbers_that_cannot_get_a_text_are_refused(typed: str) -> None:
    with pytest.raises(ValueError, match="not a mobile number we can text"):
        mobile_number(typed)


def test_a_stored_number_is_shown_back_as_its_owner_types_it() -> None:
    assert national_number("+447911123456") == "07911 123456"
    assert national_number("+33612345678") == "+33 6 12 34 56 78"


def test_masks_leave_too_little_to_contact_anyone() -> None:
    assert mask("sam.jones@example.org") == "s•••@e•••.org"
    assert mask("+447911123456") == "+44•••••••456"
    assert "7911" not in mask("+447911123456")
    assert "jones" not in mask("sam.jones@example.org")
