"""PLACEHOLDER until the disclosure screen lands (being written now); flags nothing."""

from dataclasses import dataclass
from enum import StrEnum


class Category(StrEnum):
    SELF_HARM = "self_harm"


@dataclass(frozen=True)
class ScreenResult:
    categories: frozenset[Category]
    matched: tuple[str, ...]

    @property
    def flagged(self) -> bool:
        return bool(self.categories)


def screen(text: str) -> ScreenResult:
    return ScreenResult(frozenset(), ())
