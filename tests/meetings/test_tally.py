"""The tally equals the ballots, whatever the ballots: checked against a plain recount."""

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from app.meetings.models import VotingMethod
from app.meetings.tally import count_ballots

OPTIONS = [11, 12, 13, 14, 15]

dot_ballots = st.lists(
    st.dictionaries(st.sampled_from(OPTIONS).map(str), st.integers(1, 3), max_size=3),
    max_size=60,
)
ranked_ballots = st.lists(
    st.lists(st.sampled_from(OPTIONS), min_size=1, max_size=3, unique=True).map(
        lambda picks: {str(option): rank for rank, option in enumerate(picks, start=1)}
    ),
    max_size=60,
)


def expected_ranks(scores: dict[int, int]) -> dict[int, int]:
    """Equal scores share a rank: one more than the number of options that scored higher."""
    return {o: 1 + sum(1 for other in scores.values() if other > s) for o, s in scores.items()}


@given(dot_ballots)
def test_dot_votes_are_counted_exactly(ballots: list[dict[str, int]]) -> None:
    tally = count_ballots(VotingMethod.DOTS, OPTIONS, ballots)
    recount: Counter[int] = Counter()
    for ballot in ballots:
        for option, votes in ballot.items():
            recount[int(option)] += votes
    scores = {option: recount[option] for option in OPTIONS}
    assert tally.turnout == len(ballots)
    assert {r.option_id: r.score for r in tally.results} == scores
    assert sum(r.score for r in tally.results) == sum(sum(b.values()) for b in ballots)
    assert {r.option_id: r.rank for r in tally.results} == expected_ranks(scores)
    assert [r.score for r in tally.results] == sorted(scores.values(), reverse=True)
    for result in tally.results:
        assert result.voters == sum(1 for b in ballots if str(result.option_id) in b)


@given(ranked_ballots)
def test_rankings_score_three_two_one(ballots: list[dict[str, int]]) -> None:
    tally = count_ballots(VotingMethod.RANK_TOP_THREE, OPTIONS, ballots)
    scores = dict.fromkeys(OPTIONS, 0)
    for ballot in ballots:
        for option, rank in ballot.items():
            scores[int(option)] += 4 - rank
    assert tally.turnout == len(ballots)
    assert {r.option_id: r.score for r in tally.results} == scores
    assert {r.option_id: r.rank for r in tally.results} == expected_ranks(scores)


def test_ties_share_a_rank_and_keep_the_officers_order() -> None:
    tally = count_ballots(
        VotingMethod.DOTS, [1, 2, 3, 4], [{"2": 2, "3": 2}, {"1": 1, "4": 1}, {"1": 1}]
    )
    assert [(r.option_id, r.score, r.rank) for r in tally.results] == [
        (1, 2, 1),
        (2, 2, 1),
        (3, 2, 1),
        (4, 1, 4),
    ]
    assert [r.option_id for r in tally.top(2)] == [1, 2, 3]  # a tie at the edge all goes on


def test_a_choice_outside_the_round_is_not_counted() -> None:
    tally = count_ballots(VotingMethod.DOTS, [1, 2], [{"1": 1, "99": 3}])
    assert {r.option_id: r.score for r in tally.results} == {1: 1, 2: 0}
    assert tally.top(5) == [tally.results[0]]  # nobody chose option 2: it is not "top"
