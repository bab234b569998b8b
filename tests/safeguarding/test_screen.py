"""The safeguarding disclosure screen: normalising, phrases, guards, the classifier, the targets."""

import re

import pytest

from app.safeguarding import learned, phrases
from app.safeguarding.categories import Category
from app.safeguarding.screen import ScreenResult, match_phrases, normalise, screen
from bench.screen import (
    HELD_OUT,
    PRECISION_TARGET,
    RECALL_TARGET,
    TRAINING,
    cross_validated,
    measure,
)

# ------------------------------------------------------------------------------ normalising


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I\u2019M SO Done", "i am so done"),
        ("café naïve", "cafe naive"),
        ("dont  wanna,live!!", "do not want to live"),
        ("u r the best", "you are the best"),
        ("sooooo scaaaared", "so scared"),
        ("k1ll mys3lf", "kill myself"),
        ("kms", "kill myself"),
        ("i'll go", "i will go"),
        ("im getting bulied", "i am getting bullied"),
        ("feeling suisidal", "feeling suicidal"),
        ("touchin me", "touching me"),
        ("my dad hitz me", "my dad hits me"),
        ("i wnt 2 die", "i want to die"),
        ("missing for 2 days", "missing for 2 days"),
        ("first. second", "first . second"),
        ("i hate my self", "i hate myself"),
        ("army selfie", "army selfie"),
        ("...", ""),
        ("", ""),
    ],
)
def test_normalise(text: str, expected: str) -> None:
    assert normalise(text) == expected


@pytest.mark.parametrize(
    "word", ["kissing", "kidding", "shopping", "loving", "nose", "rammed", "rapped", "pep"]
)
def test_real_words_are_not_mended_into_trigger_words(word: str) -> None:
    assert normalise(word) == word


# -------------------------------------------------------------------------------- matching

FLAGS = [
    (Category.SELF_HARM, "i want to die"),
    (Category.SELF_HARM, "been cutting myself again"),
    (Category.SELF_HARM, "thinking about suicide"),
    (Category.SELF_HARM, "i dont want to be here anymore"),
    (Category.SELF_HARM, "i wanna kms"),
    (Category.ABUSE, "my foster dad hits me"),
    (Category.ABUSE, "he touches me at night"),
    (Category.ABUSE, "she locks me in my room"),
    (Category.SEXUAL_EXPLOITATION, "a man online keeps asking me to send nudes"),
    (Category.SEXUAL_EXPLOITATION, "an older guy buys me stuff and wants pics"),
    (Category.SEXUAL_EXPLOITATION, "someone is blackmailing me"),
    (Category.CRIMINAL_EXPLOITATION, "they make me sell drugs"),
    (Category.CRIMINAL_EXPLOITATION, "im doing county lines"),
    (Category.CRIMINAL_EXPLOITATION, "holding a package for some older boys"),
    (Category.MISSING, "im going to run away tonight"),
    (Category.MISSING, "i went missing for 3 days"),
    (Category.MISSING, "not coming back to the placement"),
    (Category.UNSAFE_HOME, "i dont feel safe at home"),
    (Category.UNSAFE_HOME, "scared to go home"),
    (Category.UNSAFE_HOME, "i have nowhere to sleep tonight"),
    (Category.BULLYING, "im being bullied at school"),
    (Category.BULLYING, "people keep picking on me"),
    (Category.BULLYING, "they beat me up after school"),
]


@pytest.mark.parametrize(("category", "text"), FLAGS)
def test_each_category_flags(category: Category, text: str) -> None:
    result = screen(text)
    assert result.flagged
    assert category in result.categories
    assert all(phrase_id.split(".")[0] in set(Category) for phrase_id in result.matched)


@pytest.mark.parametrize(
    "text",
    [
        "I DONT WANT TO LIVE ANYMORE",
        "i dont want to live anymore...",
        "i  dont   want to live anymore",
        "i don\u2019t want to live any more",
        "idont want to live anymore",
        "i dnt wnt to live anymore",
        "i do not want to live any more.",
    ],
)
def test_phone_writing_still_flags(text: str) -> None:
    assert screen(text).flagged


LOOK_ALIKES = [
    "this homework is killing me",
    "i could murder a pizza",
    "dying to go to the concert",
    "my phone died",
    "just killing time",
    "the bus pass is a killer",
    "the youth club is dead good",
    "im dead 😂",
    "that film was sick",
    "my social worker is killing it",
    "cutting the grass",
    "hit me up later",
    "i always run out of money",
    "missing my sister",
    "i keep missing the bus",
    "my mate got bullied at school last year but it got sorted",
    "he beat me at fifa",
    "i cut myself a slice of cake",
    "i was kissing my girlfriend",
    "im kidding myself",
    "my cat went missing",
    "we did anti bullying week",
    "we watched a documentary about county lines",
    "im not safe to drive yet",
    "nobody hits me at my placement",
]


