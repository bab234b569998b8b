"""The kinds of disclosure the screen tells the safeguarding lead about."""

from enum import StrEnum


class Category(StrEnum):
    SELF_HARM = "self_harm"
    ABUSE = "abuse"
    SEXUAL_EXPLOITATION = "sexual_exploitation"
    CRIMINAL_EXPLOITATION = "criminal_exploitation"
    MISSING = "missing"
    UNSAFE_HOME = "unsafe_home"
    BULLYING = "bullying"
