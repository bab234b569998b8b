"""Counting ballots: a pure function, ballots in and results out, so it can be tested exhaustively.

Dots: an option's score is the sum of the votes on it. Ranking the top three: a 1st choice
scores 3, a 2nd 2 and a 3rd 1. Options with equal scores share a rank ("1, 2, 2, 4"), and are
listed in the order the officer put the options in.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from app.meetings.models import VotingMethod
from app.smallnumbers import SMALLEST_SHOWN

RANK_POINTS = {1: 3, 2: 2, 3: 1}
#: Results of a round with fewer voters than this are not shown (TRUST PR-07: k = 5), so a
#: small vote cannot show how one known person voted.
SMALL_NUMBER = SMALLEST_SHOWN


@dataclass(frozen=True)
class OptionResult:
    option_id: int
    score: int  # votes (dots) or points (ranking)
    voters: int  # ballots that chose this option at all
    rank: int


@dataclass(frozen=True)
class Tally:
    turnout: int
    results: tuple[OptionResult, ...]  # best first

    def top(self, count: int) -> list[OptionResult]:
        """Options ranked within the first `count` places (all of a tie at the edge), that anyone
        chose at all."""
        return [r for r in self.results if r.rank <= count and r.score > 0]


def points(method: VotingMethod, value: int) -> int:
    """What one choice on a ballot is worth."""
    return value if method is VotingMethod.DOTS else RANK_POINTS.get(value, 0)


def count_ballots(
    method: VotingMethod,
    option_ids: Sequence[int],
    ballots: Iterable[Mapping[str, int]],
) -> Tally:
    """Counts stored ballots (option id as text -> votes or rank) for the options given, in order.

    A choice for an option not in `option_ids` is not counted (it cannot be stored: the service
    refuses it, but the count does not rely on that).
    """
    scores = dict.fromkeys(option_ids, 0)
    voters = dict.fromkeys(option_ids, 0)
    turnout = 0
    for ballot in ballots:
        turnout += 1
        for key, value in ballot.items():
            option_id = int(key)
            if option_id in scores and value > 0:
                scores[option_id] += points(method, value)
                voters[option_id] += 1
    order = {option_id: index for index, option_id in enumerate(option_ids)}
    ordered = sorted(option_ids, key=lambda option_id: (-scores[option_id], order[option_id]))
    results: list[OptionResult] = []
    for place, option_id in enumerate(ordered, start=1):
        tied = results and results[-1].score == scores[option_id]
        rank = results[-1].rank if tied else place
        results.append(OptionResult(option_id, scores[option_id], voters[option_id], rank))
    return Tally(turnout=turnout, results=tuple(results))