def phrases_match(text: str) -> ScreenResult:
    """The phrase list alone: look-alikes are its guards' job (the classifier's false alarms
    are counted, against the target, on the held-out set)."""
    return match_phrases(normalise(text))


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_look_alikes_do_not_flag(text: str) -> None:
    assert not phrases_match(text).flagged, phrases_match(text).matched


@pytest.mark.parametrize(
    "text",
    [
        # A guard blanks only the harmless words, never a disclosure beside them.
        "hit me up when you can. also my carer hit me last night",
        "he beat me at fifa and then he beat me up",
        "my mate got bullied last year but it got sorted, now im getting bullied",
        "i was bullied and it never got sorted",
        "she hit me up against the wall",
    ],
)
def test_guards_do_not_hide_disclosures_beside_them(text: str) -> None:
    assert screen(text).flagged


def test_result_never_contains_the_text() -> None:
    text = "zebracorn says i want to die and he hits me"
    result = screen(text)
    assert result.flagged
    known = {phrase.id for phrase in phrases.PHRASES}
    assert set(result.matched) <= known
    assert "zebracorn" not in repr(result)
    assert all(isinstance(category, Category) for category in result.categories)


def test_result_records_each_matching_phrase_once_in_list_order() -> None:
    result = screen("i want to die. i want to die. my dad hits me")
    assert result.matched == ("self_harm.want_to_die", "abuse.physical")
    assert result.categories == {Category.SELF_HARM, Category.ABUSE}


@pytest.mark.parametrize("text", ["", " ", "\n\t", "...!!!", "😂😂😂", "0"])
def test_empty_inputs_flag_nothing(text: str) -> None:
    result = screen(text)
    assert result == ScreenResult(frozenset(), ())
    assert not result.flagged


def test_a_2000_character_message_is_screened_quickly_and_whole() -> None:
    filler = "the wifi at the flat is slow and the bus pass is late again. "
    benign = (filler * 40)[:2000]
    buried = (filler * 40)[:1970] + " i want to die"
    assert len(benign) == 2000
    assert len(buried) == 1984
    assert not screen(benign).flagged
    assert screen(buried).flagged


def test_the_screen_is_deterministic() -> None:
    texts = [text for _, text in FLAGS] + LOOK_ALIKES
    first = [screen(text) for text in texts]
    assert [screen(text) for text in texts] == first
    assert [screen(text) for text in reversed(texts)] == list(reversed(first))


def test_flagged_follows_matched() -> None:
    assert not ScreenResult(frozenset(), ()).flagged
    assert ScreenResult(frozenset({Category.BULLYING}), ("bullying.bullied",)).flagged


# ------------------------------------------------------------------------------ the cues

CUE_FLAGS = [
    (Category.SELF_HARM, "relapsed on sh last night"),
    (Category.SELF_HARM, "been saving my tablets up"),
    (Category.SELF_HARM, "i wanna unalive"),
    (Category.ABUSE, "she twisted my wrist"),
    (Category.SEXUAL_EXPLOITATION, "a guy off snap keeps asking where i live"),
    (Category.CRIMINAL_EXPLOITATION, "got taxed and now i owe the olders"),
    (Category.MISSING, "left the unit last night and not going to say"),
    (Category.UNSAFE_HOME, "i push a chair against my door at night"),
    (Category.BULLYING, "they keep slagging me off"),
]


@pytest.mark.parametrize(("category", "text"), CUE_FLAGS)
def test_cues_flag_wording_outside_the_listed_phrases(category: Category, text: str) -> None:
    result = screen(text)
    assert category in result.categories, result.matched
    assert any(".cue_" in phrase_id for phrase_id in result.matched)


@pytest.mark.parametrize(
    "text",
    [
        "i collected my tablets from the chemist",
        "the last time i saw my mum was at christmas",
        "they got me doing the washing up",
        "i want to go back to my country one day",
        "we roasted marshmallows",
        "i cut myself shaving with a new razor",
        "i burned my hand on the oven cooking pasta",
        "the rope swing at the park is so fun",
    ],
)
def test_cues_leave_their_ordinary_senses_alone(text: str) -> None:
    assert not phrases_match(text).flagged, phrases_match(text).matched


