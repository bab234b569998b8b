"""The redaction suggesters: what they must find, and the look-alikes they must leave alone."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.moderation.models import RedactionKind
from app.moderation.redaction import (
    OverlappingSpans,
    Span,
    apply,
    find_exact,
    suggest,
    suggest_addresses,
    suggest_dates_of_birth,
    suggest_emails,
    suggest_handles,
    suggest_names,
    suggest_phones,
    suggest_postcodes,
    suggest_schools,
)

K = RedactionKind


def found(text: str) -> list[tuple[str, str]]:
    return [(span.kind.value, span.text) for span in suggest(text)]


def texts(spans: list[Span]) -> list[str]:
    return [span.text for span in spans]


# Names -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("my social worker is Dave and he never calls", "Dave"),
        ("my social worker is Dave Smith", "Dave Smith"),
        ("My Social Worker Is Called Priya", "Priya"),
        ("my foster carer is called Bernadette", "Bernadette"),
        ("my carer Tomasz shouts", "Tomasz"),
        ("my friend is Kofi", "Kofi"),
        ("my best friend is Siobhan", "Siobhan"),
        ("my teacher is Mr Ahmed", "Mr Ahmed"),
        ("my mum is Leanne", "Leanne"),
        ("my dad, Gary, moved away", "Gary"),
        ("my brother called Tyrese", "Tyrese"),
        ("my sister is May", "May"),  # a month, but the sentence says it is a name
        ("my worker jess is great", "jess"),  # written in lower case, on the list
        ("a boy called Jamal hit me", "Jamal"),
        ("her name is Sophie-Leigh", "Sophie-Leigh"),
        ("I'm Jess and I'm 15", "Jess"),
        ("we went with Olivia to town", "Olivia"),
        ("olivia and me went to town", "olivia"),
        ("I saw Grace today", "Grace"),
    ],
)
def test_names_are_found(text: str, name: str) -> None:
    assert name in texts(suggest_names(text)), suggest_names(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'm Going to college next year",
        "I'm Going to College next year",
        "On Sunday we went to the park",
        "In May we went to the beach",
        "May I have more money for the bus?",
        "We broke up on 3 June",
        "Will they fix the wifi?",
        "my mum is ill",
        "my worker is Really nice",
        "my social worker is always late",
        "my carer is Amazing",
        "I am Happy here",
        "Hope you can help",
        "Grace was said before dinner",  # a word-like name at the start of a sentence
        "the wifi is rubbish and the heating is broken",
        "I JUST WANT MY OWN ROOM",
    ],
)
def test_names_leave_look_alikes_alone(text: str) -> None:
    assert suggest_names(text) == []


def test_a_name_and_its_surname_after_a_relation_but_not_a_following_word() -> None:
    assert texts(suggest_names("my worker is Dave and he is kind")) == ["Dave"]
    assert texts(suggest_names("my worker is Dave Jones")) == ["Dave Jones"]


# Phone numbers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "number",
    [
        "07912 345678",
        "07912345678",
        "+44 7912 345678",
        "+447912345678",
        "0161 496 0018",
        "(0161) 496 0018",
        "020 7946 0321",
        "0044 7912 345678",
    ],
)
def test_uk_phone_numbers_in_any_layout(number: str) -> None:
    assert texts(suggest_phones(f"ring me on {number} after school")) == [number]


@pytest.mark.parametrize(
    "text",
    [
        "I am 15 and my brother is 17",
        "it cost 1500 pounds",
        "I waited 20 minutes at 3.45",
        "born in 2009",
        "room 101",
        "my reference is SD-7KQ4-92MX",
        "call Childline on 0800 1111",  # a public helpline, nothing to hide
        "the Samaritans are on 116 123",
    ],
)
def test_numbers_that_are_not_phone_numbers(text: str) -> None:
    assert suggest_phones(text) == []


# Emails and handles ----------------------------------------------------------------------------


def test_emails() -> None:
    assert texts(suggest_emails("email jess.smith+care@gmail.com or j_s@school.sch.uk!")) == [
        "jess.smith+care@gmail.com",
        "j_s@school.sch.uk",
    ]
    assert suggest_emails("meet @ the park, or at jess@ home") == []


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("follow me @jess_2009", "@jess_2009"),
        ("my insta is @jess.x", "@jess.x"),
        ("my snap is jess_2009", "jess_2009"),
        ("My Snapchat: jessxo", "jessxo"),
        ("add me on snap jessxo09", "jessxo09"),
        ("my tiktok is jessdances", "jessdances"),
        ("my discord name is gamer.kid", "gamer.kid"),
    ],
)
def test_social_media_handles(text: str, handle: str) -> None:
    assert handle in texts(suggest_handles(text))


@pytest.mark.parametrize(
    "text",
    [
        "meet me @ the park",
        "we met at the park @ 5",
        "my snap is broken",
        "my snapchat is private",
        "my insta got hacked",
        "email me at jess@gmail.com",  # an email, not a handle
    ],
)
def test_not_handles(text: str) -> None:
    assert suggest_handles(text) == []


def test_an_email_is_one_suggestion_not_a_name_and_a_handle() -> None:
    assert found("write to jess.smith@gmail.com please") == [("email", "jess.smith@gmail.com")]


# Postcodes -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "postcode",
    [
        "M1 1AE",
        "SW1A 1AA",
        "EC1A 1BB",
        "W1A 0AX",
        "B33 8TH",
        "CR2 6XH",
        "DN55 1PT",
        "LS1 4AP",
        "GIR 0AA",
        "m1 1ae",
        "M11AE",
        "sw1a 1aa",
    ],
)
def test_uk_postcodes(postcode: str) -> None:
    assert texts(suggest_postcodes(f"I live near {postcode} now")) == [postcode]


@pytest.mark.parametrize(
    "text",
    [
        "see you b4 8pm",
        "we go on the M1 a lot",
        "the A14 is busy",
        "my PS5 is broken",
        "QV1 1AA",  # Q cannot start a postcode
        "M1 1CI",  # C and I are never in the last part
        "year 10 and year 11",
    ],
)
def test_postcode_look_alikes(text: str) -> None:
    assert suggest_postcodes(text) == []


# Addresses -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("I live at 14 Oak Tree Road now", "14 Oak Tree Road"),
        ("come to 7 Hill Street", "7 Hill Street"),
        ("it's 221b Baker St.", "221b Baker St."),
        ("we moved to 3 willow close", "3 willow close"),
        ("Flat 2, 14 Mill Lane is cold", "Flat 2, 14 Mill Lane"),
        ("at 12, Station Rd", "12, Station Rd"),
    ],
)
def test_street_addresses(text: str, address: str) -> None:
    assert texts(suggest_addresses(text)) == [address]


@pytest.mark.parametrize(
    "text",
    [
        "I am 14 and live on Oak Road",  # an age, then a street without a number
        "I waited 15 years on the road",
        "we walked 3 miles down the lane",
        "there were 20 kids in the park",
        "I have been here 2 years and the house is cold",
        "my 2 brothers live in a house",
    ],
)
def test_numbers_near_street_words_that_are_not_addresses(text: str) -> None:
    assert suggest_addresses(text) == []


# Schools ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "school"),
    [
        ("I go to St Mary's Academy", "St Mary's Academy"),
        ("I go to Oakfield High School", "Oakfield High School"),
        ("At Manchester College it is good", "Manchester College"),
        ("Kingsway Primary School was better", "Kingsway Primary School"),
        ("she goes to Trafford College now", "Trafford College"),
        ("I got into the University of Leeds", "University of Leeds"),
        ("Bridgewater Sixth Form", "Bridgewater Sixth Form"),
    ],
)
def test_schools(text: str, school: str) -> None:
    assert texts(suggest_schools(text)) == [school]


@pytest.mark.parametrize(
    "text",
    [
        "I'm Going to college next year",
        "I'm Going to College next year",
        "college is hard",
        "The Academy is big",
        "I hate School",
        "I left school at 16",
        "I want to go to university",
    ],
)
def test_school_look_alikes(text: str) -> None:
    assert suggest_schools(text) == []


# Dates of birth --------------------------------------------------------------------------------

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("my birthday is 12th May", "12th May"),
        ("I was born on 03/04/2010", "03/04/2010"),
        ("DOB 12/05/2009", "12/05/2009"),
        ("d.o.b: 1.2.08", "1.2.08"),
        ("born on the 3rd of June 2011", "3rd of June 2011"),
        ("my bday is March 14", "March 14"),
        ("date of birth is 4 Sept 2007", "4 Sept 2007"),
        ("he wrote 14/02/2012 on the form", "14/02/2012"),  # a full date in a birth year
    ],
)
def test_dates_of_birth(text: str, when: str) -> None:
    assert texts(suggest_dates_of_birth(text, today=TODAY)) == [when]


@pytest.mark.parametrize(
    "text",
    [
        "In May we went to the beach",
        "On Sunday we went to the park",
        "my review is on 12/12/2026",  # a date this year is an appointment, not a birthday
        "we moved in 2010",
        "I am 15",
        "my birthday party was rubbish",
    ],
)
def test_dates_that_are_not_birthdays(text: str) -> None:
    assert suggest_dates_of_birth(text, today=TODAY) == []


# All together ----------------------------------------------------------------------------------


def test_everything_in_one_message_with_neutral_markers() -> None:
    text = (
        "my social worker is Dave, call 07912 345678 or dave@council.gov.uk. "
        "I live at 14 Oak Road, M1 1AE and go to Oakfield Academy. "
        "my snap is jess_2009"
    )
    spans = suggest(text)
    assert [span.kind for span in spans] == [
        K.NAME,
        K.PHONE,
        K.EMAIL,
        K.ADDRESS,
        K.POSTCODE,
        K.SCHOOL,
        K.HANDLE,
    ]
    assert apply(text, spans) == (
        "my social worker is [name removed], call [phone number removed] or [email removed]. "
        "I live at [address removed], [postcode removed] and go to [school removed]. "
        "my snap is [username removed]"
    )


def test_overlapping_suggestions_keep_the_longer() -> None:
    assert found("she is at St Grace's Academy") == [("school", "St Grace's Academy")]
    assert found("my insta is @olivia_09") == [("handle", "@olivia_09")]


def test_apply_refuses_the_same_span_twice() -> None:
    text = "my worker is Dave"
    span = suggest(text)[0]
    with pytest.raises(OverlappingSpans):
        apply(text, [span, span])
    with pytest.raises(OverlappingSpans):
        apply(text, [span, *find_exact(text, "Dave")])


def test_find_exact_finds_every_whole_occurrence_ignoring_case() -> None:
    text = "Al said al is in the Alps with AL"
    assert [(s.start, s.text) for s in find_exact(text, "al")] == [(0, "Al"), (8, "al"), (31, "AL")]
    assert find_exact(text, "   ") == []
    assert texts(find_exact("call 0161-496.0018 now", "0161-496.0018")) == ["0161-496.0018"]


@given(st.text(max_size=300))
def test_suggestions_never_overlap_and_always_apply(text: str) -> None:
    spans = suggest(text)
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start : span.end] == span.text
    apply(text, spans)  # raises on overlap


SALAD = (
    "my social worker is Dave call 07912 345678 at 14 Oak Road M1 1AE snap jess_09 "
    "Oakfield Academy born on 12/05/2010 @jess the park May Sunday I'm Going to college "
    "and 15 years , . ! \n"
)
WORDS = st.sampled_from(SALAD.split(" "))


@given(st.lists(WORDS, max_size=40))
def test_realistic_word_salad_applies_cleanly(words: list[str]) -> None:
    text = " ".join(words)
    shared = apply(text, suggest(text))
    assert "07912 345678" not in shared
    assert "M1 1AE" not in shared


def test_a_number_outside_the_librarys_data_is_still_offered_but_years_are_not() -> None:
    assert [(s.start, s.end) for s in suggest_phones("ring me on 07700 900123")] == [(11, 23)]
    assert suggest_phones("born 2009, bus 42 at 1530") == []
