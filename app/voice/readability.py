"""How hard a piece of writing is to read, for editors whose words young people read.

The measure is textstat's Flesch-Kincaid grade: a US school grade from sentence length and
syllables per word. A US grade is the school year, and children start grade 1 at about 6, so
reading age = grade + 5 (grade 6 is a reading age of 11). The formula is crude on very short
texts and knows nothing of meaning, so it only warns: the officer decides.
"""

from dataclasses import dataclass

import textstat

# Care-experienced young people may be 11, some read below their age and many are learning
# English: aim for what a typical 11-year-old reads easily.
TARGET_READING_AGE = 11
GRADE_TO_AGE = 5
_MIN_WORDS = 5  # under this the formula says nothing useful


@dataclass(frozen=True)
class ReadingCheck:
    reading_age: int | None  # None when the text is too short to judge
    words: int

    @property
    def too_hard(self) -> bool:
        return self.reading_age is not None and self.reading_age > TARGET_READING_AGE


def reading_age(text: str) -> ReadingCheck:
    """The reading age of `text` (Flesch-Kincaid grade + 5, never below 5)."""
    words = textstat.lexicon_count(text)
    if words < _MIN_WORDS:
        return ReadingCheck(reading_age=None, words=words)
    grade = float(textstat.flesch_kincaid_grade(text))
    return ReadingCheck(reading_age=max(GRADE_TO_AGE, round(grade) + GRADE_TO_AGE), words=words)