INDIRECT_FLAGS = [
    (Category.SELF_HARM, "wrote letters for my brothers just in case"),
    (Category.SELF_HARM, "i probably wont be around much longer"),
    (Category.SELF_HARM, "they would all be happier without me tbh"),
    (Category.SELF_HARM, "worked out who gets my ps5 and my cat when im gone"),
    (Category.ABUSE, "i covered my bruises with concealer before contact"),
    (Category.ABUSE, "he gets angry and i end up on the floor"),
    (Category.ABUSE, "he says its my fault my mum left and i dont deserve dinner"),
    (Category.SEXUAL_EXPLOITATION, "a lift and a vape and now he wants something back"),
    (
        Category.CRIMINAL_EXPLOITATION,
        "i only have to do one job for them and then the debt is gone",
    ),
    (Category.CRIMINAL_EXPLOITATION, "they know where my little sister lives so i cant say no"),
    (Category.MISSING, "no one came looking"),
    (Category.MISSING, "left on tuesday and havent been back since"),
    (Category.UNSAFE_HOME, "i wait till he is asleep"),
    (Category.UNSAFE_HOME, "i hide in the bathroom"),
    (Category.BULLYING, "they made a group chat about me"),
    (Category.BULLYING, "they film me"),
    (Category.BULLYING, "nobody in my form speaks to me anymore"),
]


@pytest.mark.parametrize(("category", "text"), INDIRECT_FLAGS)
def test_indirect_wording_flags(category: Category, text: str) -> None:
    result = screen(text)
    assert category in result.categories, result.matched


@pytest.mark.parametrize(
    "text",
    [
        "this is my last exam then im free",
        "i gave my clothes away to my cousin because they dont fit me anymore",
        "my team would be fine without me for one match",
        "my mate said i owe him a drink lol",
        "my carer lent me money for the cinema and i paid her back",
        "i wait till everyone is asleep to watch netflix in peace",
        "no one came to watch my football match",
        "my friends made a group chat for my birthday surprise",
        "i end up on the floor laughing every time we watch that show",
    ],
)
def test_indirect_cues_leave_look_alikes_alone(text: str) -> None:
    assert not phrases_match(text).flagged, phrases_match(text).matched


def test_near_matches_either_order_within_the_window_and_never_across_a_sentence() -> None:
    regex = re.compile(phrases.near("blade", "myself", 2).replace(" ~2 ", " (?:[a-z]+ ){0,2}"))
    assert regex.search("blade on myself")
    assert regex.search("myself with the blade")
    assert not regex.search("blade one two three myself")
    assert "self_harm.cue_blade" in screen("got the blade out for myself").matched
    assert "self_harm.cue_blade" not in screen("new blade for the saw. sorted it myself").matched


# ----------------------------------------------------------------------- the phrase list


def test_phrase_ids_are_unique_and_name_a_category() -> None:
    ids = [phrase.id for phrase in phrases.PHRASES]
    assert len(ids) == len(set(ids))
    for phrase_id in ids:
        assert re.fullmatch(r"[a-z_]+\.[a-z_]+", phrase_id)
        Category(phrase_id.split(".")[0])
    assert {Category(i.split(".")[0]) for i in ids} == set(Category)


def test_category_values_are_stable() -> None:
    assert [c.value for c in Category] == [
        "self_harm",
        "abuse",
        "sexual_exploitation",
        "criminal_exploitation",
        "missing",
        "unsafe_home",
        "bullying",
    ]


# ----------------------------------------------------------------------------- the classifier


def test_the_classifier_flags_wording_no_phrase_matches() -> None:
    text = "been looking up how many pills it takes"  # a training row
    assert not match_phrases(normalise(text)).flagged
    result = screen(text)
    assert result.matched == ("learned.self_harm",)
    assert result.categories == {Category.SELF_HARM}


def test_the_classifier_only_judges_what_the_phrases_let_through() -> None:
    assert screen("i want to die").matched == ("self_harm.want_to_die",)


# ------------------------------------------------------------------------- the labelled files


def test_training_file_is_big_enough_and_covers_every_category() -> None:
    rows = learned.load_labelled(TRAINING)
    disclosures = [row for row in rows if row.disclosure]
    assert len(rows) >= 300
    assert len(disclosures) >= 140
    assert len(rows) - len(disclosures) >= 140
    assert {row.category for row in disclosures} == set(Category)
    assert len({row.text for row in rows}) == len(rows), "a training text is repeated"


def test_the_threshold_keeps_cross_validated_recall_on_target() -> None:
    """Adding training rows can move the best threshold: `bench.screen` prints the choices."""
    report = cross_validated(learned.load_labelled(TRAINING), classifier=True)
    assert report.overall.recall >= RECALL_TARGET


def test_held_out_recall_and_precision_meet_the_targets() -> None:
    """Blind text nothing was tuned on: the screen's honest figures."""
    report = measure(learned.load_labelled(HELD_OUT))
    assert report.overall.recall >= RECALL_TARGET, f"{len(report.misses)} disclosures missed"
    assert report.overall.precision >= PRECISION_TARGET, f"{len(report.false_alarms)} false alarms"
